/** Typed errors of the engine; `status` is the HTTP status the API answers with. */
export type TTSErrorCode =
  | "invalid_text"
  | "text_too_long"
  | "unsupported_characters"
  | "unknown_voice"
  | "unknown_emotion"
  | "invalid_emotion_vector"
  | "invalid_option"
  | "queue_full"
  | "cancelled"
  | "model_unavailable";

const STATUS: Record<TTSErrorCode, number> = {
  invalid_text: 400,
  text_too_long: 413,
  unsupported_characters: 422,
  unknown_voice: 404,
  unknown_emotion: 400,
  invalid_emotion_vector: 400,
  invalid_option: 400,
  queue_full: 429,
  cancelled: 499,
  model_unavailable: 503,
};

export class TTSError extends Error {
  readonly code: TTSErrorCode;
  readonly status: number;
  readonly retryAfterSeconds?: number;

  constructor(code: TTSErrorCode, message: string, opts: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "TTSError";
    this.code = code;
    this.status = STATUS[code];
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** The API's error body `{ error: { code, message } }`. */
  toJSON(): { error: { code: TTSErrorCode; message: string; retryAfterSeconds?: number } } {
    const body: { code: TTSErrorCode; message: string; retryAfterSeconds?: number } = {
      code: this.code,
      message: this.message,
    };
    if (this.retryAfterSeconds !== undefined) body.retryAfterSeconds = this.retryAfterSeconds;
    return { error: body };
  }
}

export function isTTSError(e: unknown): e is TTSError {
  return e instanceof TTSError;
}
