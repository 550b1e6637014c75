/**
 * Segments → audio through the models: encoder (with the encoded-text cache) → durations → length
 * regulation → Euler ODE over the decoder → de-normalised mel → vocoder. Several segments can run as
 * one padded batch (B > 1); each item keeps its own noise, so its audio does not depend on its batch.
 */
import type { Decoder } from "./decoder";
import type { Encoder } from "./encoder";
import { type EncodedText, type EncodedTextCache, encodedTextKey } from "./encodedTextCache";
import { symbolId } from "./frontend/symbols";
import { fadeEdges } from "./audio/joinSegments";
import { durations, regulate } from "./lengthRegulator";
import type { Float } from "./modelParts";
import type { ModelManifest } from "./modelPackage";
import { eulerSolve, Prng, segmentSeed } from "./odeSolver";
import type { Segment } from "./textSegmenter";
import type { Vocoder } from "./vocoder";
import type { Speaker } from "./voiceRouting";

export type RenderParams = {
  /** The speaker of each segment (voiceRouting.ts). */
  speakerFor: (segment: Segment) => Speaker;
  /** [S] */ style: Float;
  styleKey: string;
  lengthScale: number;
  steps: number;
  temperature: number;
  seed: number;
  /** Called before every model call; throws to cancel. */
  checkpoint: () => void;
  /** Called when the vocoder stage starts. */
  onVocoder?: () => void;
};

export type RenderItem = { segment: Segment; index: number };
/** One model pass: B items, T tokens, F frames, n ODE steps (the benchmark counts FLOPs from these). */
export type PassShape = { batch: number; tokens: number; frames: number; steps: number };
export type StageTimes = { spectrogramMs: number; vocoderMs: number; cacheHits: number; shapes: PassShape[] };

export class SynthesisPipeline {
  constructor(
    private readonly parts: { encoder: Encoder; decoder: Decoder; vocoder: Vocoder },
    private readonly manifest: ModelManifest,
    private readonly cache: EncodedTextCache,
  ) {}

  /** Renders B segments as one batch → B faded audio buffers (+ stage times, added into `times`). */
  async render(items: RenderItem[], p: RenderParams, times: StageTimes): Promise<Float32Array[]> {
    const B = items.length;
    const S = this.manifest.emotions.style_dim;
    const hop = this.manifest.audio.hop_length;
    const t0 = performance.now();
    const encoded = await this.encode(items.map((it) => it.segment), p, times);

    // [B,K*80,T] padded encoder outputs → durations → [B,80,F].
    const K = this.manifest.decoder.prior_anchors;
    const T = Math.max(...encoded.map((e) => e.tokens));
    const mu = padTokens(encoded.map((e) => ({ rows: e.mu, tokens: e.tokens })), K * 80, T);
    const logd = padTokens(encoded.map((e) => ({ rows: e.logDurations, tokens: e.tokens })), 1, T);
    const lengths = encoded.map((e) => e.tokens);
    const durs = durations(logd, lengths, T, p.lengthScale);
    const reg = regulate(mu, durs, T, this.manifest.decoder.frame_multiple, K);
    const pitch = this.manifest.decoder.pitch
      ? regulate(padTokens(encoded.map((e) => ({ rows: e.pitch!, tokens: e.tokens })), K, T), durs, T,
        this.manifest.decoder.frame_multiple, K, 1).muY
      : undefined;
    const F = reg.frames;
    times.shapes.push({ batch: B, tokens: T, frames: F, steps: p.steps });

    // Per-item noise over the item's own frames, so batching does not change an item's noise.
    const x = new Float32Array(B * 80 * F);
    items.forEach((it, b) => {
      const prng = new Prng(segmentSeed(p.seed, it.index));
      const own = reg.lengths[b]!;
      const row = new Float32Array(own);
      for (let c = 0; c < 80; c++) x.set(prng.gaussian(row, p.temperature), (b * 80 + c) * F);
    });
    const speakers = items.map((it) => p.speakerFor(it.segment).index);
    const style = new Float32Array(B * S);
    for (let b = 0; b < B; b++) style.set(p.style, b * S);
    const cond = { mu: reg.muY, mask: reg.mask, pitch, speakers, style, batch: B, frames: F, styleDim: S };
    const y = await eulerSolve({
      x0: x, steps: p.steps, mask: reg.mask, frames: F, beforeStep: p.checkpoint,
      velocity: (xt, t) => this.parts.decoder.velocity(xt, t, cond),
    });
    const { mel_mean: mean, mel_std: std } = this.manifest.audio;
    for (let i = 0; i < y.length; i++) y[i] = y[i]! * std + mean;
    const t1 = performance.now();
    times.spectrogramMs += t1 - t0;

    p.checkpoint();
    p.onVocoder?.();
    const audio = await this.parts.vocoder.run(y, B, F);
    times.vocoderMs += performance.now() - t1;
    const perItem = audio.length / B;
    return items.map((_, b) => {
      const n = Math.min(reg.lengths[b]! * hop, perItem);
      return fadeEdges(audio.slice(b * perItem, b * perItem + n), this.manifest.audio.sample_rate);
    });
  }

