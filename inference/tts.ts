/**
 * The engine: `TTS.load(modelDir, opts)` reads a model package's manifest (no model is loaded yet);
 * sessions are created on the first request that needs them. Requests go through a bounded scheduler.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { joinSegments } from "./audio/joinSegments";
import { planPasses } from "./batchPlanner";
import { Decoder } from "./decoder";
import { EmotionController } from "./emotionController";
import { EMOTION_PRESETS, EMOTION_VALUE_RANGE, EMOTION_WEIGHT_RANGE, type EmotionRequest } from "./emotions";
import { EncodedTextCache } from "./encodedTextCache";
import { Encoder } from "./encoder";
import { TTSError } from "./errors";
import { createPhonemizer } from "./frontend/createPhonemizer";
import type { Phonemizer } from "./frontend/phonemizer";
import { loadModelPackage, type ModelPackage, type ModelPart, verifyFile } from "./modelPackage";
import { dynamicSteps } from "./odeSolver";
import {
  buildSessionOptions, chooseRuntime, type CudaProbe, type Env, LazySession, type Log, probeCuda, type RuntimeChoice,
} from "./onnxSession";
import { cancelledError, Scheduler } from "./scheduler";
import { type PassShape, type RenderItem, type StageTimes, SynthesisPipeline } from "./synthesisPipeline";
import { type Segment, segmentComplexity, TextSegmenter } from "./textSegmenter";
import { OPTION_LIMITS, type SynthesisOptions, validateSynthesisOptions, type ValidOptions } from "./synthesisOptions";
import { Vocoder } from "./vocoder";
import { speakerForSegment } from "./voiceRouting";

export type { SynthesisOptions } from "./synthesisOptions";

export type LoadOptions = {
  device?: "auto" | "cpu" | "cuda";
  precision?: "auto" | "fp32" | "fp16";
  threads?: number;
  maxConcurrent?: number;
  maxQueue?: number;
  cacheEntries?: number;
  cacheBytes?: number;
  /** Longest accepted text in characters (default 5000). */
  maxChars?: number;
  /** Longest segment in phoneme tokens (like IndexTTS2's max_text_tokens_per_segment; default 150). */
  maxSegmentTokens?: number;
  /** Most segments of one request rendered as one padded batch by synthesize() (default 4; stream() renders one at a time). */
  maxBatch?: number;
  log?: Log;
  /** For tests: environment and CUDA probe used for the device choice. */
  env?: Env;
  cuda?: CudaProbe;
};

export type Timings = { frontendMs: number; spectrogramMs: number; vocoderMs: number; totalMs: number; queueMs: number; loadMs: number };
export type SynthesisResult = {
  audio: Float32Array; sampleRate: number; steps: number; segments: string[]; timings: Timings; cacheHits: number;
  device: string; precision: string;
  /** The model passes this request ran (batch, tokens, frames, steps). */
  shapes: PassShape[];
};
export type StreamChunk = { index: number; count: number; text: string; audio: Float32Array; sampleRate: number; timings: Timings; steps: number };
export type LoadedParts = Record<ModelPart, boolean>;

const defaultLog: Log = (m) => process.stderr.write(`[tts] ${m}\n`);

/** TTS_MODEL_DIR is a folder of packages (as for the app) or one package; the default voice is `default`. */
export function defaultModelDir(): string {
  const dir = process.env.TTS_MODEL_DIR ?? join(process.cwd(), "cache_hub");
  return existsSync(join(dir, "model.json")) ? dir : join(dir, "default");
}

export class TTS {
  private readonly sessions: Record<ModelPart, LazySession>;
  private readonly scheduler: Scheduler;
  private readonly cache: EncodedTextCache;
  private readonly pipeline: SynthesisPipeline;
  private readonly emotion: EmotionController;
  private readonly segmenter: TextSegmenter;
  private readonly maxChars: number;
  private readonly maxSegmentTokens: number;
  private readonly maxBatch: number;
  private disposed = false;
  private warming: Promise<void> | null = null;

