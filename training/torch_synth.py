"""Text → audio with the PyTorch checkpoints (evaluation during training, before any export).
Mirrors the engine's pipeline: front-end tokens, durations, Euler steps, vocoder."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from training.config import config_of
from training.corpus.emotions import emotion_vector
from training.frontend import phonemize, symbols
from training.models.acoustic_model import AcousticModel
from training.models.flow_matching import sample
from training.models.layers import sequence_mask
from training.models.vocoder import Vocoder


class TorchSynth:
    def __init__(self, acoustic: Path, vocoder: Path, temperature: float = 0.667):
        a, v = torch.load(acoustic, map_location="cpu"), torch.load(vocoder, map_location="cpu")
        self.acoustic = AcousticModel(config_of(a).acoustic, len(symbols())).eval()
        self.acoustic.load_state_dict(a["ema"])
        self.vocoder = Vocoder(config_of(v).vocoder).eval()
        self.vocoder.load_state_dict(v["ema"])
        self.mean, self.std, self.temperature = a["mel_mean"], a["mel_std"], temperature

    @torch.no_grad()
    def __call__(self, text: str, emotion: str = "neutral", steps: int = 10, seed: int = 1) -> tuple[np.ndarray, int]:
        ids = phonemize([{"id": "x", "text": text}])["x"]["ids"]
        x = torch.tensor([ids])
        x_mask = sequence_mask(torch.tensor([len(ids)]), len(ids))
        style = self.acoustic.emotion(torch.tensor([emotion_vector(emotion)]) if emotion != "neutral" else torch.zeros(1, 8))
        cond = self.acoustic.condition(torch.zeros(1, dtype=torch.long), style)
        mu_x, logw, pitch_x = self.acoustic.encoder(x, x_mask, cond)
        durations = torch.clamp(torch.round(torch.expm1(logw)), min=0).long() * x_mask.squeeze(1).long()
        n = int(durations.sum())
        n += (-n) % 4
        mu_y = self.acoustic.decoder_input(mu_x, pitch_x, durations, n)
        y_mask = torch.ones(1, 1, n)
        mel = sample(self.acoustic.decoder, mu_y, y_mask, cond, steps, self.temperature,
                     torch.Generator().manual_seed(seed))
        audio = self.vocoder(mel * self.std + self.mean)[0].numpy()
        return audio, 22050
