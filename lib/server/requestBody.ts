/**
 * Reads a JSON request body with the checks every POST route needs: content type (415), size (413,
 * before and while reading), JSON syntax (400) and the zod schema (400).
 */
import type { z } from "zod";
import { ApiError, zodToApiError } from "./apiErrors";

/** Bodies are small JSON documents; 5000 characters of text is at most ~20 kB of UTF-8. */
export const MAX_BODY_BYTES = 256 * 1024;

async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new ApiError("payload_too_large", 413, `request body is larger than ${limit} bytes`);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ApiError("payload_too_large", 413, `request body is larger than ${limit} bytes`);
    }
    parts.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(parts));
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError("unsupported_media_type", 415, `Content-Type must be application/json (got ${type || "none"})`);
  }
  const text = await readLimited(request, MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ApiError("invalid_json", 400, `request body is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw zodToApiError(parsed.error);
  return parsed.data;
}
