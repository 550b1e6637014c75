/**
 * Engine benchmark:
 *   npm run benchmark -- --text "..." --emotion joyful --repeat 100 --batch_size 1 [--concurrency N]
 *     [--steps N|auto] [--json] [--model DIR] [--threads N] [--warmup N] [--cache] [--no-flops]
 *   npm run benchmark -- --memory-check 1000 [--text ...] [--json]   (RSS over consecutive requests)
 *   npm run benchmark -- --steps-study [--text ...]                  (time and error vs 32 steps)
 *
 * Latency is per call (one call = `batch_size` copies of the text, their segments through the models
 * as padded batches of up to 4 × batch_size segments). `rtf` = mean latency / audio seconds per call; `throughput.rtf` = wall time / all audio
 * (what concurrency buys). The encoded-text cache is off unless --cache, so every call does full work.
 * With --json the last stdout line is one JSON object.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { measureMatmulPeak } from "./bench/matmulPeak";
import { runMemoryCheck } from "./bench/memoryCheck";
import { requestFlops } from "./bench/graphCost";
import { round, summarize } from "./bench/stats";
import { runStepsStudy } from "./bench/stepsStudy";
import { isTTSError, TTS } from "./index";
import type { SynthesisOptions } from "./synthesisOptions";
import type { SynthesisResult } from "./tts";

const DEFAULT_TEXT =
  "The quick brown fox jumps over the lazy dog. Speech synthesis turns written text into natural sounding audio, " +
  "one sentence at a time, while the listener waits for the first words to play.";

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      text: { type: "string" }, emotion: { type: "string" }, repeat: { type: "string" }, batch_size: { type: "string" },
      concurrency: { type: "string" }, steps: { type: "string" }, json: { type: "boolean" }, model: { type: "string" },
      threads: { type: "string" }, warmup: { type: "string" }, cache: { type: "boolean" }, "no-flops": { type: "boolean" },
      "memory-check": { type: "string" }, "steps-study": { type: "boolean" }, seed: { type: "string" },
    },
  });
  const int = (name: string, v: string | undefined, def: number, min: number, max: number): number => {
    const n = v === undefined ? def : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
    return n;
  };
  return {
    text: values.text ?? DEFAULT_TEXT,
    emotion: values.emotion,
    repeat: int("repeat", values.repeat, 20, 1, 100000),
    batchSize: int("batch_size", values.batch_size, 1, 1, 64),
    concurrency: int("concurrency", values.concurrency, 1, 1, 64),
    steps: values.steps === undefined || values.steps === "auto" ? ("auto" as const) : int("steps", values.steps, 10, 1, 64),
    json: values.json ?? false,
    model: values.model,
    threads: values.threads === undefined ? undefined : int("threads", values.threads, 2, 1, 256),
    warmup: int("warmup", values.warmup, 2, 0, 1000),
    cache: values.cache ?? false,
    flops: !values["no-flops"],
    memoryCheck: values["memory-check"] === undefined ? undefined : int("memory-check", values["memory-check"], 1000, 2, 1e6),
    stepsStudy: values["steps-study"] ?? false,
    seed: int("seed", values.seed, 0, 0, 2 ** 32 - 1),
  };
}
export type BenchConfig = ReturnType<typeof parse>;

function gpuMemoryMb(): number | null {
  try {
    const out = execFileSync("nvidia-smi", ["--query-gpu=memory.used", "--format=csv,noheader,nounits"], { encoding: "utf8" });
    return Number(out.trim().split("\n")[0]);
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<void> {
  const cfg = parse(argv);
  const log = (line: string): void => { process.stdout.write(`${line}\n`); };
  const coldStart = performance.now();
  const tts = await TTS.load(cfg.model, {
    threads: cfg.threads, maxConcurrent: cfg.concurrency, maxQueue: Math.max(16, cfg.concurrency * 2),
    cacheEntries: cfg.cache ? 512 : 0, maxBatch: 4 * cfg.batchSize,
  });
  const opts: SynthesisOptions = { emotion: cfg.emotion, steps: cfg.steps, seed: cfg.seed };
  try {
    if (cfg.memoryCheck !== undefined) {
      const report = await runMemoryCheck(tts, cfg.text, opts, cfg.memoryCheck, log);
      if (cfg.json) log(JSON.stringify(report));
      return;
    }
    if (cfg.stepsStudy) {
      const report = await runStepsStudy(tts, cfg.text, opts, log);
      if (cfg.json) log(JSON.stringify(report));
      return;
    }
    const texts = new Array<string>(cfg.batchSize).fill(cfg.text);
    const call = (seed: number): Promise<SynthesisResult[]> => tts.synthesizeBatch(texts, { ...opts, seed });
    const first = await call(cfg.seed);
    const coldStartMs = performance.now() - coldStart;
    for (let i = 0; i < cfg.warmup; i++) await call(cfg.seed + i + 1);

    // Time to first audio with stream().
    const s0 = performance.now();
    let firstAudioMs = 0;
    for await (const chunk of tts.stream(cfg.text, opts)) if (chunk.index === 0) firstAudioMs = performance.now() - s0;
    const streamTotalMs = performance.now() - s0;

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 10);
    const latencies: number[] = [];
    const stage = { frontend: [] as number[], spectrogram: [] as number[], vocoder: [] as number[] };
    let audioSeconds = 0;
    let next = 0;
    const wall0 = performance.now();
    const worker = async (): Promise<void> => {
      for (let i = next++; i < cfg.repeat; i = next++) {
        const t0 = performance.now();
        const rs = await call(cfg.seed + 1000 + i);
        latencies.push(performance.now() - t0);
        const t = rs[0]!.timings;
        stage.frontend.push(t.frontendMs);
        stage.spectrogram.push(t.spectrogramMs);
        stage.vocoder.push(t.vocoderMs);
        audioSeconds += rs.reduce((a, r) => a + r.audio.length / r.sampleRate, 0);
      }
    };
    await Promise.all(Array.from({ length: cfg.concurrency }, worker));
    const wallMs = performance.now() - wall0;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

    const lat = summarize(latencies);
    const audioPerCall = audioSeconds / cfg.repeat;
    const means = { frontend: summarize(stage.frontend).mean, spectrogram: summarize(stage.spectrogram).mean, vocoder: summarize(stage.vocoder).mean };
    const info = tts.info();
    const report: Record<string, unknown> = {
      text_chars: cfg.text.length, segments: first[0]!.segments.length, repeat: cfg.repeat, batch_size: cfg.batchSize,
      concurrency: cfg.concurrency, steps: first[0]!.steps, steps_mode: cfg.steps === "auto" ? "auto" : "fixed",
      emotion: cfg.emotion ?? "neutral",
      latency_ms: { mean: round(lat.mean), std: round(lat.std), p50: round(lat.p50), p95: round(lat.p95) },
      stages_ms: { frontend: round(means.frontend), spectrogram: round(means.spectrogram), vocoder: round(means.vocoder) },
      rtf: round(lat.mean / 1000 / audioPerCall, 4),
      audio_seconds: round(audioPerCall, 3),
      throughput: {
        calls_per_s: round(cfg.repeat / (wallMs / 1000), 3),
        audio_s_per_s: round(audioSeconds / (wallMs / 1000), 3),
        rtf: round(wallMs / 1000 / audioSeconds, 4),
      },
      time_to_first_audio_ms: round(firstAudioMs), stream_total_ms: round(streamTotalMs),
      peak_rss_mb: round(peakRss / 2 ** 20, 1), gpu_memory_mb: info.device === "cuda" ? gpuMemoryMb() : null,
      cold_start_ms: round(coldStartMs), cold_load_ms: round(first[0]!.timings.loadMs),
      device: info.device, precision: info.precision, threads: tts.runtime.threads,
      model: `${info.id}@${info.version}`, cache: cfg.cache,
      machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version },
    };
    if (cfg.flops) {
      const fl = await requestFlops(tts.pkg, first[0]!.shapes, tts.runtime.threads);
      const peak = await measureMatmulPeak({ threads: tts.runtime.threads });
      const firstAudio = first.reduce((a, r) => a + r.audio.length / r.sampleRate, 0);
      const achieved = (fl.spectrogram + fl.vocoder) / ((means.spectrogram + means.vocoder) / 1000) / 1e9;
      report.gflop_per_audio_s = {
        spectrogram: round(fl.spectrogram / firstAudio / 1e9, 3), vocoder: round(fl.vocoder / firstAudio / 1e9, 3),
        total: round((fl.spectrogram + fl.vocoder) / firstAudio / 1e9, 3),
      };
      report.achieved_gflops = {
        spectrogram: round(fl.spectrogram / (means.spectrogram / 1000) / 1e9, 2),
        vocoder: round(fl.vocoder / (means.vocoder / 1000) / 1e9, 2), total: round(achieved, 2),
      };
      report.matmul_peak_gflops = round(peak.gflops, 2);
      report.peak_fraction = round(achieved / peak.gflops, 3);
    }
    printHuman(report, log);
    if (cfg.json) log(JSON.stringify(report));
  } finally {
    await tts.dispose();
  }
}

function printHuman(r: Record<string, any>, log: (s: string) => void): void {
  log(`model ${r.model} on ${r.device}/${r.precision}, ${r.threads} threads (${r.machine.cpu}, ${r.machine.cores} cores)`);
  log(`calls ${r.repeat} x batch ${r.batch_size}, concurrency ${r.concurrency}, ${r.segments} segment(s), steps ${r.steps} (${r.steps_mode}), emotion ${r.emotion}`);
  log(`latency ms: mean ${r.latency_ms.mean} ± ${r.latency_ms.std}, p50 ${r.latency_ms.p50}, p95 ${r.latency_ms.p95}`);
  log(`stages ms: frontend ${r.stages_ms.frontend}, spectrogram ${r.stages_ms.spectrogram}, vocoder ${r.stages_ms.vocoder}`);
  log(`audio ${r.audio_seconds} s per call, RTF ${r.rtf}; throughput ${r.throughput.audio_s_per_s} audio s/s (RTF ${r.throughput.rtf})`);
  log(`stream: first audio after ${r.time_to_first_audio_ms} ms of ${r.stream_total_ms} ms`);
  log(`cold start ${r.cold_start_ms} ms (sessions ${r.cold_load_ms} ms), peak RSS ${r.peak_rss_mb} MB${r.gpu_memory_mb === null ? "" : `, GPU ${r.gpu_memory_mb} MB`}`);
  if (r.gflop_per_audio_s) {
    log(`GFLOP per audio second: spectrogram ${r.gflop_per_audio_s.spectrogram}, vocoder ${r.gflop_per_audio_s.vocoder}`);
    log(`achieved ${r.achieved_gflops.total} GFLOP/s of a measured ${r.matmul_peak_gflops} GFLOP/s MatMul peak (${(r.peak_fraction * 100).toFixed(1)}%)`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`benchmark: ${isTTSError(e) ? `${e.code}: ` : ""}${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = isTTSError(e) && e.status < 500 ? 2 : 1;
});
