/**
 * Effect of the number of ODE steps on time and output: each setting is rendered with the same seed as
 * a reference at the package's max_steps; the error is the RMS difference of the waveforms relative to
 * the reference's RMS (same noise and durations, so it measures the solver's discretisation error).
 */
import { round } from "./stats";
import type { SynthesisOptions } from "../synthesisOptions";
import type { TTS } from "../tts";

export type StepsRow = { steps: number | "auto"; steps_used: number; ms: number; rel_error: number };

export async function runStepsStudy(tts: TTS, text: string, opts: SynthesisOptions, log: (s: string) => void): Promise<{ reference_steps: number; rows: StepsRow[] }> {
  const max = tts.info().limits.steps.max;
  const ref = await tts.synthesize(text, { ...opts, steps: max });
  const refRms = Math.sqrt(ref.audio.reduce((a, x) => a + x * x, 0) / ref.audio.length) || 1;
  const rows: StepsRow[] = [];
  for (const steps of [2, 4, 6, 8, 10, 12, 15, 20, "auto"] as const) {
    if (typeof steps === "number" && (steps < tts.info().limits.steps.min || steps > max)) continue;
    const runs = 3;
    let ms = 0;
    let r = ref;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      r = await tts.synthesize(text, { ...opts, steps });
      ms += performance.now() - t0;
    }
    let err = 0;
    for (let i = 0; i < ref.audio.length; i++) err += (r.audio[i]! - ref.audio[i]!) ** 2;
    const row = { steps, steps_used: r.steps, ms: round(ms / runs, 1), rel_error: round(Math.sqrt(err / ref.audio.length) / refRms, 4) };
    rows.push(row);
    log(`steps ${String(steps).padStart(4)} (used ${row.steps_used}): ${row.ms} ms, error vs ${max} steps ${row.rel_error}`);
  }
  return { reference_steps: max, rows };
}
