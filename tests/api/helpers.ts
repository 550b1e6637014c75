import { inject } from "vitest";
import { decodeWav } from "@/inference/index";

export const baseUrl = (): string => inject("baseUrl");
export const ownServer = (): boolean => inject("ownServer");

export function postJson(path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(baseUrl() + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}

export async function getJson<T = any>(path: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(baseUrl() + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** Asserts the API error shape and returns its code. */
export async function expectError(r: Response, status: number): Promise<{ code: string; message: string }> {
  const text = await r.text();
  if (r.status !== status) throw new Error(`expected HTTP ${status}, got ${r.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string" || !body.error.message) {
    throw new Error(`not an API error body: ${text.slice(0, 300)}`);
  }
  if (!(r.headers.get("content-type") ?? "").startsWith("application/json")) throw new Error("error is not JSON");
  return body.error as { code: string; message: string };
}

export async function wavOf(r: Response): Promise<{ samples: Float32Array; sampleRate: number; bytes: Uint8Array }> {
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${(await r.text()).slice(0, 300)}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  return { ...decodeWav(bytes), bytes };
}

/** Walks MPEG audio Layer III frames; returns frame count, samples and sample rate (throws on garbage). */
export function mp3Frames(bytes: Uint8Array): { frames: number; samples: number; sampleRate: number } {
  const V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
  let off = 0, frames = 0, samples = 0, sampleRate = 0;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) { // ID3v2 tag
    off = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!);
  }
  while (off + 4 <= bytes.length) {
    const h = (bytes[off]! << 24 | bytes[off + 1]! << 16 | bytes[off + 2]! << 8 | bytes[off + 3]!) >>> 0;
    if ((h >>> 21) !== 0x7ff) throw new Error(`no MPEG frame sync at byte ${off}`);
    const version = (h >>> 19) & 3, layer = (h >>> 17) & 3, brIndex = (h >>> 12) & 15, srIndex = (h >>> 10) & 3, pad = (h >>> 9) & 1;
    if (layer !== 1 || version === 1 || brIndex === 0 || brIndex === 15 || srIndex === 3) throw new Error(`bad Layer III header at ${off}`);
    const sr = RATES[version]![srIndex]!;
    const kbps = (version === 3 ? V1 : V2)[brIndex]!;
    const size = Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / sr) + pad;
    sampleRate = sr;
    samples += version === 3 ? 1152 : 576;
    frames++;
    off += size;
  }
  return { frames, samples, sampleRate };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const LONG_TEXT = Array.from({ length: 40 }, (_, i) =>
  `Sentence number ${i + 1} keeps the engine busy for a while, with a clause or two and a few more words.`).join(" ");
