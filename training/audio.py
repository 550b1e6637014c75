"""Mel features in the HiFi-GAN / Matcha convention (22050 Hz, 80 mels, n_fft 1024, hop 256, fmax 8000).

Frames: the signal is reflect-padded by (n_fft - hop) / 2 on both sides and analysed without centring,
so N samples (a multiple of hop) give exactly N / hop frames, and the vocoder's inverse STFT
(`models/vocoder.py`) returns exactly frames * hop samples on the same grid.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class AudioConfig:
    sample_rate: int = 22050
    n_fft: int = 1024
    hop_length: int = 256
    win_length: int = 1024
    n_mels: int = 80
    f_min: float = 0.0
    f_max: float = 8000.0


def _hz_to_mel(f: np.ndarray) -> np.ndarray:
    """Slaney mel scale: linear below 1 kHz, logarithmic above."""
    f = np.asarray(f, dtype=np.float64)
    mel = f / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(f, 1e-9) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(f >= 1000.0, log_part, mel)


def _mel_to_hz(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float64)
    return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), m * (200.0 / 3))


def mel_filterbank(cfg: AudioConfig) -> np.ndarray:
    """[n_mels, n_fft/2+1] triangular filters with Slaney area normalisation (as librosa's default)."""
    fft_freqs = np.linspace(0, cfg.sample_rate / 2, cfg.n_fft // 2 + 1)
    mel_pts = _mel_to_hz(np.linspace(_hz_to_mel(cfg.f_min), _hz_to_mel(cfg.f_max), cfg.n_mels + 2))
    fb = np.zeros((cfg.n_mels, len(fft_freqs)))
    for i in range(cfg.n_mels):
        lo, mid, hi = mel_pts[i], mel_pts[i + 1], mel_pts[i + 2]
        up = (fft_freqs - lo) / (mid - lo)
        down = (hi - fft_freqs) / (hi - mid)
        fb[i] = np.maximum(0, np.minimum(up, down)) * (2.0 / (hi - lo))
    return fb.astype(np.float32)


class Stft(torch.nn.Module):
    """audio [B, N] → complex spectrum [B, n_fft/2+1, N/hop] on the shared frame grid."""

    def __init__(self, cfg: AudioConfig, n_fft: int | None = None, hop: int | None = None):
        super().__init__()
        self.n_fft = n_fft or cfg.n_fft
        self.hop = hop or cfg.hop_length
        self.register_buffer("window", torch.hann_window(self.n_fft), persistent=False)

    def forward(self, audio: torch.Tensor) -> torch.Tensor:
        pad = (self.n_fft - self.hop) // 2
        x = F.pad(audio.unsqueeze(1), (pad, pad), mode="reflect").squeeze(1)
        return torch.stft(x, self.n_fft, self.hop, window=self.window, center=False, return_complex=True)


class MelSpectrogram(torch.nn.Module):
    """audio [B, N] in [-1, 1] → natural-log mel [B, n_mels, N/hop] (clamped at 1e-5)."""

    def __init__(self, cfg: AudioConfig = AudioConfig()):
        super().__init__()
        self.stft = Stft(cfg)
        self.register_buffer("fb", torch.from_numpy(mel_filterbank(cfg)), persistent=False)

    def forward(self, audio: torch.Tensor) -> torch.Tensor:
        spec = self.stft(audio)
        mag = torch.sqrt(spec.real ** 2 + spec.imag ** 2 + 1e-9)
        return torch.log(torch.clamp(self.fb @ mag, min=1e-5))
