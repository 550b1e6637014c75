/** Vocoder: natural-log mel [B,80,F] → audio [B,F*hop] in [-1, 1]. */
import { type Float, runFloat } from "./modelParts";
import type { LazySession } from "./onnxSession";

export class Vocoder {
  constructor(readonly session: LazySession) {}

  async run(mel: Float, batch: number, frames: number): Promise<Float> {
    const [audio] = await runFloat(this.session, (Tensor) => ({
      mel: new Tensor("float32", mel, [batch, 80, frames]),
    }), ["audio"]);
    return audio!;
  }
}
