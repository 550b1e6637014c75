/** The page's API client: JSON routes, and the NDJSON event stream of POST /api/tts (`stream: "events"`). */
import type { TtsEvent, TtsRequest } from "./apiSchemas";

export class ApiClientError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
    this.name = "ApiClientError";
  }
}

async function errorFrom(res: Response): Promise<ApiClientError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) return new ApiClientError(body.error.code, body.error.message ?? body.error.code, res.status);
  } catch { /* not JSON: fall through */ }
  return new ApiClientError("http_error", `HTTP ${res.status} ${res.statusText}`, res.status);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, cache: "no-store" });
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal });
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

export type VoicesResponse = {
  default: string | null;
  voices: { id: string; name: string; package: string; speaker: string; languages: string[] }[];
  emotions: string[];
  limits: { maxChars: number; speed: { min: number; max: number }; steps: { min: number; max: number }; emotionWeight: { min: number; max: number }; temperature: { min: number; max: number } } | null;
};

export type HealthResponse = {
  status: "ok" | "unavailable";
  packages: { id: string; device: string; precision: string; loaded: Record<string, boolean>; queue: { active: number; waiting: number } }[];
};

export type SegmentsResponse = { characters: number; maxChars: number; segments: { text: string; tokens: number; steps: number }[] };

export type DoneEvent = Extract<TtsEvent, { type: "done" }>;
export type ProgressEvent = Extract<TtsEvent, { type: "progress" }>;
export type AudioEvent = Extract<TtsEvent, { type: "audio" }>;

/** Runs one generation through the event stream; resolves with the final summary. */
export async function generateWithEvents(
  request: TtsRequest,
  handlers: { signal: AbortSignal; onProgress: (e: ProgressEvent) => void; onAudio: (e: AudioEvent) => void },
): Promise<DoneEvent> {
  const res = await fetch("/api/tts", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...request, stream: "events" }),
    signal: handlers.signal,
  });
  if (!res.ok) throw await errorFrom(res);
  if (!res.body) throw new ApiClientError("http_error", "empty response", res.status);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let done: DoneEvent | undefined;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (value) buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const ev = JSON.parse(line) as TtsEvent;
      if (ev.type === "progress") handlers.onProgress(ev);
      else if (ev.type === "audio") handlers.onAudio(ev);
      else if (ev.type === "error") throw new ApiClientError(ev.error.code, ev.error.message, 500);
      else done = ev;
    }
    if (end) break;
  }
  if (!done) throw new ApiClientError("incomplete", "the server ended the stream early", 502);
  return done;
}
