"""Vocos-style vocoder: log-mel [B, 80, F] → ConvNeXt backbone → STFT magnitude and phase per frame →
inverse STFT → audio [B, F * hop].

Why this shape: on 2 CPU cores a HiFi-GAN needs days of adversarial training; predicting the
spectrum per frame at the mel frame rate is ~10x cheaper to train and to run. The phase is
supervised directly (anti-wrapping phase, group-delay and instantaneous-frequency losses in
train_vocoder.py) because spectral losses alone leave it smeared.

Phase is predicted as its advance from one frame to the next (instantaneous frequency), relative to
each bin's centre frequency, and integrated over frames (a cumulative sum). Why: a stationary
harmonic has a constant advance but an ever-growing absolute phase, and a convolutional network —
which sees no absolute frame index — can predict the former but not the latter. Harmonics advancing
at multiples of F0 from a common start also stay phase-locked, so voiced frames keep a pulse shape.

The inverse STFT is a transposed convolution with a windowed inverse-DFT kernel, normalised by the
window's overlap-add envelope: torch.istft does not export to ONNX, this does.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

from training.audio import AudioConfig
from training.config import VocoderConfig


class ConvNeXtBlock(nn.Module):
    """x [B, C, F] → [B, C, F]."""

    def __init__(self, dim: int, intermediate: int, layer_scale: float):
        super().__init__()
        self.dwconv = nn.Conv1d(dim, dim, 7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.pw1 = nn.Linear(dim, intermediate)
        self.pw2 = nn.Linear(intermediate, dim)
        self.gamma = nn.Parameter(layer_scale * torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.dwconv(x).transpose(1, 2)
        y = self.pw2(F.gelu(self.pw1(self.norm(y))))
        return x + (self.gamma * y).transpose(1, 2)


class InverseStft(nn.Module):
    """real, imag [B, n_fft/2+1, F] → audio [B, F * hop] on the analysis grid of training/audio.py."""

    def __init__(self, n_fft: int, hop: int):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        n_bins = n_fft // 2 + 1
        n = np.arange(n_fft)
        k = np.arange(n_bins)[:, None]
        scale = np.full((n_bins, 1), 2.0 / n_fft)
        scale[0] = scale[-1] = 1.0 / n_fft
        window = np.hanning(n_fft + 1)[:-1]  # periodic Hann, as torch.hann_window
        cos_k = scale * np.cos(2 * math.pi * k * n / n_fft) * window
        sin_k = -scale * np.sin(2 * math.pi * k * n / n_fft) * window
        kernel = np.concatenate([cos_k, sin_k])[:, None, :].astype(np.float32)  # [2*bins, 1, n_fft]
        self.register_buffer("kernel", torch.from_numpy(kernel))
        self.register_buffer("window_sq", torch.from_numpy((window ** 2).astype(np.float32)).view(1, 1, -1))

    def forward(self, real: torch.Tensor, imag: torch.Tensor) -> torch.Tensor:
        if self.training:
            return self._fft_overlap_add(real, imag)
        frames = real.shape[2]
        audio = F.conv_transpose1d(torch.cat([real, imag], dim=1), self.kernel, stride=self.hop)
        ones = torch.ones_like(real[:, :1, :])
        envelope = F.conv_transpose1d(ones, self.window_sq, stride=self.hop)
        audio = audio / torch.clamp(envelope, min=1e-6)
        pad = (self.n_fft - self.hop) // 2
        return audio[:, 0, pad:pad + frames * self.hop]


    def _fft_overlap_add(self, real: torch.Tensor, imag: torch.Tensor) -> torch.Tensor:
        """Same result via irfft + fold: ~10x faster on the CPU for training, but not exportable."""
        b, _, frames = real.shape
        window = self.window_sq.view(-1).sqrt()
        chunks = torch.fft.irfft(torch.complex(real, imag).transpose(1, 2), n=self.n_fft) * window  # [B,F,n_fft]
        length = (frames - 1) * self.hop + self.n_fft
        fold = lambda x: F.fold(x.transpose(1, 2), (1, length), (1, self.n_fft), stride=(1, self.hop)).view(b, -1)
        audio = fold(chunks)
        envelope = fold(self.window_sq.view(1, 1, -1).expand(b, frames, -1))
        audio = audio / torch.clamp(envelope, min=1e-6)
        pad = (self.n_fft - self.hop) // 2
        return audio[:, pad:pad + frames * self.hop]


class Vocoder(nn.Module):
    def __init__(self, cfg: VocoderConfig, audio: AudioConfig = AudioConfig()):
        super().__init__()
        self.n_bins = audio.n_fft // 2 + 1
        self.embed = nn.Conv1d(audio.n_mels, cfg.dim, 7, padding=3)
        self.norm_in = nn.LayerNorm(cfg.dim, eps=1e-6)
        self.blocks = nn.ModuleList(ConvNeXtBlock(cfg.dim, cfg.intermediate, 1.0 / cfg.layers) for _ in range(cfg.layers))
        self.norm_out = nn.LayerNorm(cfg.dim, eps=1e-6)
        self.head = nn.Linear(cfg.dim, 2 * self.n_bins)
        self.istft = InverseStft(audio.n_fft, audio.hop_length)
        bins = torch.arange(self.n_bins, dtype=torch.float32)
        centre_advance = 2 * math.pi * bins * audio.hop_length / audio.n_fft
        self.register_buffer("centre_advance", torch.remainder(centre_advance, 2 * math.pi).view(1, -1, 1))

    def spectrum(self, mel: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """mel [B, 80, F] → (log magnitude, phase advance per frame, phase) each [B, bins, F]."""
        x = self.norm_in(self.embed(mel).transpose(1, 2)).transpose(1, 2)
        for block in self.blocks:
            x = block(x)
        y = self.head(self.norm_out(x.transpose(1, 2))).transpose(1, 2)
        log_mag, advance = y[:, : self.n_bins], y[:, self.n_bins:] + self.centre_advance
        return torch.clamp(log_mag, max=6.0), advance, torch.cumsum(advance, dim=2)

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        """mel [B, 80, F] → audio [B, F * hop]."""
        log_mag, _, phase = self.spectrum(mel)
        mag = torch.exp(log_mag)
        return self.istft(mag * torch.cos(phase), mag * torch.sin(phase))
