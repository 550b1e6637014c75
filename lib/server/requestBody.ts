/**
 * Reads a JSON request body with the checks every POST route needs: content type (415), size (413,
 * before and while reading), JSON syntax (400) and the zod schema (400).
 */
import type { z } from "zod";
import { ApiError, zodToApiError } from "./apiErrors";

/** Bodies are small JSON documents; 5000 characters of text is at most ~20 kB of UTF-8. */
export const MAX_BODY_BYTES = 256 * 1024;

/** How much of an oversized body is still read (and dropped) before answering 413, and for how long. */
const DISCARD_BYTES = 8 * 1024 * 1024;
const DISCARD_MS = 5000;

/**
 * Reads and drops the rest of a body that went over the limit. Cancelling at once closes the connection
 * while the client is still sending, and the client then sees a broken pipe instead of the 413; bounded
 * in bytes and time so a huge or slow upload still ends.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0;
  const deadline = Date.now() + DISCARD_MS;
  try {
    while (dropped < DISCARD_BYTES && Date.now() < deadline) {
      const timeout = new Promise<"timeout">((r) => setTimeout(r, Math.max(0, deadline - Date.now()), "timeout").unref());
      const chunk = await Promise.race([reader.read(), timeout]);
      if (chunk === "timeout" || chunk.done) break;
      dropped += chunk.value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

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
      await discardRest(reader);
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
