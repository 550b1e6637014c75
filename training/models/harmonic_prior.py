"""The harmonic pattern a pitch contour leaves on the mel spectrogram, added to the decoder's mel prior.

A scalar pitch channel was measured to be almost ignored by the decoder (forced rising and falling
contours gave the same output): turning F0 into where its harmonics fall on the mel bins is a
non-linear map the U-Net did not learn. The decoder does read harmonics off its prior, so the prior
gets them: the log-mel of a flat-envelope harmonic comb at each frame's F0, times a learned gain per
mel bin. Computed inside the decoder graph from the same pitch input, so the engine is unchanged.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from training.audio import AudioConfig, mel_filterbank

# normalised pitch → semitones re 100 Hz (training/pitch.py: (st - 9) / 6)
PITCH_CENTRE, PITCH_SCALE = 9.0, 6.0
# width of one harmonic's peak in the 1024-point Hann spectrum (Hz, Gaussian sigma)
PEAK_SIGMA_HZ = 20.0
# half the harmonic contrast, in normalised-mel units (std ~2.3): the gain at which adding the comb to
# a trained decoder's prior already moved its output F0 towards the contour without any retraining
INITIAL_GAIN = 0.2


class HarmonicPrior(nn.Module):
    def __init__(self, audio: AudioConfig = AudioConfig()):
        super().__init__()
        self.register_buffer("filterbank", torch.tensor(mel_filterbank(audio)), persistent=False)  # [80, K]
        self.bin_hz = audio.sample_rate / audio.n_fft
        self.gain = nn.Parameter(torch.full((audio.n_mels, 1), INITIAL_GAIN))

    def forward(self, pitch: torch.Tensor) -> torch.Tensor:
        """pitch [B, 1, F] (normalised) → [B, 80, F] to add to the normalised mel prior."""
        f0 = 100.0 * torch.pow(2.0, (pitch * PITCH_SCALE + PITCH_CENTRE) / 12.0)  # [B, 1, F] Hz
        # the frequency grid is built at run time (Range): FP16 storage would blur 11 kHz by ±4 Hz
        freqs = (torch.arange(self.filterbank.shape[1], device=pitch.device).float() * self.bin_hz).view(1, -1, 1)
        # exp(kappa (cos(2 pi f / f0) - 1)) peaks at every harmonic with the given sigma; nothing below f0/2
        kappa = f0 ** 2 / (4 * math.pi ** 2 * PEAK_SIGMA_HZ ** 2)
        comb = torch.exp(kappa * (torch.cos(2 * math.pi * freqs / f0) - 1)) * (freqs > f0 / 2).float()  # [B, K, F]
        log_mel = torch.log(torch.matmul(self.filterbank, comb) + 1e-4)  # [B, 80, F]
        pattern = (log_mel - log_mel.mean(dim=1, keepdim=True)).clamp(-2.0, 2.0)
        return self.gain * pattern
