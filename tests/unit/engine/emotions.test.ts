import { describe, expect, it } from "vitest";
import { resolveEmotion } from "../../../inference/emotions";

const ORDER = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"];
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe("resolveEmotion", () => {
  it("maps presets to weighted one-hot vectors; joyful is happy; neutral needs no model", () => {
    expect(resolveEmotion({ emotion: "sad", emotionWeight: 0.5 }, ORDER).weighted).toEqual([0, 0, 0.5, 0, 0, 0, 0, 0]);
    expect(resolveEmotion({ emotion: "Joyful" }, ORDER)).toEqual(resolveEmotion({ emotion: "happy" }, ORDER));
    expect(resolveEmotion({}, ORDER)).toEqual({ key: "neutral", weighted: null });
    expect(resolveEmotion({ emotion: "neutral" }, ORDER).weighted).toBeNull();
    expect(resolveEmotion({ emotion: "angry", emotionWeight: 0 }, ORDER).weighted).toBeNull();
  });

  it("accepts 8-dim vectors times a weight", () => {
    const r = resolveEmotion({ emotionVector: [0.5, 0, 0, 0, 0, 0, 1, 0], emotionWeight: 1.5 }, ORDER);
    expect(r.weighted).toEqual([0.75, 0, 0, 0, 0, 0, 1.5, 0]);
    expect(r.key).not.toBe(resolveEmotion({ emotionVector: [0.5, 0, 0, 0, 0, 0, 1, 0] }, ORDER).key);
  });

  it("rejects unknown names, wrong vectors and out-of-range weights", () => {
    expect(codeOf(() => resolveEmotion({ emotion: "bored" }, ORDER))).toBe("unknown_emotion");
    expect(codeOf(() => resolveEmotion({ emotionVector: [1, 0, 0] }, ORDER))).toBe("invalid_emotion_vector");
    expect(codeOf(() => resolveEmotion({ emotionVector: [2, 0, 0, 0, 0, 0, 0, 0] }, ORDER))).toBe("invalid_emotion_vector");
    expect(codeOf(() => resolveEmotion({ emotionVector: [Number.NaN, 0, 0, 0, 0, 0, 0, 0] }, ORDER))).toBe("invalid_emotion_vector");
    expect(codeOf(() => resolveEmotion({ emotion: "happy", emotionWeight: 1.6 }, ORDER))).toBe("invalid_option");
    expect(codeOf(() => resolveEmotion({ emotion: "happy", emotionWeight: -0.1 }, ORDER))).toBe("invalid_option");
    expect(codeOf(() => resolveEmotion({ emotion: "happy", emotionVector: [0, 0, 0, 0, 0, 0, 0, 0] }, ORDER))).toBe("invalid_option");
  });
});
