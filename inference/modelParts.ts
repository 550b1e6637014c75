/**
 * Typed runners for the four ONNX graphs of a package (shapes per cache_hub/README.md).
 * Each owns one LazySession, so a part is loaded only when a request first needs it.
 */
import type { Tensor as OrtTensor } from "onnxruntime-node";
import { loadOrt, type LazySession } from "./onnxSession";

export type Float = Float32Array<ArrayBuffer>;
type Feeds = Record<string, OrtTensor>;

/** Runs a session and returns the named float outputs' data. */
export async function runFloat(session: LazySession, feeds: (T: typeof OrtTensor) => Feeds, outputs: string[]): Promise<Float[]> {
  const [ort, s] = await Promise.all([loadOrt(), session.get()]);
  const result = await s.run(feeds(ort.Tensor));
  return outputs.map((name) => {
    const t = result[name];
    if (!t || t.type !== "float32") throw new Error(`${name}: expected a float32 output`);
    return t.data as Float;
  });
}

export function int64(values: ArrayLike<number>): BigInt64Array<ArrayBuffer> {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i]!);
  return out;
}
