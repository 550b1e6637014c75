/**
 * Emotion controller: weighted 8-dim emotion vector [B,8] → style [B,S]. Loaded only when a request
 * asks for an emotion; neutral requests use the package's precomputed `neutral_style` instead.
 */
import { type Float, runFloat } from "./modelParts";
import type { LazySession } from "./onnxSession";

export class EmotionController {
  constructor(readonly session: LazySession) {}

  async style(weightedVector: readonly number[]): Promise<Float> {
    const [style] = await runFloat(this.session, (Tensor) => ({
      emotion: new Tensor("float32", Float32Array.from(weightedVector), [1, 8]),
    }), ["style"]);
    return style!;
  }
}
