/**
 * FLOPs per request for the passes it ran: encoder + steps × decoder (spectrogram stage) and vocoder,
 * counted from the package's FP32 graphs at the passes' real shapes.
 */
import type { ModelPackage } from "../modelPackage";
import { loadOrt } from "../onnxSession";
import type { PassShape } from "../synthesisPipeline";
import { countFlops } from "./flops";

export type StageFlops = { spectrogram: number; vocoder: number };

export async function requestFlops(pkg: ModelPackage, shapes: PassShape[], threads: number): Promise<StageFlops> {
  const { Tensor } = await loadOrt();
  const S = pkg.manifest.emotions.style_dim;
  const f32 = (dims: number[]) => new Tensor("float32", new Float32Array(dims.reduce((a, x) => a * x, 1)).fill(0.1), dims);
  const i64 = (value: number, dims: number[]) =>
    new Tensor("int64", new BigInt64Array(dims.reduce((a, x) => a * x, 1)).fill(BigInt(value)), dims);
  const out: StageFlops = { spectrogram: 0, vocoder: 0 };
  for (const { batch: B, tokens: T, frames: F, steps } of shapes) {
    const enc = await countFlops(pkg.filePath("encoder", "fp32"), {
      phonemes: i64(5, [B, T]), phoneme_lengths: i64(T, [B]), speaker: i64(0, [B]), style: f32([B, S]),
    }, threads);
    const dec = await countFlops(pkg.filePath("decoder", "fp32"), {
      x: f32([B, 80, F]), t: f32([B]), mu: f32([B, 80, F]), mask: f32([B, 1, F]), speaker: i64(0, [B]), style: f32([B, S]),
      ...(pkg.manifest.decoder.pitch ? { pitch: f32([B, 1, F]) } : {}),
    }, threads);
    const voc = await countFlops(pkg.filePath("vocoder", "fp32"), { mel: f32([B, 80, F]) }, threads);
    out.spectrogram += enc.total + steps * dec.total;
    out.vocoder += voc.total;
  }
  return out;
}