  private constructor(readonly pkg: ModelPackage, readonly runtime: RuntimeChoice, opts: LoadOptions, phonemizer: Phonemizer) {
    const log = opts.log ?? defaultLog;
    const options = buildSessionOptions(runtime);
    const cpuOptions = buildSessionOptions({ device: "cpu", threads: runtime.threads });
    const session = (part: ModelPart): LazySession => new LazySession({
      label: `${pkg.manifest.id}/${part}`,
      path: pkg.filePath(part, runtime.precision),
      options,
      verify: (p) => verifyFile(pkg, p),
      fallback: runtime.device === "cuda" ? { path: pkg.filePath(part, "fp32"), options: cpuOptions } : undefined,
      log,
    });
    this.sessions = { encoder: session("encoder"), decoder: session("decoder"), vocoder: session("vocoder"), emotion: session("emotion") };
    this.scheduler = new Scheduler(opts.maxConcurrent ?? 2, opts.maxQueue ?? 16);
    this.cache = new EncodedTextCache(opts.cacheEntries ?? 512, opts.cacheBytes ?? 64 * 1024 * 1024);
    this.pipeline = new SynthesisPipeline({
      encoder: new Encoder(this.sessions.encoder, this.pkg.manifest.decoder.pitch), decoder: new Decoder(this.sessions.decoder), vocoder: new Vocoder(this.sessions.vocoder),
    }, pkg.manifest, this.cache);
    this.emotion = new EmotionController(this.sessions.emotion);
    this.maxChars = opts.maxChars ?? 5000;
    this.maxSegmentTokens = opts.maxSegmentTokens ?? 150;
    this.maxBatch = opts.maxBatch ?? 4;
    this.segmenter = new TextSegmenter(phonemizer, this.maxSegmentTokens);
  }

  /** Reads and validates the package manifest; loads no model. */
  static async load(modelDir: string = defaultModelDir(), opts: LoadOptions = {}): Promise<TTS> {
    const pkg = await loadModelPackage(modelDir);
    const runtime = chooseRuntime(opts, opts.env ?? process.env, opts.cuda ?? probeCuda());
    for (const note of runtime.notes) (opts.log ?? defaultLog)(note);
    return new TTS(pkg, runtime, opts, await createPhonemizer(pkg.manifest.frontend.languages));
  }

  info() {
    const m = this.pkg.manifest;
    return {
      id: m.id, name: m.name, version: m.version, sampleRate: m.audio.sample_rate,
      voices: m.speakers.map((s) => ({ id: s.id, name: s.name, languages: s.languages })),
      emotions: [...EMOTION_PRESETS],
      languages: m.frontend.languages,
      loaded: this.loaded(),
      device: this.device(), precision: this.precision(),
      limits: {
        maxChars: this.maxChars, maxSegmentTokens: this.maxSegmentTokens,
        speed: OPTION_LIMITS.speed, steps: { min: m.decoder.min_steps, max: m.decoder.max_steps, default: "auto" as const },
        seed: OPTION_LIMITS.seed, temperature: OPTION_LIMITS.temperature,
        emotionWeight: EMOTION_WEIGHT_RANGE, emotionValue: EMOTION_VALUE_RANGE, emotionVectorLength: 8,
        maxBatch: this.maxBatch,
        maxConcurrent: this.scheduler.maxConcurrent, maxQueue: this.scheduler.maxQueue,
      },
    };
  }

  loaded(): LoadedParts {
    const s = this.sessions;
    return { encoder: s.encoder.loaded, decoder: s.decoder.loaded, vocoder: s.vocoder.loaded, emotion: s.emotion.loaded };
  }

  /** Session creations per part (single-flight: never more than one each). */
  sessionCreations(): Record<ModelPart, number> {
    const s = this.sessions;
    return { encoder: s.encoder.creations, decoder: s.decoder.creations, vocoder: s.vocoder.creations, emotion: s.emotion.creations };
  }

  private device(): string {
    return Object.values(this.sessions).some((s) => s.fellBack) ? "cpu" : this.runtime.device;
  }
  private precision(): string {
    return Object.values(this.sessions).some((s) => s.fellBack) ? "fp32" : this.runtime.precision;
  }

  /** Segment preview (what the engine would synthesize, one entry per segment). */
  splitText(text: string): { text: string; tokens: number; steps: number }[] {
    return this.segment(text).map((s) => ({ text: s.text, tokens: s.symbols.length, steps: this.autoSteps(s) }));
  }

  stats() {
    return { queue: this.scheduler.stats(), cache: this.cache.stats(), loaded: this.loaded() };
  }

  async synthesize(text: string, options: SynthesisOptions = {}): Promise<SynthesisResult> {
    const [result] = await this.synthesizeBatch([text], options);
    return result!;
  }

