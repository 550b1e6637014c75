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


class TrainingRun:
    """The loop both stages share: resume, optimise one step, keep the average, log, checkpoint."""

    def __init__(self, stage: str, model: torch.nn.Module, opt: torch.optim.Optimizer, path: Path, *,
                 total_steps: int, clip: float, log_every: int, save_every: int, extra_state: dict,
                 ema_decay: float = 0.999, init: tuple[dict, int] | None = None):
        """init: (model state, step) to start from when there is no checkpoint yet, e.g. the weights of
        a committed model package (training/package_weights.py); the optimiser then starts fresh."""
        self.stage, self.model, self.opt, self.path = stage, model, opt, path
        self.total_steps, self.clip = total_steps, clip
        self.log_every, self.save_every, self.extra_state = log_every, save_every, extra_state
        self.ema = Ema(model, ema_decay)
        self.step = self.opt_start = 0
        if (state := load(path)) is not None:
            model.load_state_dict(state["model"]), opt.load_state_dict(state["opt"])
            self.ema.model.load_state_dict(state["ema"])
            self.step, self.opt_start = state["step"], state.get("opt_start", 0)
            print(f"{stage}: resumed at step {self.step}", flush=True)
        elif init is not None:
            model.load_state_dict(init[0]), self.ema.model.load_state_dict(init[0])
            self.step = self.opt_start = init[1]
            print(f"{stage}: starting from given weights at step {self.step}", flush=True)
        self.progress = Progress(stage, self.step, total_steps)
        self.sums: dict[str, float] = {}

    def warmup(self, steps: int) -> float:
        """Learning-rate factor rising to 1 over `steps` after the optimiser (re)started: Adam's first
        moments are noisy, and from given weights a full-size first step would undo them."""
        return min(1.0, (self.step - self.opt_start + 1) / steps)

    @property
    def running(self) -> bool:
        return self.step < self.total_steps

    def update(self, total: torch.Tensor, losses: dict[str, torch.Tensor], lr: float) -> None:
        for g in self.opt.param_groups:
            g["lr"] = lr
        self.opt.zero_grad(set_to_none=True)
        total.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip)
        self.opt.step()
        self.ema.update(self.model, self.step)
        self.step += 1
        for k, v in losses.items():
            self.sums[k] = self.sums.get(k, 0.0) + float(v)
        if self.step % self.log_every == 0:
            print(self.progress.line(self.step, {k: v / self.log_every for k, v in self.sums.items()}), flush=True)
            self.sums = {}
        if self.step % self.save_every == 0 or self.step == self.total_steps:
            save(self.path, {"model": self.model.state_dict(), "opt": self.opt.state_dict(),
                             "ema": self.ema.model.state_dict(), "step": self.step, "opt_start": self.opt_start,
                             **self.extra_state})
