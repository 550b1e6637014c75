"""Text encoder + duration predictor (Matcha-TTS style, rotary self-attention).

phonemes [B, T] + conditioning [B, C] → mel prior mu [B, K*80, T] (K anchors per token, anchor-major), log durations
[B, T], pitch [B, K, T] (optional).
Durations are predicted as log(frames + 1) so zero-length tokens (word boundaries) are representable.
"""
from __future__ import annotations

import torch
from torch import nn

from training.models.layers import ChannelLayerNorm


def _rotate_half(x: torch.Tensor) -> torch.Tensor:
    a, b = x.chunk(2, dim=-1)
    return torch.cat([-b, a], dim=-1)


class RotarySelfAttention(nn.Module):
    """x [B, H, T], mask [B, 1, T] → [B, H, T]. Rotary positions generalise to inputs longer than training crops."""

    def __init__(self, channels: int, heads: int, dropout: float):
        super().__init__()
        self.heads, self.head_dim = heads, channels // heads
        self.qkv = nn.Conv1d(channels, 3 * channels, 1)
        self.out = nn.Conv1d(channels, channels, 1)
        self.drop = nn.Dropout(dropout)
        inv = 1.0 / (10000 ** (torch.arange(0, self.head_dim, 2).float() / self.head_dim))
        self.register_buffer("inv_freq", inv, persistent=False)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, c, t = x.shape
        q, k, v = self.qkv(x).view(b, 3, self.heads, self.head_dim, t).transpose(3, 4).unbind(1)  # [B,h,T,d]
        pos = torch.arange(t, device=x.device, dtype=torch.float32)
        angles = pos.unsqueeze(1) * self.inv_freq.unsqueeze(0)  # [T, d/2]
        cos, sin = torch.cat([angles.cos()] * 2, -1), torch.cat([angles.sin()] * 2, -1)
        q, k = q * cos + _rotate_half(q) * sin, k * cos + _rotate_half(k) * sin
        scores = q @ k.transpose(-1, -2) / (self.head_dim ** 0.5)  # [B,h,T,T]
        scores = scores.masked_fill(mask.unsqueeze(1) < 0.5, -1e4)
        attn = self.drop(torch.softmax(scores, dim=-1))
        y = (attn @ v).transpose(2, 3).reshape(b, c, t)
        return self.out(y)


class EncoderLayer(nn.Module):
    def __init__(self, channels: int, heads: int, ffn: int, kernel: int, dropout: float):
        super().__init__()
        self.attn = RotarySelfAttention(channels, heads, dropout)
        self.norm1 = ChannelLayerNorm(channels)
        self.ffn_in = nn.Conv1d(channels, ffn, kernel, padding=kernel // 2)
        self.ffn_out = nn.Conv1d(ffn, channels, kernel, padding=kernel // 2)
        self.norm2 = ChannelLayerNorm(channels)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.norm1(x + self.drop(self.attn(x, mask)))
        y = self.ffn_out(self.drop(torch.relu(self.ffn_in(x * mask))) * mask)
        return self.norm2(x + self.drop(y)) * mask


class VariancePredictor(nn.Module):
    """hidden [B, H, T] + cond [B, C] → [B, outputs, T]: log(frames + 1) per token (duration, from the
    detached hidden) or the pitch at each of K anchors (training/pitch.py)."""

    def __init__(self, channels: int, cond_dim: int, filters: int, dropout: float, outputs: int = 1):
        super().__init__()
        self.cond = nn.Linear(cond_dim, channels)
        self.conv1 = nn.Conv1d(channels, filters, 3, padding=1)
        self.norm1 = ChannelLayerNorm(filters)
        self.conv2 = nn.Conv1d(filters, filters, 3, padding=1)
        self.norm2 = ChannelLayerNorm(filters)
        self.proj = nn.Conv1d(filters, outputs, 1)
        self.drop = nn.Dropout(dropout)

    def forward(self, h: torch.Tensor, cond: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = (h + self.cond(cond).unsqueeze(-1)) * mask
        x = self.drop(self.norm1(torch.relu(self.conv1(x)))) * mask
        x = self.drop(self.norm2(torch.relu(self.conv2(x)))) * mask
        return self.proj(x) * mask


class TextEncoder(nn.Module):
    def __init__(self, n_symbols: int, channels: int, heads: int, layers: int, ffn: int, cond_dim: int,
                 n_feats: int, dp_filters: int, dropout: float, anchors: int = 1, pitch: bool = False):
        super().__init__()
        self.embed = nn.Embedding(n_symbols, channels)
        nn.init.normal_(self.embed.weight, 0.0, channels ** -0.5)
        self.prenet = nn.Sequential(*[
            m for _ in range(3) for m in (nn.Conv1d(channels, channels, 5, padding=2), ChannelLayerNorm(channels), nn.ReLU())
        ])
        self.cond = nn.Linear(cond_dim, channels)
        self.layers = nn.ModuleList(EncoderLayer(channels, heads, ffn, 3, dropout) for _ in range(layers))
        self.proj_mu = nn.Conv1d(channels, n_feats * anchors, 1)
        self.duration = VariancePredictor(channels, cond_dim, dp_filters, dropout)
        self.pitch = VariancePredictor(channels, cond_dim, dp_filters, dropout, anchors) if pitch else None

    def forward(self, phonemes: torch.Tensor, mask: torch.Tensor, cond: torch.Tensor):
        """phonemes [B, T] i64, mask [B, 1, T], cond [B, C]
        → (mu [B, K*80, T], log_durations [B, T], pitch [B, K, T] or None)."""
        x = self.embed(phonemes).transpose(1, 2) * mask
        h = x
        for i in range(0, len(self.prenet), 3):  # conv, norm, relu; re-mask so padding never leaks in
            h = self.prenet[i + 2](self.prenet[i + 1](self.prenet[i](h))) * mask
        x = (x + h + self.cond(cond).unsqueeze(-1)) * mask
        for layer in self.layers:
            x = layer(x, mask)
        mu = self.proj_mu(x) * mask
        logw = self.duration(x.detach(), cond, mask).squeeze(1)
        pitch = self.pitch(x, cond, mask) if self.pitch is not None else None
        return mu, logw, pitch
