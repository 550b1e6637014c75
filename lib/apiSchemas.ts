/**
 * Request schemas of the HTTP API (zod). Shared by the route handlers and the page's API client.
 * Ranges the engine owns (speed, steps, seed, temperature, weights) are checked by the engine, which
 * knows the package's limits; these schemas check shapes and types.
 */
import { z } from "zod";

export const EMOTION_ORDER = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"] as const;
export type EmotionName = (typeof EMOTION_ORDER)[number];

const finite = () => z.number().refine(Number.isFinite, "must be a finite number");

/** POST /api/tts */
export const ttsRequestSchema = z.strictObject({
  text: z.string({ error: "text must be a string" }),
  voice: z.string().min(1).optional(),
  emotion: z.string().min(1).optional(),
  emotion_vector: z.array(finite()).length(8, "emotion_vector must have 8 numbers").optional(),
  emotion_weight: finite().optional(),
  speed: finite().optional(),
  steps: z.union([z.int(), z.literal("auto")]).optional(),
  seed: z.int().optional(),
  temperature: finite().optional(),
  format: z.enum(["wav", "pcm"]).default("wav"),
  /** true: audio sent as segments finish; "events": NDJSON progress + audio events (the page uses it). */
  stream: z.union([z.boolean(), z.literal("events")]).default(false),
});
export type TtsRequest = z.input<typeof ttsRequestSchema>;

/** POST /api/segments */
export const segmentsRequestSchema = z.strictObject({
  text: z.string({ error: "text must be a string" }),
  voice: z.string().min(1).optional(),
});

export const OPENAI_FORMATS = ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const;

/** POST /v1/audio/speech: OpenAI's schema (unknown fields ignored, as OpenAI clients add new ones). */
export const openAiSpeechSchema = z.object({
  model: z.string({ error: "model must be a string" }).min(1, "model is required"),
  input: z.string({ error: "input must be a string" }),
  voice: z.union([z.string().min(1), z.object({ id: z.string().min(1) })], { error: "voice must be a voice name" }),
  response_format: z.enum(OPENAI_FORMATS).default("mp3"),
  speed: finite().min(0.25).max(4).default(1),
  instructions: z.string().optional(),
  stream_format: z.enum(["audio", "sse"]).optional(),
  /** Extension: an emotion preset name (happy, sad, …) or an 8-number vector. */
  emotion: z.union([z.string().min(1), z.array(finite()).length(8)]).optional(),
  emotion_weight: finite().optional(),
});
export type OpenAiSpeechRequest = z.input<typeof openAiSpeechSchema>;

/** The error body of every route. */
export type ApiErrorBody = { error: { code: string; message: string } };

/** NDJSON events of `stream: "events"` (one JSON object per line). */
export type TtsEvent =
  | { type: "progress"; stage: "loading" | "frontend" | "spectrogram" | "vocoder" | "done"; segment?: number; segments?: number }
  | { type: "audio"; index: number; count: number; text: string; sampleRate: number; pcm16: string /* base64 s16le */ }
  | { type: "done"; sampleRate: number; samples: number; steps: number; segments: string[]; device: string; precision: string;
      cacheHits: number; timings: { totalMs: number; firstAudioMs: number; loadMs: number; queueMs: number; frontendMs: number; spectrogramMs: number; vocoderMs: number };
      rtf: number }
  | { type: "error"; error: { code: string; message: string } };
