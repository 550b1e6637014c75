/**
 * Durations and length regulation (mirrors training/): d = max(0, round((exp(logd) - 1) * lengthScale))
 * per real token, then each token's mu column is repeated d times; frame counts are padded to the
 * package's frame_multiple and padding frames get mask 0.
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
  /** [B,80,F] */ muY: Float;
  /** [B,1,F] */ mask: Float;
  /** padded frame count F */ frames: number;
  /** real frames per batch item */ lengths: number[];
};

/** mu [B,80,T] + durations → mu_y [B,80,F] with F = max frames rounded up to `frameMultiple` (≥ 1 block). */
export function regulate(mu: Float, durs: Int32Array[], tokens: number, frameMultiple: number): Regulated {
  const B = durs.length;
  const lengths = durs.map((d) => d.reduce((a, x) => a + x, 0));
  const longest = Math.max(1, ...lengths);
  const F = Math.ceil(longest / frameMultiple) * frameMultiple;
  const muY = new Float32Array(B * 80 * F);
  const mask = new Float32Array(B * F);
  for (let b = 0; b < B; b++) {
    mask.fill(1, b * F, b * F + lengths[b]!);
    const d = durs[b]!;
    for (let c = 0; c < 80; c++) {
      const src = (b * 80 + c) * tokens;
      const dst = (b * 80 + c) * F;
      let f = 0;
      for (let t = 0; t < tokens; t++) {
        const n = d[t]!;
        if (n > 0) muY.fill(mu[src + t]!, dst + f, dst + f + n);
        f += n;
      }
    }
  }
  return { muY, mask, frames: F, lengths };
}
