/**
 * Durations and length regulation (mirrors training/): d = max(0, round((exp(logd) - 1) * lengthScale))
 * per real token, then each token's prior fills its d frames (repeated, or interpolated between anchors);
 * frame counts are padded to the package's frame_multiple and padding frames get mask 0.
 */
import type { Float } from "./modelParts";

/** [B,T] log durations → integer frame counts per token (0 on padding tokens). */
export function durations(logDurations: Float, lengths: ArrayLike<number>, tokens: number, lengthScale: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let b = 0; b < lengths.length; b++) {
    const d = new Int32Array(tokens);
    for (let t = 0; t < lengths[b]!; t++) {
      d[t] = Math.max(0, Math.round((Math.exp(logDurations[b * tokens + t]!) - 1) * lengthScale));
    }
    out.push(d);
  }
  return out;
}

export type Regulated = {
  /** [B,C,F] */ muY: Float;
  /** [B,1,F] */ mask: Float;
  /** padded frame count F */ frames: number;
  /** real frames per batch item */ lengths: number[];
};

/**
 * mu [B,K*C,T] (K anchors per token, anchor-major; C = 80 mel bins, or 1 for pitch) + durations →
 * mu_y [B,C,F], F = max frames rounded
 * up to `frameMultiple` (≥ 1 block). K = 1 repeats each token's column; K > 1 places frame j of a
 * d-frame token at p = (j + 0.5) / d and interpolates the anchors at k / (K - 1) on either side of it.
 */
export function regulate(mu: Float, durs: Int32Array[], tokens: number, frameMultiple: number, anchors = 1,
  channels = 80): Regulated {
  const B = durs.length;
  const lengths = durs.map((d) => d.reduce((a, x) => a + x, 0));
  const longest = Math.max(1, ...lengths);
  const F = Math.ceil(longest / frameMultiple) * frameMultiple;
  const muY = new Float32Array(B * channels * F);
  const mask = new Float32Array(B * F);
  for (let b = 0; b < B; b++) {
    mask.fill(1, b * F, b * F + lengths[b]!);
    const d = durs[b]!;
    let f = 0;
    for (let t = 0; t < tokens; t++) {
      const n = d[t]!;
      for (let j = 0; j < n; j++) {
        // the two anchors around this frame and the weight of the later one
        const x = anchors === 1 ? 0 : ((j + 0.5) / n) * (anchors - 1);
        const k = Math.min(Math.floor(x), Math.max(0, anchors - 2));
        const w = anchors === 1 ? 0 : x - k;
        const k2 = anchors === 1 ? 0 : k + 1;
        for (let c = 0; c < channels; c++) {
          const a = mu[((b * anchors + k) * channels + c) * tokens + t]!;
          const z = mu[((b * anchors + k2) * channels + c) * tokens + t]!;
          muY[(b * channels + c) * F + f + j] = a + (z - a) * w;
        }
      }
      f += n;
    }
  }
  return { muY, mask, frames: F, lengths };
}
