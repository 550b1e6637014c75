/**
 * The flow-matching ODE, solved with Euler steps in TypeScript (Matcha/OT-CFM convention, see
 * cache_hub/README.md): x0 ~ N(0, temperature²); for i in 0..n-1: t = i/n, x += (1/n)·v(x, t).
 * Noise comes from a seeded PRNG so the same request gives the same audio.
 */
import type { Float } from "./modelParts";

/** SplitMix32-style 32-bit PRNG: tiny, fast and fully determined by the seed. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  }

  /** Fills `out` with N(0, std²) samples (Box–Muller, both outputs used). */
  gaussian(out: Float32Array, std: number): Float32Array {
    for (let i = 0; i < out.length; i += 2) {
      const u1 = 1 - this.next(); // (0, 1]: log stays finite
      const u2 = this.next();
      const r = Math.sqrt(-2 * Math.log(u1)) * std;
      out[i] = r * Math.cos(2 * Math.PI * u2);
      if (i + 1 < out.length) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
    }
    return out;
  }
}

/** Seed of one segment: segments of a request get distinct but reproducible noise. */
export function segmentSeed(seed: number, segment: number): number {
  return (Math.imul(seed >>> 0, 0x2c1b3c6d) + Math.imul(segment + 1, 0x297a2d39)) >>> 0;
}

export type Velocity = (x: Float, t: number) => Promise<Float>;

/**
 * Integrates from x0 (modified in place and returned) over `steps` Euler steps.
 * `mask` [B,1,F] zeroes padded frames so they stay silent; `beforeStep` lets the caller cancel.
 */
export async function eulerSolve(opts: {
  x0: Float; steps: number; velocity: Velocity; mask: Float; frames: number; beforeStep?: () => void;
}): Promise<Float> {
  const { x0: x, steps, mask, frames: F } = opts;
  const dt = 1 / steps;
  for (let i = 0; i < steps; i++) {
    opts.beforeStep?.();
    const v = await opts.velocity(x, i * dt);
    for (let row = 0; row < x.length / F; row++) {
      const m = Math.floor(row / 80) * F; // row = b*80 + channel
      for (let f = 0, j = row * F; f < F; f++, j++) x[j] = (x[j]! + dt * v[j]!) * mask[m + f]!;
    }
  }
  return x;
}

/**
 * Dynamic denoising schedule: 10 steps for a plain short segment, up to 15 for long or prosodically
 * busy ones. Rule: steps = 10 + min(5, floor(phonemes / 40) + floor(pauses / 2)), where `phonemes`
 * counts phoneme symbols and `pauses` the punctuation tokens inside the segment; then clamped to the
 * package's [min_steps, max_steps]. Rationale: the ODE's discretisation error shows first on long
 * utterances and around phrase breaks (sharp prosodic transitions), so those get the extra steps.
 */
export function dynamicSteps(c: { phonemes: number; pauses: number }, limits: { min: number; max: number }): number {
  const steps = 10 + Math.min(5, Math.floor(c.phonemes / 40) + Math.floor(c.pauses / 2));
  return Math.max(limits.min, Math.min(limits.max, steps));
}
