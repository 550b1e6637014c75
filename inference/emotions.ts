/**
 * Emotion presets and vectors (IndexTTS2 style): a preset name, or an 8-dim vector in the package's
 * emotion order with a weight. The weighted vector is what emotion.onnx takes; all zeros is neutral,
 * which uses the package's precomputed neutral style without loading emotion.onnx.
 */
import { TTSError } from "./errors";

export const EMOTION_NAMES = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"] as const;
export const EMOTION_PRESETS = [...EMOTION_NAMES, "neutral"] as const;
const ALIASES: Record<string, string> = { joyful: "happy" };

export const EMOTION_WEIGHT_RANGE = { min: 0, max: 1.5 } as const;
export const EMOTION_VALUE_RANGE = { min: 0, max: 1 } as const;
export const DEFAULT_EMOTION_WEIGHT = 1;

export type EmotionRequest = { emotion?: string; emotionVector?: readonly number[]; emotionWeight?: number };
/** `key` identifies the style in caches; `weighted` is null for neutral. */
export type ResolvedEmotion = { key: string; weighted: number[] | null };

/** Validates and resolves a request's emotion against the package's emotion order. */
export function resolveEmotion(req: EmotionRequest, packageOrder: readonly string[]): ResolvedEmotion {
  const weight = req.emotionWeight ?? DEFAULT_EMOTION_WEIGHT;
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < EMOTION_WEIGHT_RANGE.min || weight > EMOTION_WEIGHT_RANGE.max) {
    throw new TTSError("invalid_option", `emotionWeight must be a number in [${EMOTION_WEIGHT_RANGE.min}, ${EMOTION_WEIGHT_RANGE.max}]`);
  }
  if (req.emotion !== undefined && req.emotionVector !== undefined) {
    throw new TTSError("invalid_option", "give either emotion or emotionVector, not both");
  }
  let vector: number[];
  if (req.emotionVector !== undefined) {
    const v = req.emotionVector;
    if (!Array.isArray(v) || v.length !== 8) {
      throw new TTSError("invalid_emotion_vector", `emotionVector must have 8 numbers (${packageOrder.join(", ")})`);
    }
    if (!v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= EMOTION_VALUE_RANGE.min && x <= EMOTION_VALUE_RANGE.max)) {
      throw new TTSError("invalid_emotion_vector", `emotionVector values must be numbers in [${EMOTION_VALUE_RANGE.min}, ${EMOTION_VALUE_RANGE.max}]`);
    }
    vector = [...v];
  } else {
    const raw = (req.emotion ?? "neutral").trim().toLowerCase();
    const name = ALIASES[raw] ?? raw;
    if (name === "neutral") return { key: "neutral", weighted: null };
    const idx = packageOrder.indexOf(name);
    if (idx < 0) {
      throw new TTSError("unknown_emotion", `unknown emotion ${JSON.stringify(req.emotion)}; known: ${[...EMOTION_PRESETS, "joyful"].join(", ")}`);
    }
    vector = packageOrder.map((_, i) => (i === idx ? 1 : 0));
  }
  const weighted = vector.map((x) => x * weight);
  if (weighted.every((x) => x === 0)) return { key: "neutral", weighted: null };
  return { key: weighted.map((x) => x.toFixed(4)).join(","), weighted };
}
