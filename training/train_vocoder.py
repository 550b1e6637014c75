"""Train the Vocos-style vocoder on the corpus audio (mel computed on the fly from true audio).

  python3 training/train_vocoder.py --corpus DIR --ckpt DIR [--steps N] [--config base]
      [--init-from cache_hub/default]   (without a checkpoint yet: start from a package's weights)
      [--generated DIR/generated.pt]    (fine-tune: half the batches take the acoustic model's mels)

Resumes from DIR/vocoder_latest.pt. Losses: mel L1, multi-resolution STFT, log-magnitude of the
predicted spectrum, and an anti-wrapping loss on the predicted phase advance against the true one
(instantaneous frequency), weighted by magnitude so silent bins with meaningless phase do not dominate.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
import torch
import torch.nn.functional as F

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.audio import AudioConfig, MelSpectrogram, Stft
from training.checkpoint import TrainingRun, load
from training.package_weights import load_package
from training.config import CONFIGS, config_of
from training.models.vocoder import Vocoder

TWO_PI = 2 * math.pi


def anti_wrap(x: torch.Tensor) -> torch.Tensor:
    return torch.abs(x - TWO_PI * torch.round(x / TWO_PI))


def advance_loss(advance: torch.Tensor, true_phase: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """advance [B, bins, F] predicted phase step into each frame, true_phase [B, bins, F], weight [B, bins, F]."""
    w = weight[:, :, 1:] / weight[:, :, 1:].mean()
    return (anti_wrap(advance[:, :, 1:] - torch.diff(true_phase, dim=2)) * w).mean()


class MultiResolutionStftLoss(torch.nn.Module):
    def __init__(self, resolutions=((512, 128), (1024, 256), (2048, 512))):
        super().__init__()
        cfg = AudioConfig()
        self.stfts = torch.nn.ModuleList(Stft(cfg, n_fft, hop) for n_fft, hop in resolutions)

    def forward(self, fake: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
        loss = 0.0
        for stft in self.stfts:
            f, r = stft(fake).abs() + 1e-7, stft(real).abs() + 1e-7
            loss = loss + torch.norm(r - f) / torch.norm(r) + F.l1_loss(torch.log(f), torch.log(r))
        return loss / len(self.stfts)


class AudioSegments:
    """Random fixed-length segments from the corpus; re-reads the utterance list as the corpus grows."""

    def __init__(self, corpora: list[Path], segment: int, exclude_ids: set[str]):
        self.corpora, self.segment, self.exclude = corpora, segment, exclude_ids
        self.cache: dict[str, np.ndarray] = {}
        self.refresh()

    def refresh(self) -> None:
        self.items = []
        for corpus in self.corpora:
            lines = (corpus / "utterances.jsonl").read_text().splitlines()
            # the last line may be half-written while a corpus is still being synthesised
            self.items += [{**json.loads(l), "dir": corpus} for l in lines if l.strip().endswith("}")]
        self.items = [it for it in self.items if it["id"] not in self.exclude]

    def _audio(self, item: dict) -> np.ndarray:
        if item["id"] not in self.cache:
            _, a = wavfile.read(item["dir"] / item["wav"])
            self.cache[item["id"]] = a
        return self.cache[item["id"]]

    def batch(self, size: int) -> torch.Tensor:
        out = np.zeros((size, self.segment), dtype=np.float32)
        for i in range(size):
            a = self._audio(random.choice(self.items))
            if len(a) > self.segment:
                s = random.randint(0, len(a) - self.segment)
                out[i] = a[s:s + self.segment] / 32768.0
            else:
                out[i, :len(a)] = a / 32768.0
        return torch.from_numpy(out)


class GeneratedSegments:
    """Segments of generated mels (generate_mels.py) with the real audio they line up with."""

    def __init__(self, path: Path, segment: int, hop: int):
        self.items, self.frames, self.hop = torch.load(path)["items"], segment // hop, hop
        self.audio: dict[str, np.ndarray] = {}

    def batch(self, size: int) -> tuple[torch.Tensor, torch.Tensor]:
        """→ audio [size, frames * hop], generated mel [size, 80, frames] (zero-padded when shorter)."""
        audio = np.zeros((size, self.frames * self.hop), dtype=np.float32)
        mel = torch.full((size, 80, self.frames), float(np.log(1e-5)))
        for i in range(size):
            it = random.choice(self.items)
            if it["id"] not in self.audio:
                self.audio[it["id"]] = wavfile.read(it["wav"])[1]
            a, m = self.audio[it["id"]], it["mel"].float()
            s = random.randint(0, max(0, m.shape[1] - self.frames))
            take = min(self.frames, m.shape[1] - s)
            mel[i, :, :take] = m[:, s:s + take]
            chunk = a[s * self.hop:(s + take) * self.hop]
            audio[i, :len(chunk)] = chunk / 32768.0
        return torch.from_numpy(audio), mel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True)
    ap.add_argument("--ckpt", type=Path, required=True)
    ap.add_argument("--config", help="model sizes (training/config.py); default: --init-from's own, else base")
    ap.add_argument("--steps", type=int, default=40000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--segment", type=int, default=8192)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--save-every", type=int, default=250)
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--init-from", type=Path, help="model package to start from when there is no checkpoint")
    ap.add_argument("--generated", type=Path, help="generated mels (generate_mels.py) to fine-tune on")
    ap.add_argument("--generated-fraction", type=float, default=0.5, help="share of batches from --generated")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    cfg, init = CONFIGS[args.config or "base"], None
    if (state := load(args.ckpt / "vocoder_latest.pt")) is not None:
        cfg = config_of(state)
    elif args.init_from:
        _, vocoder, package_cfg, manifest = load_package(args.init_from)
        cfg = CONFIGS[args.config] if args.config else package_cfg
        init = (vocoder.state_dict(), manifest["training"].get("vocoder_step", 0))
    model = Vocoder(cfg.vocoder)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.8, 0.99), weight_decay=0.01)
    run = TrainingRun("vocoder", model, opt, args.ckpt / "vocoder_latest.pt", total_steps=args.steps, clip=10.0,
                      log_every=args.log_every, save_every=args.save_every, init=init,
                      extra_state={"config_name": cfg.name, "config": cfg.to_dict()})
    sched = lambda s: args.lr * run.warmup(200) * max(0.05, 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps))))

    data = AudioSegments(args.corpus, args.segment, set())
    mel_fn, stft = MelSpectrogram(), Stft(AudioConfig())
    mrstft = MultiResolutionStftLoss()
    generated = GeneratedSegments(args.generated, args.segment, AudioConfig().hop_length) if args.generated else None
    while run.running:
        from_generated = generated is not None and random.random() < args.generated_fraction
        audio, mel_in = generated.batch(args.batch) if from_generated else (data.batch(args.batch), None)
        with torch.no_grad():
            mel = mel_fn(audio)
            spec = stft(audio)
            true_mag = spec.abs()
            true_logmag, true_phase = torch.log(true_mag + 1e-5), torch.angle(spec)
        log_mag, advance, phase = model.spectrum(mel if mel_in is None else mel_in)
        mag = torch.exp(log_mag)
        fake = model.istft(mag * torch.cos(phase), mag * torch.sin(phase))
        losses = {
            "mel": F.l1_loss(mel_fn(fake), mel),
            "mrstft": mrstft(fake, audio),
            "logmag": F.l1_loss(log_mag, torch.clamp(true_logmag, max=6.0)),
            "advance": advance_loss(advance, true_phase, torch.sqrt(true_mag)),
        }
        total = 45 * losses["mel"] + 2 * losses["mrstft"] + losses["logmag"] + 2 * losses["advance"]
        run.update(total, losses, sched(run.step))
        if run.step % 1000 == 0:
            data.refresh()
    print("vocoder: done", flush=True)


if __name__ == "__main__":
    main()
