"use client";
/**
 * The page's client state (zustand): text and settings, the running job, the result, history, and the
 * user's language and theme. Network and audio work is delegated to ttsClient, pcmAudio and historyDb.
 */
import { create } from "zustand";
import { EMOTION_ORDER, type EmotionName, type TtsRequest } from "./apiSchemas";
import { addHistory, clearHistory, deleteHistory, type HistoryEntry, listHistory } from "./historyDb";
import type { Lang } from "./i18n";
import { base64ToBytes, PcmStreamPlayer, wavBlob } from "./pcmAudio";
import { ApiClientError, generateWithEvents, getJson, type HealthResponse, type VoicesResponse } from "./ttsClient";

export type EmotionMode = "neutral" | "preset" | "vector" | "random";
export type Theme = "light" | "dark";

export type GenerationSettings = {
  voice: string | null;
  emotionMode: EmotionMode;
  preset: EmotionName;
  /** 8 values in EMOTION_ORDER, each 0..1 (mix mode, and the draw of random mode). */
  vector: number[];
  weight: number;
  speed: number;
  stepsAuto: boolean;
  steps: number;
  /** null: the model's default. */
  temperature: number | null;
  seed: number;
};

export type RunFigures = {
  totalMs: number; firstAudioMs: number; rtf: number; steps: number; device: string; precision: string;
  cacheHits: number; durationSec: number; segments: number; sampleRate: number;
};

export type Stage = "queued" | "loading" | "frontend" | "spectrogram" | "vocoder" | "done";
export type JobError = { code: string; message: string };

/** `audioSec`: seconds of audio received so far (streamed segments, already playing if enabled). */
export type Job = { status: "idle" | "running" | "error"; stage: Stage | null; segment: number; segments: number; audioSec: number; error: JobError | null };

export type Result = { id: string; url: string; blob: Blob; text: string; settings: GenerationSettings; figures: RunFigures; createdAt: number };

export const DEFAULT_SETTINGS: GenerationSettings = {
  voice: null, emotionMode: "neutral", preset: "happy", vector: EMOTION_ORDER.map(() => 0), weight: 1, speed: 1,
  stepsAuto: true, steps: 10, temperature: null, seed: 0,
};

type State = {
  text: string;
  settings: GenerationSettings;
  lang: Lang;
  theme: Theme;
  streamPlay: boolean;
  voices: VoicesResponse | null;
  health: HealthResponse | null;
  job: Job;
  result: Result | null;
  history: HistoryEntry[];

  init: () => Promise<void>;
  refreshHealth: () => Promise<void>;
  setText: (text: string) => void;
  updateSettings: (patch: Partial<GenerationSettings>) => void;
  setVectorValue: (index: number, value: number) => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  setStreamPlay: (on: boolean) => void;
  generate: () => Promise<void>;
  cancel: () => void;
  dismissError: () => void;
  loadEntry: (entry: HistoryEntry) => void;
  reuseSettings: (entry: HistoryEntry) => void;
  removeEntry: (id: string) => Promise<void>;
  clearEntries: () => Promise<void>;
};

const IDLE: Job = { status: "idle", stage: null, segment: 0, segments: 0, audioSec: 0, error: null };

/** A random blend: one or two emotions at 0.4–1. */
export function randomVector(rand: () => number = Math.random): number[] {
  const v = EMOTION_ORDER.map(() => 0);
  const count = rand() < 0.5 ? 1 : 2;
  for (let k = 0; k < count; k++) v[Math.floor(rand() * v.length)] = Math.round((0.4 + 0.6 * rand()) * 100) / 100;
  return v;
}

/** The /api/tts request for a text and settings (random mode must be resolved to a vector first). */
export function toRequest(text: string, s: GenerationSettings): TtsRequest {
  const req: TtsRequest = { text, speed: s.speed, seed: s.seed };
  if (s.voice) req.voice = s.voice;
  if (s.emotionMode === "preset") { req.emotion = s.preset; req.emotion_weight = s.weight; }
  if (s.emotionMode === "vector" || s.emotionMode === "random") { req.emotion_vector = s.vector; req.emotion_weight = s.weight; }
  if (!s.stepsAuto) req.steps = s.steps;
  if (s.temperature !== null) req.temperature = s.temperature;
  return req;
}

function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
}

