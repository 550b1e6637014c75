/**
 * OpenAI compatibility: OpenAI's voice names map onto our voices (so existing clients work unchanged),
 * and free-text `instructions` map onto an emotion preset by keywords (English and Chinese).
 */
import type { VoiceEntry } from "./engineRegistry";

export const OPENAI_VOICES = [
  "alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse", "marin", "cedar",
] as const;

/** Model ids accepted by /v1/audio/speech and listed by /v1/models. */
export const OPENAI_MODEL_IDS = ["index-tts-web", "tts-1", "tts-1-hd", "gpt-4o-mini-tts"] as const;

/** Our voice for an OpenAI voice name: spread over our voices in a fixed order. */
export function mapOpenAiVoice(name: string, voices: VoiceEntry[]): string | undefined {
  const i = (OPENAI_VOICES as readonly string[]).indexOf(name.toLowerCase());
  if (i < 0 || voices.length === 0) return undefined;
  return voices[i % voices.length]!.id;
}

const KEYWORDS: [emotion: string, words: string[]][] = [
  ["happy", ["happy", "happily", "cheerful", "joyful", "joy", "excited", "upbeat", "delighted", "glad", "开心", "高兴", "快乐", "愉快", "兴奋"]],
  ["angry", ["angry", "angrily", "furious", "mad", "irritated", "annoyed", "rage", "生气", "愤怒", "恼火"]],
  ["sad", ["sad", "sadly", "sorrowful", "unhappy", "tearful", "upset", "crying", "悲伤", "难过", "伤心"]],
  ["afraid", ["afraid", "scared", "fearful", "frightened", "nervous", "anxious", "terrified", "害怕", "恐惧", "紧张"]],
  ["disgusted", ["disgusted", "disgust", "revolted", "grossed", "厌恶", "恶心"]],
  ["melancholic", ["melancholic", "melancholy", "wistful", "gloomy", "nostalgic", "忧郁", "惆怅", "低落"]],
  ["surprised", ["surprised", "surprise", "surprisingly", "amazed", "astonished", "shocked", "惊讶", "吃惊", "震惊"]],
  ["calm", ["calm", "soothing", "relaxed", "gentle", "peaceful", "serene", "soft", "平静", "冷静", "温柔", "舒缓"]],
  ["neutral", ["neutral", "flat", "plain", "中性", "平淡"]],
];

/** The emotion named earliest in `instructions`, or undefined when none is recognised (→ neutral). */
export function emotionFromInstructions(instructions: string | undefined): string | undefined {
  if (!instructions) return undefined;
  const lower = instructions.toLowerCase();
  let best: { emotion: string; at: number } | undefined;
  for (const [emotion, words] of KEYWORDS) {
    for (const w of words) {
      const ascii = /^[a-z]+$/.test(w);
      // English words also match with -ly / -ness ("cheerfully", "calmness").
      const at = ascii ? lower.search(new RegExp(`\\b${w}(ly|ness)?\\b`)) : lower.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { emotion, at };
    }
  }
  return best?.emotion;
}
