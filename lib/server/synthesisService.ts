/**
 * What the audio routes share: one engine call per request (whole result, or segment by segment),
 * with the client's AbortSignal so a disconnect cancels the job, and the synthesis metrics.
 *
 * Streaming responses are committed (status 200) only after the first audio (or, for the event stream,
 * after the job left the queue), so every error that can happen before that — bad options, queue full,
 * model unavailable — is still answered as JSON with its status.
 */
import type { StreamChunk, SynthesisOptions, SynthesisResult } from "@/inference/index";
import type { TtsEvent } from "@/lib/apiSchemas";
import { encodePcm16 } from "@/inference/index";
import { toApiError } from "./apiErrors";
import { resolveVoice, type ResolvedVoice } from "./engineRegistry";
import { recordSynthesis } from "./metrics";

export type EngineRequest = Omit<SynthesisOptions, "voice" | "signal" | "onProgress"> & { text: string; voice?: string };

export type Synthesis = { result: SynthesisResult; voice: ResolvedVoice };

function engineOptions(req: EngineRequest, voice: ResolvedVoice, signal: AbortSignal): SynthesisOptions {
  const { text: _text, voice: _voice, ...rest } = req;
  return { ...rest, voice: voice.voice.speakerId, signal };
}

export async function synthesizeWhole(req: EngineRequest, signal: AbortSignal): Promise<Synthesis> {
  const voice = await resolveVoice(req.voice);
  const t0 = performance.now();
  const result = await voice.pkg.tts.synthesize(req.text, engineOptions(req, voice, signal));
  const seconds = (performance.now() - t0) / 1000;
  recordSynthesis(voice.voice.id, result.audio.length / result.sampleRate, seconds, seconds);
  return { result, voice };
}

/** Segment-by-segment audio; `first` is already computed (errors before it were thrown). */
export type SegmentStream = { voice: ResolvedVoice; sampleRate: number; first: StreamChunk; rest: AsyncIterator<StreamChunk>; cancel: () => void };

export async function streamSegments(req: EngineRequest, signal: AbortSignal): Promise<SegmentStream> {
  const voice = await resolveVoice(req.voice);
  const abort = new AbortController();
  const combined = AbortSignal.any([signal, abort.signal]);
  const t0 = performance.now();
  const source = voice.pkg.tts.stream(req.text, engineOptions(req, voice, combined));
  const first = await source.next();
  if (first.done) throw new Error("the engine produced no segment");
  const firstAudioSeconds = (performance.now() - t0) / 1000;
  let samples = first.value.audio.length;
  const sampleRate = first.value.sampleRate;
  // Wraps the engine's iterator to count audio for the metrics when the stream completes.
  const rest: AsyncIterator<StreamChunk> = {
    async next() {
      const r = await source.next();
      if (r.done) recordSynthesis(voice.voice.id, samples / sampleRate, (performance.now() - t0) / 1000, firstAudioSeconds);
      else samples += r.value.audio.length;
      return r;
    },
  };
  const cancel = (): void => {
    abort.abort();
    void source.return(undefined).catch(() => {});
  };
  return { voice, sampleRate, first: first.value, rest, cancel };
}

/**
 * A byte stream of the segments: `header` (if any) then `encode(chunk)` for each; cancelling the
 * response body (client gone) cancels the engine job.
 */
export function segmentByteStream(s: SegmentStream, encode: (c: StreamChunk) => Uint8Array, opts: { header?: Uint8Array; trailer?: () => Uint8Array } = {}): ReadableStream<Uint8Array> {
  let sentFirst = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!sentFirst) {
          sentFirst = true;
          if (opts.header) controller.enqueue(opts.header);
          controller.enqueue(encode(s.first));
          return;
        }
        const r = await s.rest.next();
        if (r.done) {
          const tail = opts.trailer?.();
          if (tail && tail.length) controller.enqueue(tail);
          controller.close();
        } else {
          controller.enqueue(encode(r.value));
        }
      } catch (e) {
        // Mid-stream failure: the status is sent already; ending the body early is all HTTP allows.
        process.stderr.write(`[api] stream ended early: ${(e as Error).message}\n`);
        s.cancel();
        controller.error(e);
      }
    },
    cancel() {
      s.cancel();
    },
  }, { highWaterMark: 0 });
}

