"""Conditional flow matching (OT-CFM, as in Matcha-TTS): training loss and the Euler sampler.

The engine's `inference/odeSolver.ts` mirrors `sample()`; keep the two in step.
"""
from __future__ import annotations

import torch

SIGMA_MIN = 1e-4
N_FEATS = 80


def cfm_loss(decoder, x1: torch.Tensor, mu: torch.Tensor, mask: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
    """x1 target mel [B, 80, F] (normalised), mu [B, 80 (+E), F] (decoder conditioning), mask [B, 1, F],
    cond [B, C] → scalar loss."""
    b = x1.shape[0]
    t = torch.rand(b, device=x1.device)
    x0 = torch.randn_like(x1)
    tt = t.view(b, 1, 1)
    y = (1 - (1 - SIGMA_MIN) * tt) * x0 + tt * x1
    target = x1 - (1 - SIGMA_MIN) * x0
    pred = decoder(y, mu, mask, t, cond)
    return ((pred - target) ** 2 * mask).sum() / (mask.sum() * x1.shape[1])


@torch.no_grad()
def sample(decoder, mu: torch.Tensor, mask: torch.Tensor, cond: torch.Tensor, steps: int,
           temperature: float = 0.667, generator: torch.Generator | None = None) -> torch.Tensor:
    """Euler integration from t=0 (noise) to t=1 (mel). mu [B, 80 (+E), F] → mel [B, 80, F] (normalised)."""
    x = torch.randn((mu.shape[0], N_FEATS, mu.shape[2]), generator=generator, device=mu.device) * temperature
    dt = 1.0 / steps
    for i in range(steps):
        t = torch.full((mu.shape[0],), i * dt, device=mu.device)
        x = x + dt * decoder(x, mu, mask, t, cond)
    return x * mask
