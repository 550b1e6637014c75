"""Train the acoustic model (text encoder, duration predictor, flow-matching decoder, emotion controller).

  python3 training/train_acoustic.py --data DIR/acoustic.pt --ckpt DIR [--steps N] [--config base]
      [--init-from cache_hub/default]

Resumes from DIR/acoustic_latest.pt (or, without one, starts from a package's or another checkpoint's
weights with --init-from); prints progress with ETA; EMA weights are what gets exported.
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
from training.config import CONFIGS, ModelConfig, config_of
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
        "pitch": torch.zeros(b, 1, f),
    }
    for i, it in enumerate(items):
        n, m = len(it["phonemes"]), it["mel"].shape[1]
        batch["phonemes"][i, :n], batch["durations"][i, :n] = it["phonemes"], it["durations"]
        batch["mel"][i, :, :m] = (it["mel"].float() - mel_mean) / mel_std
        if "pitch" in it:
            batch["pitch"][i, 0, :m] = it["pitch"].float()
    return batch


def partial_state(model: torch.nn.Module, given: dict) -> dict:
    """model's state with every tensor of `given` whose name and shape match: a package whose sizes
    differ from --config in one part (the decoder, say) still gives the rest; that part starts fresh.
    A prior with more anchors per token starts with every anchor at the given single prior."""
    state = model.state_dict()
    for key in ("encoder.proj_mu.weight", "encoder.proj_mu.bias"):
        if key in given and key in state and state[key].shape[0] % given[key].shape[0] == 0 \
                and state[key].shape[1:] == given[key].shape[1:] and state[key].shape != given[key].shape:
            copies = state[key].shape[0] // given[key].shape[0]
            print(f"acoustic: {key} widened to {copies} prior anchors", flush=True)
            given = {**given, key: given[key].repeat(copies, *[1] * (given[key].dim() - 1))}
    # a decoder given more inputs (the pitch channel, appended last) starts by ignoring them: zero weights
    for key in ("decoder.down1.conv1.weight", "decoder.down1.skip.weight"):
        if key in given and key in state and state[key].shape[1] > given[key].shape[1] \
                and state[key].shape[0] == given[key].shape[0] and state[key].shape[2:] == given[key].shape[2:]:
            extra = state[key].shape[1] - given[key].shape[1]
            print(f"acoustic: {key} takes {extra} new input channel(s), starting at zero", flush=True)
            pad = torch.zeros(given[key].shape[0], extra, *given[key].shape[2:], dtype=given[key].dtype)
            given = {**given, key: torch.cat([given[key], pad], dim=1)}
    fresh = sorted({".".join(k.split(".")[:2]) for k, v in state.items() if k not in given or given[k].shape != v.shape})
    if fresh:
        print(f"acoustic: sizes differ from the package, starting fresh: {', '.join(fresh)}", flush=True)
    return {k: given[k] if k in given and given[k].shape == v.shape else v for k, v in state.items()}


def initial_weights(source: Path) -> tuple[dict, int, ModelConfig, float, float]:
    """A model package dir or an acoustic checkpoint (its averaged weights) → (state, step, sizes,
    mel_mean, mel_std): the given weights expect their own mel normalisation, whatever the new corpus's."""
    if source.is_file():
        state = torch.load(source, map_location="cpu")
        return state["ema"], state["step"], config_of(state), state["mel_mean"], state["mel_std"]
    acoustic, _, cfg, manifest = load_package(source)
    return (acoustic.state_dict(), manifest["training"].get("acoustic_step", 0), cfg,
            manifest["audio"]["mel_mean"], manifest["audio"]["mel_std"])


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
    ap.add_argument("--repeat-short", type=int, default=1,
                    help="draw utterances of at most 8 tokens (lone words) this many times as often")
    ap.add_argument("--init-from", type=Path,
                    help="model package (or acoustic checkpoint file) to start from when there is no checkpoint")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    data = torch.load(args.data)
    items, mel_mean, mel_std = data["items"], data["mel_mean"], data["mel_std"]
    cfg, init = CONFIGS[args.config or "base"], None
    if (state := load(args.ckpt / "acoustic_latest.pt")) is not None:
        mel_mean, mel_std, cfg = state["mel_mean"], state["mel_std"], config_of(state)
        model = AcousticModel(cfg.acoustic, len(symbols()))
    elif args.init_from:
        given, step, given_cfg, mel_mean, mel_std = initial_weights(args.init_from)
        cfg = CONFIGS[args.config] if args.config else given_cfg
        model = AcousticModel(cfg.acoustic, len(symbols()))
        init = (partial_state(model, given), step)
    else:
        model = AcousticModel(cfg.acoustic, len(symbols()))
    if cfg.acoustic.pitch and "pitch" not in items[0]:
        sys.exit(f"acoustic: {args.data} has no pitch contours: run prepare_acoustic.py again")
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    run = TrainingRun("acoustic", model, opt, args.ckpt / "acoustic_latest.pt", total_steps=args.steps, clip=5.0,
                      log_every=args.log_every, save_every=args.save_every, init=init,
                      extra_state={"config_name": cfg.name, "config": cfg.to_dict(), "mel_mean": mel_mean, "mel_std": mel_std})
    print(f"acoustic: {len(items)} utterances, {sum(p.numel() for p in model.parameters()) / 1e6:.2f}M parameters",
          flush=True)
    # Lone words are a few % of the corpus, and held-out ones came out as they sound inside a sentence
    # (short, tone flattened) until the model heard lone words more often.
    items = [it for it in items for _ in range(args.repeat_short if len(it["phonemes"]) <= 8 else 1)]
    # Similar lengths per batch: less padding, so each step costs less.
    items = sorted(items, key=lambda it: it["mel"].shape[1])
    model.train()
    while run.running:
        start = random.randint(0, max(0, len(items) - args.batch * 4))
        batch = collate(random.sample(items[start:start + args.batch * 4], min(args.batch, len(items))), mel_mean, mel_std)
        losses = model.losses(batch, args.crop)
        warm = run.warmup(1000)
        cosine = max(0.1, 0.5 * (1 + math.cos(math.pi * min(1.0, run.step / args.steps))))
        run.update(sum(losses.values()), losses, args.lr * warm * cosine)
    print("acoustic: done", flush=True)


if __name__ == "__main__":
    main()