const ENCODER = new TextEncoder();
const line = (ev: TtsEvent): Uint8Array => ENCODER.encode(JSON.stringify(ev) + "\n");

/**
 * The page's protocol (`stream: "events"`): NDJSON progress events, audio per segment (base64 16-bit
 * PCM) and a final summary. Resolves once the job has left the queue (or fails with the early error).
 */
export async function eventStream(req: EngineRequest, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const voice = await resolveVoice(req.voice);
  const abort = new AbortController();
  const combined = AbortSignal.any([signal, abort.signal]);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) { controller = c; },
    cancel() { closed = true; abort.abort(); },
  });
  const send = (ev: TtsEvent): void => {
    if (closed) return;
    try { controller.enqueue(line(ev)); } catch { closed = true; }
  };
  const finish = (): void => {
    if (closed) return;
    closed = true;
    try { controller.close(); } catch { /* already cancelled by the client */ }
  };

  let committed = false;
  let commit!: () => void;
  let failEarly!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => { commit = resolve; failEarly = reject; });
  const markCommitted = (): void => { if (!committed) { committed = true; commit(); } };

  const t0 = performance.now();
  // Streamed chunks carry no cache figure: the engine-wide hit counter's change over this job stands in
  // (exact when the job runs alone, an upper bound under concurrent load).
  const hitsBefore = voice.pkg.tts.stats().cache.hits;
  void (async () => {
    const opts: SynthesisOptions = {
      ...engineOptions(req, voice, combined),
      onProgress: (ev) => {
        if (ev.stage !== "frontend") markCommitted();
        send({ type: "progress", ...ev });
      },
    };
    let samples = 0, sampleRate = 0, steps = 0, firstAudioMs = 0, loadMs = 0, queueMs = 0, frontendMs = 0, spectrogramMs = 0, vocoderMs = 0;
    const segments: string[] = [];
    try {
      for await (const chunk of voice.pkg.tts.stream(req.text, opts)) {
        markCommitted();
        if (chunk.index === 0) firstAudioMs = performance.now() - t0;
        sampleRate = chunk.sampleRate;
        samples += chunk.audio.length;
        steps = Math.max(steps, chunk.steps);
        segments.push(chunk.text);
        loadMs += chunk.timings.loadMs; queueMs += chunk.timings.queueMs; frontendMs += chunk.timings.frontendMs;
        spectrogramMs += chunk.timings.spectrogramMs; vocoderMs += chunk.timings.vocoderMs;
        send({ type: "audio", index: chunk.index, count: chunk.count, text: chunk.text, sampleRate, pcm16: Buffer.from(encodePcm16(chunk.audio)).toString("base64") });
      }
      const totalMs = performance.now() - t0;
      const audioSeconds = sampleRate ? samples / sampleRate : 0;
      recordSynthesis(voice.voice.id, audioSeconds, totalMs / 1000, firstAudioMs / 1000);
      const info = voice.pkg.tts.info();
      send({
        type: "done", sampleRate, samples, steps, segments, device: info.device, precision: info.precision,
        cacheHits: voice.pkg.tts.stats().cache.hits - hitsBefore, rtf: audioSeconds ? (totalMs - loadMs - queueMs) / 1000 / audioSeconds : 0,
        timings: { totalMs, firstAudioMs, loadMs, queueMs, frontendMs, spectrogramMs, vocoderMs },
      });
      finish();
    } catch (e) {
      if (!committed) { committed = true; failEarly(e); return; }
      const err = toApiError(e);
      send({ type: "error", error: { code: err.code, message: err.message } });
      finish();
    }
  })();
  await ready;
  return body;
}
