"""Train the acoustic model (text encoder, duration predictor, flow-matching decoder, emotion controller).

  python3 training/train_acoustic.py --data DIR/acoustic.pt --ckpt DIR [--steps N] [--config base]
      [--init-from cache_hub/default]

Resumes from DIR/acoustic_latest.pt (or, without one, starts from a package's weights with --init-from); prints progress with ETA; EMA weights are what gets exported.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import torch

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.checkpoint import TrainingRun, load
from training.config import CONFIGS, config_of
from training.frontend import symbols
from training.models.acoustic_model import AcousticModel
from training.package_weights import load_package


def collate(items: list[dict], mel_mean: float, mel_std: float) -> dict:
    """Pad a list of utterances; mel frames padded to a multiple of 4 (the decoder's two downsamplings)."""
    b = len(items)
    t = max(len(it["phonemes"]) for it in items)
    f = max(it["mel"].shape[1] for it in items)
    f += (-f) % 4
    batch = {
        "phonemes": torch.zeros(b, t, dtype=torch.long), "durations": torch.zeros(b, t, dtype=torch.long),
        "phoneme_lengths": torch.tensor([len(it["phonemes"]) for it in items]),
        "mel": torch.zeros(b, 80, f), "mel_lengths": torch.tensor([it["mel"].shape[1] for it in items]),
        "speaker": torch.tensor([it["speaker"] for it in items]),
        "emotion": torch.stack([it["emotion"] for it in items]),
    }
    for i, it in enumerate(items):
        n, m = len(it["phonemes"]), it["mel"].shape[1]
        batch["phonemes"][i, :n], batch["durations"][i, :n] = it["phonemes"], it["durations"]
        batch["mel"][i, :, :m] = (it["mel"].float() - mel_mean) / mel_std
    return batch


def partial_state(model: torch.nn.Module, given: dict) -> dict:
    """model's state with every tensor of `given` whose name and shape match: a package whose sizes
    differ from --config in one part (the decoder, say) still gives the rest; that part starts fresh."""
    state = model.state_dict()
    fresh = sorted({k.split(".")[0] for k, v in state.items() if k not in given or given[k].shape != v.shape})
    if fresh:
        print(f"acoustic: sizes differ from the package, starting fresh: {', '.join(fresh)}", flush=True)
    return {k: given[k] if k in given and given[k].shape == v.shape else v for k, v in state.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--ckpt", type=Path, required=True)
    ap.add_argument("--config", help="model sizes (training/config.py); default: --init-from's own, else base")
    ap.add_argument("--steps", type=int, default=30000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--crop", type=int, default=192)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--save-every", type=int, default=250)
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--init-from", type=Path, help="model package to start from when there is no checkpoint")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    data = torch.load(args.data)
    items, mel_mean, mel_std = data["items"], data["mel_mean"], data["mel_std"]
    cfg, init = CONFIGS[args.config or "base"], None
    if (state := load(args.ckpt / "acoustic_latest.pt")) is not None:
        mel_mean, mel_std, cfg = state["mel_mean"], state["mel_std"], config_of(state)
        model = AcousticModel(cfg.acoustic, len(symbols()))
    elif args.init_from:
        acoustic, _, package_cfg, manifest = load_package(args.init_from)
        cfg = CONFIGS[args.config] if args.config else package_cfg
        model = AcousticModel(cfg.acoustic, len(symbols()))
        init = (partial_state(model, acoustic.state_dict()), manifest["training"].get("acoustic_step", 0))
        # the package's weights expect its own mel normalisation, whatever the new corpus's statistics
        mel_mean, mel_std = manifest["audio"]["mel_mean"], manifest["audio"]["mel_std"]
    else:
        model = AcousticModel(cfg.acoustic, len(symbols()))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    run = TrainingRun("acoustic", model, opt, args.ckpt / "acoustic_latest.pt", total_steps=args.steps, clip=5.0,
                      log_every=args.log_every, save_every=args.save_every, init=init,
                      extra_state={"config_name": cfg.name, "config": cfg.to_dict(), "mel_mean": mel_mean, "mel_std": mel_std})
    print(f"acoustic: {len(items)} utterances, {sum(p.numel() for p in model.parameters()) / 1e6:.2f}M parameters",
          flush=True)
    # Similar lengths per batch: less padding, so each step costs less.
    items = sorted(items, key=lambda it: it["mel"].shape[1])
    model.train()
    while run.running:
        start = random.randint(0, max(0, len(items) - args.batch * 4))
        batch = collate(random.sample(items[start:start + args.batch * 4], min(args.batch, len(items))), mel_mean, mel_std)
        losses = model.losses(batch, args.crop)
        warm = run.warmup(1000)
        cosine = max(0.1, 0.5 * (1 + math.cos(math.pi * min(1.0, run.step / args.steps))))
        run.update(losses["duration"] + losses["prior"] + losses["flow"], losses, args.lr * warm * cosine)
    print("acoustic: done", flush=True)


if __name__ == "__main__":
    main()
