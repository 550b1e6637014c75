/**
 * Runs the benchmark for the README's figures: the Chinese seed sentence and an English paragraph at
 * 1, 5 and 16 concurrent requests, one child process each, and prints a markdown table.
 *   npx tsx inference/bench/benchmarkMatrix.ts [--model DIR] [--repeat N]
 */
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";

export const SEED_SENTENCE = "今天天气真好,适合出门散步。";
export const ENGLISH_PARAGRAPH =
  "The old lighthouse stood at the edge of the cliff for more than a hundred years. Every night its beam swept " +
  "across the water, guiding fishing boats safely home. When the keeper retired, the town voted to keep the light " +
  "burning, and volunteers still climb the narrow stairs each evening.";

const { values } = parseArgs({ options: { model: { type: "string" }, repeat: { type: "string" } } });
const rows: string[] = [];
for (const [label, text] of [["seed sentence (zh)", SEED_SENTENCE], ["English paragraph", ENGLISH_PARAGRAPH]] as const) {
  for (const concurrency of [1, 5, 16]) {
    const repeat = String(Math.max(Number(values.repeat ?? 20), concurrency * 2));
    const args = ["tsx", "inference/benchmark.ts", "--text", text, "--repeat", repeat, "--concurrency", String(concurrency), "--json"];
    if (values.model) args.push("--model", values.model);
    if (concurrency > 1) args.push("--no-flops");
    try {
      const out = execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      const r = JSON.parse(out.trim().split("\n").pop()!) as Record<string, any>;
      rows.push(`| ${label} | ${concurrency} | ${r.audio_seconds} | ${r.latency_ms.mean} ± ${r.latency_ms.std} | ${r.latency_ms.p50} / ${r.latency_ms.p95} | ` +
        `${r.stages_ms.frontend} / ${r.stages_ms.spectrogram} / ${r.stages_ms.vocoder} | ${r.rtf} | ${r.throughput.audio_s_per_s} | ` +
        `${r.time_to_first_audio_ms} | ${r.steps} | ${r.peak_rss_mb} | ${r.cold_start_ms} | ${r.gflop_per_audio_s?.total ?? "–"} | ` +
        `${r.peak_fraction === undefined ? "–" : `${(r.peak_fraction * 100).toFixed(1)}% of ${r.matmul_peak_gflops}`} |`);
    } catch (e) {
      const msg = String((e as { stderr?: string }).stderr ?? e).trim().split("\n").pop();
      rows.push(`| ${label} | ${concurrency} | ${msg} |||||||||||`);
    }
  }
}
process.stdout.write(`Machine: ${cpus()[0]?.model ?? "?"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}\n\n`);
process.stdout.write("| text | concurrent | audio s | latency ms | p50 / p95 | frontend / spectrogram / vocoder ms | RTF | audio s per s | first audio ms | steps | peak RSS MB | cold start ms | GFLOP per audio s | of MatMul peak |\n");
process.stdout.write(`|${"---|".repeat(14)}\n${rows.join("\n")}\n`);
