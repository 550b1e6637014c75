/** Flow-matching decoder: one velocity evaluation v(x, t | mu, pitch, speaker, style). The ODE loop is odeSolver.ts. */
import { type Float, int64, runFloat } from "./modelParts";
import type { LazySession } from "./onnxSession";

export type DecoderConditioning = {
  /** [B,80,F] normalised mel prior */ mu: Float;
  /** [B,1,F] 1 on real frames, 0 on padding */ mask: Float;
  /** [B,1,F] normalised log-F0 contour, for packages whose decoder takes one (manifest decoder.pitch) */ pitch?: Float;
  /** [B] */ speakers: ArrayLike<number>;
  /** [B,S] */ style: Float;
  batch: number;
  frames: number;
  styleDim: number;
};

export class Decoder {
  constructor(readonly session: LazySession) {}

  /** x [B,80,F] at time t (same for the whole batch) → velocity [B,80,F]. */
  async velocity(x: Float, t: number, c: DecoderConditioning): Promise<Float> {
    const { batch: B, frames: F, styleDim: S } = c;
    const [v] = await runFloat(this.session, (Tensor) => ({
      x: new Tensor("float32", x, [B, 80, F]),
      t: new Tensor("float32", new Float32Array(B).fill(t), [B]),
      mu: new Tensor("float32", c.mu, [B, 80, F]),
      mask: new Tensor("float32", c.mask, [B, 1, F]),
      speaker: new Tensor("int64", int64(c.speakers), [B]),
      style: new Tensor("float32", c.style, [B, S]),
      ...(c.pitch ? { pitch: new Tensor("float32", c.pitch, [B, 1, F]) } : {}),
    }), ["velocity"]);
    return v!;
  }
}