export const useStore = create<State>()((set, get) => {
  // Per-page objects, not module globals: one store per page.
  let abort: AbortController | null = null;
  let player: PcmStreamPlayer | null = null;

  const setResult = (result: Result | null): void => {
    const old = get().result;
    if (old && old.url !== result?.url) URL.revokeObjectURL(old.url);
    set({ result });
  };

  return {
    text: "",
    settings: DEFAULT_SETTINGS,
    lang: "en",
    theme: "light",
    streamPlay: true,
    voices: null,
    health: null,
    job: IDLE,
    result: null,
    history: [],

    init: async () => {
      const lang = (localStorage.getItem("tts-lang") as Lang | null) ?? (navigator.language.startsWith("zh") ? "zh" : "en");
      const theme = (localStorage.getItem("tts-theme") as Theme | null)
        ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      set({ lang, theme, streamPlay: localStorage.getItem("tts-stream-play") !== "0" });
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
      applyTheme(theme);
      const [voices, history] = await Promise.allSettled([getJson<VoicesResponse>("/api/voices"), listHistory()]);
      if (voices.status === "fulfilled") {
        set((st) => ({ voices: voices.value, settings: { ...st.settings, voice: st.settings.voice ?? voices.value.default } }));
      } else {
        const e = voices.reason as Error;
        set({ job: { ...IDLE, status: "error", error: { code: (e as ApiClientError).code ?? "network", message: e.message } } });
      }
      if (history.status === "fulfilled") set({ history: history.value });
      await get().refreshHealth();
    },

    refreshHealth: async () => {
      try {
        set({ health: await getJson<HealthResponse>("/api/health") });
      } catch {
        set({ health: { status: "unavailable", packages: [] } });
      }
    },

    setText: (text) => set({ text }),
    updateSettings: (patch) => set((st) => ({ settings: { ...st.settings, ...patch } })),
    setVectorValue: (index, value) => set((st) => {
      const vector = [...st.settings.vector];
      vector[index] = value;
      return { settings: { ...st.settings, vector } };
    }),
    setLang: (lang) => {
      localStorage.setItem("tts-lang", lang);
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
      set({ lang });
    },
    setTheme: (theme) => {
      localStorage.setItem("tts-theme", theme);
      applyTheme(theme);
      set({ theme });
    },
    setStreamPlay: (on) => {
      localStorage.setItem("tts-stream-play", on ? "1" : "0");
      set({ streamPlay: on });
    },

    generate: async () => {
      const st = get();
      if (st.job.status === "running" || !st.text.trim()) return;
      let settings = st.settings;
      if (settings.emotionMode === "random") settings = { ...settings, vector: randomVector() };
      set({ settings, job: { ...IDLE, status: "running", stage: "queued" } });
      abort = new AbortController();
      player = st.streamPlay ? new PcmStreamPlayer() : null;
      player?.prepare();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const text = st.text;
      try {
        const done = await generateWithEvents(toRequest(text, settings), {
          signal: abort.signal,
          onProgress: (ev) => set((s) => ({
            job: { ...s.job, stage: ev.stage, segment: ev.segment ?? s.job.segment, segments: ev.segments ?? s.job.segments },
          })),
          onAudio: (ev) => {
            const pcm = base64ToBytes(ev.pcm16);
            chunks.push(pcm);
            player?.push(pcm, ev.sampleRate);
            set((s) => ({ job: { ...s.job, segment: ev.index + 1, segments: ev.count, audioSec: s.job.audioSec + pcm.byteLength / 2 / ev.sampleRate } }));
          },
        });
        const blob = wavBlob(chunks, done.sampleRate);
        const figures: RunFigures = {
          totalMs: done.timings.totalMs, firstAudioMs: done.timings.firstAudioMs, rtf: done.rtf, steps: done.steps,
          device: done.device, precision: done.precision, cacheHits: done.cacheHits,
          durationSec: done.samples / done.sampleRate, segments: done.segments.length, sampleRate: done.sampleRate,
        };
        const entry: HistoryEntry = { id: crypto.randomUUID(), createdAt: Date.now(), text, settings, figures, wav: blob };
        setResult({ id: entry.id, url: URL.createObjectURL(blob), blob, text, settings, figures, createdAt: entry.createdAt });
        set({ job: IDLE });
        try {
          await addHistory(entry);
          set({ history: await listHistory() });
        } catch (e) {
          console.warn("history not saved", e);
        }
      } catch (e) {
        player?.stop();
        const err = e instanceof ApiClientError ? { code: e.code, message: e.message }
          : (e as Error).name === "AbortError" ? { code: "cancelled", message: "" }
          : { code: "network", message: (e as Error).message };
        set({ job: { ...IDLE, status: err.code === "cancelled" ? "idle" : "error", error: err.code === "cancelled" ? null : err } });
      } finally {
        abort = null;
        void get().refreshHealth();
      }
    },

    cancel: () => {
      abort?.abort();
      player?.stop();
    },

    dismissError: () => set({ job: IDLE }),

    loadEntry: (entry) => setResult({
      id: entry.id, url: URL.createObjectURL(entry.wav), blob: entry.wav, text: entry.text, settings: entry.settings,
      figures: entry.figures, createdAt: entry.createdAt,
    }),

    reuseSettings: (entry) => set({
      text: entry.text,
      settings: { ...entry.settings, emotionMode: entry.settings.emotionMode === "random" ? "vector" : entry.settings.emotionMode },
    }),

    removeEntry: async (id) => {
      await deleteHistory(id);
      set({ history: await listHistory() });
    },

    clearEntries: async () => {
      await clearHistory();
      set({ history: [] });
    },
  };
});
