import { describe, expect, it } from "vitest";
import { dynamicSteps, eulerSolve, Prng, segmentSeed } from "../../../inference/odeSolver";
import { durations, regulate } from "../../../inference/lengthRegulator";

describe("Prng", () => {
  it("is reproducible per seed and gives standard normal noise", () => {
    const a = new Prng(42).gaussian(new Float32Array(20000), 1);
    const b = new Prng(42).gaussian(new Float32Array(20000), 1);
    const c = new Prng(43).gaussian(new Float32Array(20000), 1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const std = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(std - 1)).toBeLessThan(0.03);
    expect(segmentSeed(1, 0)).not.toBe(segmentSeed(1, 1));
  });
});

describe("eulerSolve", () => {
  it("integrates dx/dt = 1 - x exactly as the Euler recurrence and keeps padded frames at zero", async () => {
    const F = 2;
    const x0 = new Float32Array(80 * F); // one item, frame 1 is padding
    const mask = Float32Array.from([1, 0]);
    const y = await eulerSolve({
      x0, steps: 4, mask, frames: F,
      velocity: async (x) => Float32Array.from(x, (v) => 1 - v),
    });
    expect(y[0]).toBeCloseTo(1 - 0.75 ** 4, 6);
    expect(y[1]).toBe(0);
  });

  it("calls beforeStep once per step so callers can cancel", async () => {
    let calls = 0;
    await expect(eulerSolve({
      x0: new Float32Array(80), steps: 10, mask: Float32Array.from([1]), frames: 1,
      velocity: async (x) => x,
      beforeStep: () => { if (++calls === 3) throw new Error("stop"); },
    })).rejects.toThrow("stop");
    expect(calls).toBe(3);
  });
});

describe("dynamicSteps", () => {
  it("chooses 10 for simple input and up to 15 for long, busy input, within package limits", () => {
    expect(dynamicSteps({ phonemes: 20, pauses: 1 }, { min: 2, max: 32 })).toBe(10);
    expect(dynamicSteps({ phonemes: 85, pauses: 2 }, { min: 2, max: 32 })).toBe(13);
    expect(dynamicSteps({ phonemes: 400, pauses: 20 }, { min: 2, max: 32 })).toBe(15);
    expect(dynamicSteps({ phonemes: 400, pauses: 20 }, { min: 2, max: 12 })).toBe(12);
  });
});

describe("length regulation", () => {
  it("turns log durations into frames with speed and repeats mu per token, padding to the frame multiple", () => {
    // B=1, T=3 (third token is padding): exp(log d) - 1 = 2, 1, -
    const logd = Float32Array.from([Math.log(3), Math.log(2), 5]);
    const d = durations(logd, [2], 3, 1);
    expect([...d[0]!]).toEqual([2, 1, 0]);
    expect([...durations(logd, [2], 3, 2)[0]!]).toEqual([4, 2, 0]); // speed 0.5 → length scale 2
    const mu = new Float32Array(80 * 3);
    for (let c = 0; c < 80; c++) mu.set([c, -c, 99], c * 3);
    const r = regulate(mu, d, 3, 4);
    expect(r.frames).toBe(4);
    expect(r.lengths).toEqual([3]);
    expect([...r.mask]).toEqual([1, 1, 1, 0]);
    expect([...r.muY.subarray(5 * 4, 6 * 4)]).toEqual([5, 5, -5, 0]);
  });

  it("interpolates a token's prior between its anchors (start, middle, end) over its frames", () => {
    // two tokens of 4 and 1 frames, 3 anchors; channel c of token 0 goes 0 → 10 → 4 (rise, fall)
    const T = 2, K = 3;
    const mu = new Float32Array(K * 80 * T);
    for (let c = 0; c < 80; c++) {
      [0, 10, 4].forEach((v, k) => { mu[(k * 80 + c) * T] = v + c; mu[(k * 80 + c) * T + 1] = 100 * k; });
    }
    const r = regulate(mu, [Int32Array.from([4, 1])], T, 4, K);
    expect(r.frames).toBe(8);
    // frame positions 1/8, 3/8, 5/8, 7/8 of token 0 → x = 0.25, 0.75, 1.25, 1.75 anchors
    const row = [...r.muY.subarray(2 * 8, 2 * 8 + 6)].map((v) => Math.round(v * 1000) / 1000);
    expect(row).toEqual([2 + 2.5, 2 + 7.5, 2 + 8.5, 2 + 5.5, 100, 0]); // the 1-frame token sits at its middle anchor
    // one anchor: the same as repeating the column
    const flat = regulate(mu.subarray(0, 80 * T), [Int32Array.from([4, 1])], T, 4, 1);
    expect([...flat.muY.subarray(2 * 8, 2 * 8 + 5)]).toEqual([2, 2, 2, 2, 0]);
  });
});
