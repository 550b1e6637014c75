/**
 * Leak check: N consecutive requests, RSS and JS heap sampled after each; after a warm-up of 5% of the
 * requests (arenas and caches reach their working size), the least-squares slope of RSS per 1000
 * requests must be near zero for a leak-free engine.
 */
import { round, slope } from "./stats";
import type { SynthesisOptions } from "../synthesisOptions";
import type { TTS } from "../tts";

export type MemoryReport = {
  requests: number; rss_start_mb: number; rss_end_mb: number; rss_max_mb: number;
  rss_slope_mb_per_1000: number; heap_start_mb: number; heap_end_mb: number; heap_slope_mb_per_1000: number; seconds: number;
};

export async function runMemoryCheck(tts: TTS, text: string, opts: SynthesisOptions, n: number, log: (s: string) => void): Promise<MemoryReport> {
  const mb = (b: number): number => b / 2 ** 20;
  const xs: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  const warm = Math.max(1, Math.floor(n * 0.05));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await tts.synthesize(text, { ...opts, seed: i });
    if (i < warm) continue;
    // With --expose-gc, collect first so the samples show retained memory rather than GC timing.
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    xs.push(i);
    rss.push(mb(m.rss));
    heap.push(mb(m.heapUsed));
    if ((i + 1) % Math.max(1, Math.floor(n / 10)) === 0) log(`request ${i + 1}/${n}: RSS ${mb(m.rss).toFixed(1)} MB, heap ${mb(m.heapUsed).toFixed(1)} MB`);
  }
  const report: MemoryReport = {
    requests: n,
    rss_start_mb: round(rss[0]!, 1), rss_end_mb: round(rss[rss.length - 1]!, 1), rss_max_mb: round(Math.max(...rss), 1),
    rss_slope_mb_per_1000: round(slope(xs, rss) * 1000, 3),
    heap_start_mb: round(heap[0]!, 1), heap_end_mb: round(heap[heap.length - 1]!, 1),
    heap_slope_mb_per_1000: round(slope(xs, heap) * 1000, 3),
    seconds: round((performance.now() - t0) / 1000, 1),
  };
  log(`memory over ${n} requests (after ${warm} warm-up): RSS ${report.rss_start_mb} → ${report.rss_end_mb} MB ` +
    `(max ${report.rss_max_mb}), slope ${report.rss_slope_mb_per_1000} MB/1000 requests; heap slope ${report.heap_slope_mb_per_1000} MB/1000`);
  return report;
}
