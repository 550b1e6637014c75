"""Resumable checkpoints and progress lines shared by the training stages."""
from __future__ import annotations

import copy
import os
import time
from pathlib import Path

import torch


class Ema:
    """Exponential moving average of a model's weights (what gets exported)."""

    def __init__(self, model: torch.nn.Module, decay: float):
        self.decay = decay
        self.model = copy.deepcopy(model).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)

    @torch.no_grad()
    def update(self, model: torch.nn.Module, step: int) -> None:
        # warm-up: early on the average must not remember the random initial weights for long
        decay = min(self.decay, (1 + step) / (10 + step))
        for e, p in zip(self.model.state_dict().values(), model.state_dict().values()):
            if e.dtype.is_floating_point:
                e.mul_(decay).add_(p.detach(), alpha=1 - decay)
            else:
                e.copy_(p)


def save(path: Path, state: dict) -> None:
    """Atomic write: a stop mid-save never leaves a broken checkpoint behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def load(path: Path) -> dict | None:
    return torch.load(path, map_location="cpu") if path.exists() else None


class Progress:
    """Prints `stage step/total losses s/step ETA` lines; stdout is the progress log."""

    def __init__(self, stage: str, start_step: int, total: int):
        self.stage, self.total = stage, total
        self.t0, self.s0 = time.time(), start_step

    def line(self, step: int, losses: dict[str, float]) -> str:
        rate = (time.time() - self.t0) / max(1, step - self.s0)
        eta = (self.total - step) * rate
        parts = " ".join(f"{k} {v:.4f}" for k, v in losses.items())
        return (f"{self.stage} step {step}/{self.total} {parts} | {rate:.2f} s/step "
                f"ETA {int(eta // 3600)}h{int(eta % 3600 // 60):02d}m")