  /** Encoder outputs per segment, from the cache or one batched encoder run over the misses. */
  private async encode(segments: Segment[], p: RenderParams, times: StageTimes): Promise<EncodedText[]> {
    const keys = segments.map((s) => encodedTextKey({
      text: s.symbols.join("|"), voice: p.speakerFor(s).id, emotion: p.styleKey, modelVersion: `${this.manifest.id}@${this.manifest.version}`,
    }));
    const out: (EncodedText | undefined)[] = keys.map((k) => this.cache.get(k));
    times.cacheHits += out.filter(Boolean).length;
    const misses = out.map((e, i) => (e ? -1 : i)).filter((i) => i >= 0);
    if (misses.length === 0) return out as EncodedText[];

    // [B,T] ids padded with 0 (the pad symbol).
    const B = misses.length;
    const S = this.manifest.emotions.style_dim;
    const lengths = misses.map((i) => segments[i]!.symbols.length);
    const T = Math.max(...lengths);
    const ids = new Array<number>(B * T).fill(0);
    misses.forEach((i, b) => segments[i]!.symbols.forEach((s, t) => { ids[b * T + t] = symbolId(s); }));
    const style = new Float32Array(B * S);
    for (let b = 0; b < B; b++) style.set(p.style, b * S);
    p.checkpoint();
    const res = await this.parts.encoder.run({
      phonemes: ids, lengths, speakers: misses.map((i) => p.speakerFor(segments[i]!).index), style, batch: B, tokens: T, styleDim: S,
    });
    misses.forEach((i, b) => {
      const n = lengths[b]!;
      const K = this.manifest.decoder.prior_anchors;
      const e: EncodedText = {
        mu: unpadTokens(res.mu, b, K * 80, T, n),
        logDurations: res.logDurations.slice(b * T, b * T + n),
        pitch: res.pitch ? unpadTokens(res.pitch, b, K, T, n) : undefined,
        tokens: n,
      };
      this.cache.set(keys[i]!, e);
      out[i] = e;
    });
    return out as EncodedText[];
  }
}

/** Items of [rows, tokens_i] each → one [B, rows, T] batch, zero-padded past each item's tokens. */
function padTokens(items: { rows: Float; tokens: number }[], rows: number, T: number): Float {
  const out = new Float32Array(items.length * rows * T);
  items.forEach((it, b) => {
    for (let c = 0; c < rows; c++) out.set(it.rows.subarray(c * it.tokens, (c + 1) * it.tokens), (b * rows + c) * T);
  });
  return out;
}

/** Item b of a [B, rows, T] batch → its own [rows, n] (its first n tokens). */
function unpadTokens(batch: Float, b: number, rows: number, T: number, n: number): Float {
  const out = new Float32Array(rows * n);
  for (let c = 0; c < rows; c++) out.set(batch.subarray((b * rows + c) * T, (b * rows + c) * T + n), c * n);
  return out;
}
