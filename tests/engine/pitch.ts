/**
 * F0 of generated speech for the tone and emotion tests: YIN (de Cheveigné & Kawahara 2002) on 30 ms
 * frames every 5 ms, after a 500 Hz low-pass so formant peaks cannot pass for the fundamental.
 */
const HOP_S = 0.005;
const WINDOW_S = 0.03;

/** Fourth-order low-pass: two Butterworth biquads (RBJ cookbook, Q = 0.54 and 1.31). */
function lowPass(x: Float32Array, sampleRate: number, cutoff: number): Float32Array {
  let y = x;
  for (const q of [0.5412, 1.3066]) {
    const w = (2 * Math.PI * cutoff) / sampleRate;
    const alpha = Math.sin(w) / (2 * q);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    const b0 = (1 - cos) / 2 / a0, b1 = (1 - cos) / a0, b2 = b0, a1 = (-2 * cos) / a0, a2 = (1 - alpha) / a0;
    const out = new Float32Array(y.length);
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (let i = 0; i < y.length; i++) {
      const v = b0 * y[i]! + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = y[i]!; y2 = y1; y1 = v;
      out[i] = v;
    }
    y = out;
  }
  return y;
}

/** audio [N] → F0 in Hz per 5 ms frame, NaN where unvoiced or silent. */
export function f0Track(audio: Float32Array, sampleRate: number, fmin = 50, fmax = 400, threshold = 0.5): number[] {
  const x = lowPass(audio, sampleRate, 500);
  const hop = Math.round(HOP_S * sampleRate);
  const win = Math.round(WINDOW_S * sampleRate);
  const maxLag = Math.floor(sampleRate / fmin);
  const minLag = Math.floor(sampleRate / fmax);
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const out: number[] = [];
  const d = new Float64Array(maxLag + 1);
  for (let start = 0; start + win + maxLag < x.length; start += hop) {
    let energy = 0;
    for (let j = 0; j < win; j++) energy += x[start + j]! ** 2;
    if (Math.sqrt(energy / win) < 0.01 * peak) {
      out.push(Number.NaN);
      continue;
    }
    for (let lag = 1; lag <= maxLag; lag++) {
      let s = 0;
      for (let j = 0; j < win; j++) {
        const diff = x[start + j]! - x[start + j + lag]!;
        s += diff * diff;
      }
      d[lag] = s;
    }
    let running = 0;
    let f0 = Number.NaN;
    for (let lag = 1; lag <= maxLag; lag++) {
      running += d[lag]!;
      const cmnd = (d[lag]! * lag) / Math.max(running, 1e-12);
      if (lag >= minLag && cmnd < threshold) {
        let best = lag; // walk down to the dip's bottom
        let bestVal = cmnd;
        for (let l = lag + 1; l <= maxLag; l++) {
          running += d[l]!;
          const c = (d[l]! * l) / Math.max(running, 1e-12);
          if (c >= bestVal) break;
          best = l;
          bestVal = c;
        }
        f0 = sampleRate / best;
        break;
      }
    }
    out.push(f0);
  }
  return out;
}

/** Semitones relative to 100 Hz of the voiced frames, in time order (unvoiced frames dropped). */
export function voicedSemitones(f0: number[]): number[] {
  return f0.filter((v) => Number.isFinite(v)).map((v) => 12 * Math.log2(v / 100));
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
};

/** Start, middle and end of a contour: medians of its first, middle and last thirds (after trimming
 * 10% at each edge, where the syllable's onset and release pull the pitch about). */
export function contourThirds(st: number[]): { start: number; mid: number; end: number; min: number } {
  const cut = Math.floor(st.length * 0.1);
  const core = st.slice(cut, st.length - cut);
  const third = Math.max(1, Math.floor(core.length / 3));
  return {
    start: median(core.slice(0, third)),
    mid: median(core.slice(third, core.length - third)),
    end: median(core.slice(core.length - third)),
    min: Math.min(...core.slice(third, core.length - third)),
  };
}
