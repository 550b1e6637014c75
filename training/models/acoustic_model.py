"""The acoustic model: text encoder + duration predictor + flow-matching decoder, conditioned on
speaker and emotion style. Training losses live here; the ONNX graphs are thin wrappers (export.py)."""
from __future__ import annotations

import torch
from torch import nn

from training.config import AcousticConfig
from training.models.decoder import Decoder
from training.models.emotion_controller import EmotionController
from training.models.flow_matching import cfm_loss
from training.models.layers import sequence_mask
from training.models.text_encoder import TextEncoder

N_FEATS = 80


def upsample(mu: torch.Tensor, durations: torch.Tensor, n_frames: int) -> torch.Tensor:
    """mu [B, C, T], durations [B, T] (frames, int) → [B, C, n_frames] (token i repeated d_i times)."""
    ends = torch.cumsum(durations, dim=1)  # [B, T]
    starts = ends - durations
    frames = torch.arange(n_frames, device=mu.device).view(1, 1, -1)
    path = ((frames >= starts.unsqueeze(-1)) & (frames < ends.unsqueeze(-1))).float()  # [B, T, F]
    return mu @ path


class AcousticModel(nn.Module):
    def __init__(self, cfg: AcousticConfig, n_symbols: int):
        super().__init__()
        cond_dim = cfg.speaker_dim + cfg.style_dim
        self.speakers = nn.Embedding(cfg.n_speakers, cfg.speaker_dim)
        self.emotion = EmotionController(cfg.style_dim)
        self.encoder = TextEncoder(n_symbols, cfg.channels, cfg.heads, cfg.layers, cfg.ffn, cond_dim,
                                   N_FEATS, cfg.dp_filters, cfg.dropout)
        self.decoder = Decoder(N_FEATS, cfg.decoder_channels, cond_dim, cfg.decoder_kernel)

    def condition(self, speaker: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
        """speaker [B] i64, style [B, S] → cond [B, speaker_dim + S]."""
        return torch.cat([self.speakers(speaker), style], dim=1)

    def losses(self, batch: dict, crop_frames: int) -> dict[str, torch.Tensor]:
        """batch: phonemes [B,T], phoneme_lengths [B], durations [B,T], mel [B,80,F] (normalised),
        mel_lengths [B], speaker [B], emotion [B,8] → duration, prior and flow-matching losses."""
        x_mask = sequence_mask(batch["phoneme_lengths"], batch["phonemes"].shape[1])
        cond = self.condition(batch["speaker"], self.emotion(batch["emotion"]))
        mu_x, logw = self.encoder(batch["phonemes"], x_mask, cond)
        target_logw = torch.log1p(batch["durations"].float()) * x_mask.squeeze(1)
        dur_loss = ((logw - target_logw) ** 2).sum() / x_mask.sum()

        mel, mel_lengths = batch["mel"], batch["mel_lengths"]
        y_mask = sequence_mask(mel_lengths, mel.shape[2])
        mu_y = upsample(mu_x, batch["durations"], mel.shape[2])
        prior_loss = (((mel - mu_y) ** 2) * y_mask).sum() / (y_mask.sum() * N_FEATS)

        # The decoder learns on random crops: cheaper steps, and the U-Net is local anyway.
        crop = min(crop_frames, mel.shape[2])
        starts = [int(torch.randint(0, max(1, int(l) - crop + 1), (1,))) for l in mel_lengths]
        take = lambda x: torch.stack([x[i, :, s:s + crop] for i, s in enumerate(starts)])
        fm_loss = cfm_loss(self.decoder, take(mel), take(mu_y), take(y_mask), cond)
        return {"duration": dur_loss, "prior": prior_loss, "flow": fm_loss}
