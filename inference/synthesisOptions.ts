/** Per-request options: types, defaults and validation (every bad value → a typed 4xx TTSError). */
import { type EmotionRequest, type ResolvedEmotion, resolveEmotion } from "./emotions";
import { TTSError } from "./errors";
import type { ModelManifest } from "./modelPackage";

export type ProgressEvent = { stage: "loading" | "frontend" | "spectrogram" | "vocoder" | "done"; segment?: number; segments?: number };

export type SynthesisOptions = EmotionRequest & {
  voice?: string;
  /** 0.5 (slow) … 2 (fast); default 1. */
  speed?: number;
  /** Euler steps, or "auto" (default): 10–15 from each segment's complexity (odeSolver.dynamicSteps). */
  steps?: number | "auto";
  /** Noise seed, an integer in [0, 2^32); default 0, so a request is reproducible unless varied. */
  seed?: number;
  /** Std of the initial noise, [0, 1.5]; default from the package (decoder.temperature). */
  temperature?: number;
  signal?: AbortSignal;
  onProgress?: (ev: ProgressEvent) => void;
};

/** Ranges of the numeric options (also reported by TTS.info().limits). */
export const OPTION_LIMITS = {
  speed: { min: 0.5, max: 2 },
  temperature: { min: 0, max: 1.5 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

export type ValidOptions = {
  speaker: { id: string; index: number };
  emotion: ResolvedEmotion;
  speed: number;
  steps: number | "auto";
  seed: number;
  temperature: number;
  signal?: AbortSignal;
  onProgress?: (ev: ProgressEvent) => void;
};

function numberIn(name: string, v: unknown, min: number, max: number, integer = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new TTSError("invalid_option", `${name} must be ${integer ? "an integer" : "a number"} in [${min}, ${max}] (got ${JSON.stringify(v)})`);
  }
  return v;
}

export function validateSynthesisOptions(o: SynthesisOptions, m: ModelManifest): ValidOptions {
  if (o === null || typeof o !== "object") throw new TTSError("invalid_option", "options must be an object");
  const voiceId = o.voice ?? m.speakers[0]!.id;
  const speaker = m.speakers.find((s) => s.id === voiceId);
  if (!speaker) {
    throw new TTSError("unknown_voice", `unknown voice ${JSON.stringify(o.voice)}; available: ${m.speakers.map((s) => s.id).join(", ")}`);
  }
  if (o.emotion !== undefined && typeof o.emotion !== "string") throw new TTSError("unknown_emotion", "emotion must be a preset name");
  const emotion = resolveEmotion(o, m.emotions.names);
  const steps = o.steps === undefined || o.steps === "auto"
    ? "auto"
    : numberIn("steps", o.steps, m.decoder.min_steps, m.decoder.max_steps, true);
  if (o.signal?.aborted) throw new TTSError("cancelled", "the request was cancelled");
  return {
    speaker: { id: speaker.id, index: speaker.index },
    emotion,
    speed: o.speed === undefined ? 1 : numberIn("speed", o.speed, OPTION_LIMITS.speed.min, OPTION_LIMITS.speed.max),
    steps,
    seed: o.seed === undefined ? 0 : numberIn("seed", o.seed, OPTION_LIMITS.seed.min, OPTION_LIMITS.seed.max, true),
    temperature: o.temperature === undefined
      ? m.decoder.temperature
      : numberIn("temperature", o.temperature, OPTION_LIMITS.temperature.min, OPTION_LIMITS.temperature.max),
    signal: o.signal,
    onProgress: o.onProgress,
  };
}
