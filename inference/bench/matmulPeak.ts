/**
 * This machine's practical matrix-multiply peak, measured with onnxruntime itself: the best of several
 * runs of one n×n·n×n FP32 MatMul on the engine's thread count (2n³ FLOPs per run).
 */
import { loadOrt } from "../onnxSession";
import { matmulModel } from "./onnxProto";
import { Prng } from "../odeSolver";

export async function measureMatmulPeak(opts: { threads: number; n?: number; runs?: number }): Promise<{ gflops: number; n: number; bestMs: number }> {
  const n = opts.n ?? 1024;
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(matmulModel(n), {
    intraOpNumThreads: opts.threads, interOpNumThreads: 1, graphOptimizationLevel: "all",
  });
  try {
    const prng = new Prng(1);
    const a = new ort.Tensor("float32", prng.gaussian(new Float32Array(n * n), 1), [n, n]);
    const b = new ort.Tensor("float32", prng.gaussian(new Float32Array(n * n), 1), [n, n]);
    let best = Infinity;
    for (let i = 0; i < (opts.runs ?? 8); i++) {
      const t0 = performance.now();
      await session.run({ A: a, B: b });
      best = Math.min(best, performance.now() - t0);
    }
    return { gflops: (2 * n ** 3) / (best / 1000) / 1e9, n, bestMs: best };
  } finally {
    await session.release();
  }
}
