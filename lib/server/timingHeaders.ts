/** Response headers that describe a finished synthesis (the "figures of the run"). */
import type { SynthesisResult } from "@/inference/index";

export function timingHeaders(r: SynthesisResult, voiceId: string): Record<string, string> {
  const t = r.timings;
  const seconds = r.audio.length / r.sampleRate;
  const computeMs = t.totalMs - t.queueMs - t.loadMs;
  const ms = (v: number): string => v.toFixed(1);
  return {
    "X-Voice": voiceId,
    "X-Sample-Rate": String(r.sampleRate),
    "X-Audio-Duration": seconds.toFixed(3),
    "X-Steps": String(r.steps),
    "X-Segments": String(r.segments.length),
    "X-Cache-Hits": String(r.cacheHits),
    "X-Device": r.device,
    "X-Precision": r.precision,
    "X-RTF": seconds > 0 ? (computeMs / 1000 / seconds).toFixed(4) : "0",
    "X-Timing-Total-Ms": ms(t.totalMs),
    "X-Timing-Queue-Ms": ms(t.queueMs),
    "X-Timing-Load-Ms": ms(t.loadMs),
    "Server-Timing": [
      `queue;dur=${ms(t.queueMs)}`, `load;dur=${ms(t.loadMs)}`, `frontend;dur=${ms(t.frontendMs)}`,
      `spectrogram;dur=${ms(t.spectrogramMs)}`, `vocoder;dur=${ms(t.vocoderMs)}`, `total;dur=${ms(t.totalMs)}`,
    ].join(", "),
  };
}
