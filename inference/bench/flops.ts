/**
 * FLOPs of a graph for concrete inputs, counted from the ONNX file: MatMul, Gemm, Conv and ConvTranspose
 * (multiply-adds × 2; everything else is memory-bound and ignored). Intermediate shapes are observed by
 * running a copy of the graph once with the inputs of every counted node added as graph outputs.
 */
import { readFile } from "node:fs/promises";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { loadOrt } from "../onnxSession";
import { type OnnxNode, parseOnnx, withExtraOutputs } from "./onnxProto";

const COUNTED = new Set(["MatMul", "Gemm", "Conv", "ConvTranspose"]);
const prod = (d: number[]): number => d.reduce((a, x) => a * x, 1);

function nodeFlops(n: OnnxNode, shape: (name: string) => number[]): number {
  const a = shape(n.inputs[0]!);
  const b = shape(n.inputs[1]!);
  const y = shape(n.outputs[0]!);
  switch (n.opType) {
    case "MatMul":
      return 2 * prod(y) * a[a.length - 1]!; // each output element is a K-long dot product
    case "Gemm":
      return 2 * prod(y) * (n.intAttrs.transA ? a[0]! : a[1]!);
    case "Conv":
      return 2 * prod(y) * prod(b.slice(1)); // weight [M, C/g, k…]
    case "ConvTranspose":
      return 2 * prod(a) * prod(b.slice(1)); // each input element scatters into weight [C, M/g, k…]
    default:
      return 0;
  }
}

export type FlopCount = { total: number; byOp: Record<string, number> };

export async function countFlops(modelPath: string, feeds: Record<string, Tensor>, threads: number): Promise<FlopCount> {
  const ort = await loadOrt();
  const bytes = new Uint8Array(await readFile(modelPath));
  const g = parseOnnx(bytes);
  const counted = g.nodes.filter((n) => COUNTED.has(n.opType));
  const known = new Map<string, number[]>(g.initializers);
  for (const [name, t] of Object.entries(feeds)) known.set(name, [...t.dims]);
  const observe = [...new Set(counted.flatMap((n) => [n.inputs[0]!, n.inputs[1]!, n.outputs[0]!]))]
    .filter((name) => !known.has(name) && !g.outputs.includes(name));
  const opts: InferenceSession.SessionOptions = { graphOptimizationLevel: "disabled", intraOpNumThreads: threads };
  const session = await ort.InferenceSession.create(withExtraOutputs(bytes, observe), opts);
  try {
    const result = await session.run(feeds);
    for (const [name, t] of Object.entries(result)) known.set(name, [...t.dims]);
  } finally {
    await session.release();
  }
  const shape = (name: string): number[] => {
    const s = known.get(name);
    if (!s) throw new Error(`no shape observed for ${name}`);
    return s;
  };
  const byOp: Record<string, number> = {};
  let total = 0;
  for (const n of counted) {
    const f = nodeFlops(n, shape);
    byOp[n.opType] = (byOp[n.opType] ?? 0) + f;
    total += f;
  }
  return { total, byOp };
}
