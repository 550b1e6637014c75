"""Mels as the acoustic model makes them, frame-aligned with the corpus audio, for vocoder fine-tuning.

The vocoder first learns on mels computed from real audio; at inference it is fed the flow-matching
decoder's mels, which are smoother. Fine-tuning on generated mels (HiFi-GAN's recipe) closes that gap.
Durations are the training durations (teacher forcing), so generated frame f lines up with audio
samples [256 f, 256 (f + 1)) of the real recording.

  python3 training/generate_mels.py --data DIR/acoustic.pt --acoustic DIR/ckpt/acoustic_latest.pt \
      --corpus DIR/corpus DIR/corpus_zh --out DIR/generated.pt [--per-speaker 1000] [--steps 10]

Output: {"items": [{"id", "wav" (absolute path), "mel" [80, F] float16 (natural-log mel, de-normalised)}]}.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.config import config_of
from training.frontend import symbols
from training.models.acoustic_model import AcousticModel
from training.models.flow_matching import sample
from training.models.layers import sequence_mask


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--acoustic", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-speaker", type=int, default=1000)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(1)

    wav_of = {}
    for corpus in args.corpus:
        for line in (corpus / "utterances.jsonl").read_text().splitlines():
            if line.strip():
                rec = json.loads(line)
                wav_of[rec["id"]] = str((corpus / rec["wav"]).resolve())
    state = torch.load(args.acoustic, map_location="cpu")
    model = AcousticModel(config_of(state).acoustic, len(symbols())).eval()
    model.load_state_dict(state["ema"])
    mean, std = state["mel_mean"], state["mel_std"]

    items = torch.load(args.data)["items"]
    rng = random.Random(args.seed)
    chosen = []
    for speaker in sorted({it["speaker"] for it in items}):
        own = [it for it in items if it["speaker"] == speaker and it["id"] in wav_of]
        chosen += rng.sample(own, min(args.per_speaker, len(own)))
    out, t0 = [], time.time()
    gen = torch.Generator().manual_seed(args.seed)
    with torch.no_grad():
        for k, it in enumerate(chosen):
            ids = it["phonemes"].unsqueeze(0)
            x_mask = sequence_mask(torch.tensor([ids.shape[1]]), ids.shape[1])
            style = model.emotion(it["emotion"].unsqueeze(0))
            cond = model.condition(torch.tensor([it["speaker"]]), style)
            mu_x, _, pitch_x = model.encoder(ids, x_mask, cond)
            n = int(it["durations"].sum())
            padded = n + (-n) % 4
            mu_y = model.decoder_input(mu_x, pitch_x, it["durations"].unsqueeze(0), padded)
            y_mask = (torch.arange(padded) < n).float().view(1, 1, -1)
            mel = sample(model.decoder, mu_y, y_mask, cond, args.steps, generator=gen)[0, :, :n]
            out.append({"id": it["id"], "wav": wav_of[it["id"]], "mel": (mel * std + mean).half()})
            if (k + 1) % 100 == 0:
                rate = (time.time() - t0) / (k + 1)
                print(f"generate_mels: {k + 1}/{len(chosen)} | {rate:.2f} s/utt ETA {int(rate * (len(chosen) - k - 1) // 60)} min",
                      flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"items": out, "acoustic_step": state["step"]}, args.out)
    print(f"generate_mels: {len(out)} utterances from acoustic step {state['step']} → {args.out}", flush=True)


if __name__ == "__main__":
    main()
