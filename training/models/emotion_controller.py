"""Emotion controller: 8-dim emotion vector (already scaled by its weight) → style embedding [B, S].

Trained on one-hot vectors (neutral = zeros); a small MLP keeps blends between them smooth.
"""
from __future__ import annotations

import torch
from torch import nn

N_EMOTIONS = 8


class EmotionController(nn.Module):
    def __init__(self, style_dim: int, hidden: int = 64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(N_EMOTIONS, hidden), nn.Tanh(), nn.Linear(hidden, style_dim))

    def forward(self, emotion: torch.Tensor) -> torch.Tensor:
        """emotion [B, 8] → style [B, S]."""
        return self.net(emotion)
