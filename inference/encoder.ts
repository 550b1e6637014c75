/** Text encoder: phoneme ids → per-phoneme mel prior `mu`, log durations and (optionally) pitch. */
import { type Float, int64, runFloat } from "./modelParts";
import type { LazySession } from "./onnxSession";

export type EncoderInput = {
  /** [B,T] token ids, padded with 0 */ phonemes: ArrayLike<number>;
  /** [B] */ lengths: ArrayLike<number>;
  /** [B] */ speakers: ArrayLike<number>;
  /** [B,S] */ style: Float;
  batch: number;
  tokens: number;
  styleDim: number;
};
export type EncoderOutput = { /** [B,K*80,T] */ mu: Float; /** [B,T] */ logDurations: Float; /** [B,K,T] */ pitch?: Float };

export class Encoder {
  /** withPitch: the package's encoder also predicts a pitch contour (manifest decoder.pitch). */
  constructor(readonly session: LazySession, private readonly withPitch = false) {}

  async run(inp: EncoderInput): Promise<EncoderOutput> {
    const { batch: B, tokens: T, styleDim: S } = inp;
    const [mu, logDurations, pitch] = await runFloat(this.session, (Tensor) => ({
      phonemes: new Tensor("int64", int64(inp.phonemes), [B, T]),
      phoneme_lengths: new Tensor("int64", int64(inp.lengths), [B]),
      speaker: new Tensor("int64", int64(inp.speakers), [B]),
      style: new Tensor("float32", inp.style, [B, S]),
    }), this.withPitch ? ["mu", "log_durations", "pitch"] : ["mu", "log_durations"]);
    return { mu: mu!, logDurations: logDurations!, pitch };
  }
}