  /**
   * Several texts in one scheduler slot (the benchmark's --batch_size). All their segments go through the
   * models as padded batches of up to `batchSize` (default: the engine's maxBatch) segments with equal
   * step counts (batchPlanner.ts). Results are in input order; timings cover the whole call.
   */
  async synthesizeBatch(texts: string[], options: SynthesisOptions & { batchSize?: number } = {}): Promise<SynthesisResult[]> {
    const t0 = performance.now();
    const batchSize = options.batchSize ?? this.maxBatch;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 64) throw new TTSError("invalid_option", "batchSize must be an integer in 1..64");
    const opts = this.validate(options);
    opts.onProgress?.({ stage: "frontend" });
    const perText = texts.map((t) => this.segment(t));
    const frontendMs = performance.now() - t0;
    const { release, waitMs } = await this.scheduler.acquire(opts.signal);
    try {
      const loadMs = await this.ensureLoaded(opts, perText.flat().length);
      const style = await this.style(opts);
      const times: StageTimes = { spectrogramMs: 0, vocoderMs: 0, cacheHits: 0, shapes: [] };
      const items: RenderItem[] = perText.flatMap((segs) => segs.map((segment, index) => ({ segment, index })));
      const steps = items.map((it) => (opts.steps === "auto" ? this.autoSteps(it.segment) : opts.steps));
      const audios = new Array<Float32Array>(items.length);
      let done = 0;
      for (const pass of planPasses(items.map((it) => it.segment.symbols.length), steps, batchSize)) {
        const progress = { segment: done, segments: items.length };
        opts.onProgress?.({ stage: "spectrogram", ...progress });
        const onVocoder = (): void => opts.onProgress?.({ stage: "vocoder", ...progress });
        const params = { ...this.renderParams(opts, style), steps: pass.steps, onVocoder };
        const out = await this.pipeline.render(pass.positions.map((p) => items[p]!), params, times);
        pass.positions.forEach((p, k) => { audios[p] = out[k]!; });
        done += pass.positions.length;
      }
      const stepsUsed = Math.max(...steps);
      opts.onProgress?.({ stage: "done" });
      const sampleRate = this.pkg.manifest.audio.sample_rate;
      let offset = 0;
      return perText.map((segs) => {
        const mine = audios.slice(offset, offset + segs.length);
        offset += segs.length;
        const timings: Timings = {
          frontendMs, spectrogramMs: times.spectrogramMs, vocoderMs: times.vocoderMs,
          totalMs: performance.now() - t0, queueMs: waitMs, loadMs,
        };
        return {
          audio: joinSegments(mine, segs.map((s) => s.text), { sampleRate }), sampleRate, steps: stepsUsed,
          segments: segs.map((s) => s.text), timings, cacheHits: times.cacheHits, device: this.device(), precision: this.precision(),
          shapes: times.shapes,
        };
      });
    } finally {
      release();
    }
  }

  /** Yields audio segment by segment; the scheduler slot is held until the iteration ends. */
  async *stream(text: string, options: SynthesisOptions = {}): AsyncGenerator<StreamChunk> {
    const t0 = performance.now();
    const opts = this.validate(options);
    opts.onProgress?.({ stage: "frontend" });
    const segments = this.segment(text);
    const frontendMs = performance.now() - t0;
    const { release, waitMs } = await this.scheduler.acquire(opts.signal);
    try {
      const loadMs = await this.ensureLoaded(opts, segments.length);
      const style = await this.style(opts);
      const sampleRate = this.pkg.manifest.audio.sample_rate;
      for (let index = 0; index < segments.length; index++) {
        const segment = segments[index]!;
        const steps = opts.steps === "auto" ? this.autoSteps(segment) : opts.steps;
        const times: StageTimes = { spectrogramMs: 0, vocoderMs: 0, cacheHits: 0, shapes: [] };
        const started = performance.now();
        opts.onProgress?.({ stage: "spectrogram", segment: index, segments: segments.length });
        const onVocoder = (): void => opts.onProgress?.({ stage: "vocoder", segment: index, segments: segments.length });
        const [audio] = await this.pipeline.render([{ segment, index }], { ...this.renderParams(opts, style), steps, onVocoder }, times);
        const last = index === segments.length - 1;
        // Carry the pause after this segment inside the chunk, so concatenated chunks equal synthesize().
        const withPause = last ? audio! : joinSegments([audio!, new Float32Array(0)], [segment.text, ""], { sampleRate });
        yield {
          index, count: segments.length, text: segment.text, audio: withPause, sampleRate, steps,
          timings: {
            frontendMs: index === 0 ? frontendMs : 0, spectrogramMs: times.spectrogramMs, vocoderMs: times.vocoderMs,
            totalMs: performance.now() - (index === 0 ? t0 : started), queueMs: index === 0 ? waitMs : 0, loadMs: index === 0 ? loadMs : 0,
          },
        };
      }
      opts.onProgress?.({ stage: "done" });
    } finally {
      release();
    }
  }

  /**
   * Creates the encoder/decoder/vocoder sessions. On CUDA it also renders one segment of the largest
   * allowed length once, so the device memory arena grows to its peak at load rather than under traffic
   * (onnxruntime-node cannot pass an arena size to the CUDA provider). Called by the first request.
   */
  warmUp(): Promise<void> {
    this.warming ??= this.loadAndWarm().catch((e: unknown) => {
      this.warming = null;
      throw e;
    });
    return this.warming;
  }

  private async loadAndWarm(): Promise<void> {
    await Promise.all([this.sessions.encoder.get(), this.sessions.decoder.get(), this.sessions.vocoder.get()]);
    if (this.device() !== "cuda") return;
    const symbols = ["^", ...Array.from({ length: this.maxSegmentTokens }, (_, i) => (i % 2 ? "AH0" : "T")), "$"];
    const m = this.pkg.manifest;
    await this.pipeline.render([{ segment: { text: "", symbols }, index: 0 }], {
      speakerFor: () => ({ id: m.speakers[0]!.id, index: m.speakers[0]!.index }), style: Float32Array.from(m.emotions.neutral_style), styleKey: "warm-up",
      lengthScale: 2, steps: 1, temperature: 0, seed: 0, checkpoint: () => {},
    }, { spectrogramMs: 0, vocoderMs: 0, cacheHits: 0, shapes: [] });
  }

  /** Rejects new requests, lets running and queued ones finish, then releases the sessions. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.scheduler.idle();
    await Promise.all(Object.values(this.sessions).map((s) => s.dispose()));
    this.cache.clear();
  }

  private validate(options: SynthesisOptions): ValidOptions {
    if (this.disposed) throw new TTSError("model_unavailable", "this engine was disposed");
    return validateSynthesisOptions(options, this.pkg.manifest);
  }

  private segment(text: string): Segment[] {
    if (typeof text !== "string") throw new TTSError("invalid_text", "text must be a string");
    if (!text.trim()) throw new TTSError("invalid_text", "text is empty");
    if ([...text].length > this.maxChars) {
      throw new TTSError("text_too_long", `text is longer than ${this.maxChars} characters`);
    }
    return this.segmenter.split(text);
  }

  private autoSteps(segment: Segment): number {
    const d = this.pkg.manifest.decoder;
    return dynamicSteps(segmentComplexity(segment.symbols), { min: d.min_steps, max: d.max_steps });
  }

  /** Creates the sessions this request needs; returns the time spent waiting for them. */
  private async ensureLoaded(opts: ValidOptions, segments: number): Promise<number> {
    const needed: LazySession[] = [this.sessions.encoder, this.sessions.decoder, this.sessions.vocoder];
    if (opts.emotion.weighted) needed.push(this.sessions.emotion);
    if (needed.every((s) => s.loaded) && this.warming) return 0;
    opts.onProgress?.({ stage: "loading", segments });
    const t0 = performance.now();
    await Promise.all([this.warmUp(), ...needed.map((s) => s.get())]);
    if (opts.signal?.aborted) throw cancelledError();
    return performance.now() - t0;
  }

  private async style(opts: ValidOptions): Promise<Float32Array<ArrayBuffer>> {
    if (!opts.emotion.weighted) return Float32Array.from(this.pkg.manifest.emotions.neutral_style);
    return this.emotion.style(opts.emotion.weighted);
  }

  private renderParams(opts: ValidOptions, style: Float32Array<ArrayBuffer>) {
    const signal = opts.signal;
    return {
      speakerFor: (s: Segment) => speakerForSegment(this.pkg.manifest, opts.speaker, s.symbols), style, styleKey: opts.emotion.key,
      lengthScale: 1 / opts.speed, temperature: opts.temperature, seed: opts.seed,
      checkpoint: () => { if (signal?.aborted) throw cancelledError(); },
    };
  }
}

export type { EmotionRequest, PassShape, RenderItem };
