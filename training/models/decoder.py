"""Velocity field of the flow-matching mel decoder: a 1D convolutional U-Net with skip connections.

x [B, 80, F] (noisy mel), mu [B, 80 + E, F] (upsampled prior, then E extra inputs: the pitch contour,
whose harmonic pattern is added to the prior when harmonic_prior is set: models/harmonic_prior.py),
mask [B, 1, F], t [B], cond [B, C]
→ velocity [B, 80, F]. F must be a multiple of 4 (two stride-2 levels). Per-frame layer norm
(not group norm) so a batched request gives the same audio as the same request alone.
"""
from __future__ import annotations

import torch
from torch import nn
import torch.nn.functional as F

from training.models.harmonic_prior import HarmonicPrior
from training.models.layers import ChannelLayerNorm, Mish, mish, sinusoidal_embedding


EXTRA_GAIN = 4.0


class ResBlock(nn.Module):
    """x [B, Cin, T], emb [B, E], mask [B, 1, T] → [B, Cout, T]."""

    def __init__(self, c_in: int, c_out: int, emb_dim: int, kernel: int):
        super().__init__()
        self.conv1 = nn.Conv1d(c_in, c_out, kernel, padding=kernel // 2)
        self.norm1 = ChannelLayerNorm(c_out)
        self.emb = nn.Linear(emb_dim, c_out)
        self.conv2 = nn.Conv1d(c_out, c_out, kernel, padding=kernel // 2)
        self.norm2 = ChannelLayerNorm(c_out)
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x: torch.Tensor, emb: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = mish(self.norm1(self.conv1(x * mask)))
        h = h + self.emb(emb).unsqueeze(-1)
        h = mish(self.norm2(self.conv2(h * mask)))
        return (h + self.skip(x)) * mask


class Decoder(nn.Module):
    def __init__(self, n_feats: int, channels: tuple[int, int], cond_dim: int, kernel: int, emb_dim: int = 256,
                 extra_inputs: int = 0, harmonic_prior: bool = False):
        super().__init__()
        c1, c2 = channels
        block = lambda a, b: ResBlock(a, b, emb_dim, kernel)
        self.time_mlp = nn.Sequential(nn.Linear(128, emb_dim), Mish(), nn.Linear(emb_dim, emb_dim))
        self.cond = nn.Linear(cond_dim, emb_dim)
        self.down1 = block(2 * n_feats + extra_inputs, c1)
        self.n_feats = n_feats
        self.harmonics = HarmonicPrior() if harmonic_prior and extra_inputs else None
        self.pool1 = nn.Conv1d(c1, c1, 3, stride=2, padding=1)
        self.down2 = block(c1, c2)
        self.pool2 = nn.Conv1d(c2, c2, 3, stride=2, padding=1)
        self.mid1 = block(c2, c2)
        self.mid2 = block(c2, c2)
        self.up2 = block(2 * c2, c2)
        self.up1 = block(c2 + c1, c1)
        self.final = nn.Sequential(nn.Conv1d(c1, c1, 3, padding=1), ChannelLayerNorm(c1), Mish())
        self.proj = nn.Conv1d(c1, n_feats, 1)

    def forward(self, x, mu, mask, t, cond):
        emb = self.time_mlp(sinusoidal_embedding(t, 128)) + self.cond(cond)
        m1, m2, m3 = mask, mask[:, :, ::2], mask[:, :, ::4]
        if mu.shape[1] > self.n_feats:
            # The pitch is 1 channel among 161, added to a trained decoder with zero weights: Adam moves
            # each weight by about the learning rate per step whatever its gradient, so this gain is
            # what lets the new channel gain influence as fast as the others have.
            prior, extra = mu[:, :self.n_feats], mu[:, self.n_feats:]
            if self.harmonics is not None:
                prior = prior + self.harmonics(extra[:, :1])
            mu = torch.cat([prior, extra * EXTRA_GAIN], dim=1)
        h1 = self.down1(torch.cat([x, mu], dim=1), emb, m1)
        h2 = self.down2(self.pool1(h1) * m2, emb, m2)
        h = self.pool2(h2) * m3
        h = self.mid2(self.mid1(h, emb, m3), emb, m3)
        h = F.interpolate(h, scale_factor=2.0, mode="nearest")
        h = self.up2(torch.cat([h, h2], dim=1), emb, m2)
        h = F.interpolate(h, scale_factor=2.0, mode="nearest")
        h = self.up1(torch.cat([h, h1], dim=1), emb, m1)
        return self.proj(self.final(h) * m1) * m1
