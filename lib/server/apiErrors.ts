/**
 * Every error the API returns is `{ error: { code, message } }` with a fitting status; engine errors
 * (TTSError) keep their code. Nothing a client sends may produce a 500: unexpected failures are logged
 * and answered with a generic 500 that names no internals.
 */
import { isTTSError } from "@/inference/index";
import type { ZodError } from "zod";

export type ApiErrorCode =
  | "invalid_json" | "invalid_request" | "unsupported_media_type" | "payload_too_large" | "unsupported_format"
  | "not_found" | "internal_error";

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode | string, readonly status: number, message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = "ApiError";
  }
}

/** Engine codes whose HTTP status the API states differently from the engine's default. */
const STATUS_OVERRIDES: Record<string, number> = {
  unknown_voice: 400, // the issue: an unknown voice is invalid input, like an unknown emotion
  unsupported_characters: 400,
};

/** Seconds a client should wait when the models are unavailable (missing package, failed load). */
const MODEL_UNAVAILABLE_RETRY_SECONDS = 30;

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (isTTSError(e)) {
    const status = STATUS_OVERRIDES[e.code] ?? e.status;
    const retry = e.retryAfterSeconds ?? (status === 503 ? MODEL_UNAVAILABLE_RETRY_SECONDS : status === 429 ? 1 : undefined);
    return new ApiError(e.code, status, e.message, retry);
  }
  process.stderr.write(`[api] unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
  return new ApiError("internal_error", 500, "internal error while handling the request");
}

export function errorResponse(e: unknown): Response {
  return apiErrorResponse(toApiError(e));
}

export function apiErrorResponse(err: ApiError): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.retryAfterSeconds);
  // The rest of an oversize body is never read: close the connection rather than reuse a socket with
  // unread bytes in it.
  if (err.status === 413) headers.Connection = "close";
  return Response.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers });
}

export function zodToApiError(error: ZodError): ApiError {
  const issue = error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join(".")}: ` : "";
  return new ApiError("invalid_request", 400, `${where}${issue?.message ?? "invalid request"}`);
}
