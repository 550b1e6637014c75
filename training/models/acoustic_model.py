"""The acoustic model: text encoder + duration predictor + flow-matching decoder, conditioned on
speaker and emotion style. Training losses live here; the ONNX graphs are thin wrappers (export.py)."""
from __future__ import annotations

import torch
from torch import nn

from training.config import AcousticConfig
from training.models.decoder import Decoder
from training.models.emotion_controller import EmotionController
from training.models.flow_matching import N_FEATS, cfm_loss
from training.models.layers import sequence_mask
from training.models.text_encoder import TextEncoder



def upsample(mu: torch.Tensor, durations: torch.Tensor, n_frames: int, anchors: int = 1) -> torch.Tensor:
    """mu [B, K*C, T] (K anchors per token, anchor-major), durations [B, T] (frames, int) → [B, C, n_frames].

    K = 1: token i's column repeated d_i times. K > 1: frame j of a d-frame token sits at
    p = (j + 0.5) / d in (0, 1); anchors sit at k / (K - 1) and the frame is their linear
    interpolation (inference/lengthRegulator.ts does the same)."""
    feats = mu.shape[1] // anchors
    ends = torch.cumsum(durations, dim=1)  # [B, T]
    starts = ends - durations
    frames = torch.arange(n_frames, device=mu.device).view(1, 1, -1)
    path = ((frames >= starts.unsqueeze(-1)) & (frames < ends.unsqueeze(-1))).float()  # [B, T, F]
    if anchors == 1:
        return mu @ path
    span = durations.clamp(min=1).float().unsqueeze(-1)  # [B, T, 1]
    pos = (((frames - starts.unsqueeze(-1)).float() + 0.5) / span * path).sum(1)  # [B, F]
    out = 0.0
    for k in range(anchors):
        weight = (1.0 - (pos * (anchors - 1) - k).abs()).clamp(min=0.0)  # [B, F]
        out = out + (mu[:, k * feats:(k + 1) * feats] @ path) * weight.unsqueeze(1)
    return out


def token_means(mu: torch.Tensor, anchors: int) -> torch.Tensor:
    """mu [B, K*80, T] → each token's mean prior over its anchors [B, 80, T] (what alignment compares)."""
    return mu.view(mu.shape[0], anchors, -1, mu.shape[2]).mean(1)


class AcousticModel(nn.Module):
    def __init__(self, cfg: AcousticConfig, n_symbols: int):
        super().__init__()
        cond_dim = cfg.speaker_dim + cfg.style_dim
        self.speakers = nn.Embedding(cfg.n_speakers, cfg.speaker_dim)
        self.emotion = EmotionController(cfg.style_dim)
        self.encoder = TextEncoder(n_symbols, cfg.channels, cfg.heads, cfg.layers, cfg.ffn, cond_dim,
                                   N_FEATS, cfg.dp_filters, cfg.dropout, cfg.prior_anchors, cfg.pitch)
        self.decoder = Decoder(N_FEATS, cfg.decoder_channels, cond_dim, cfg.decoder_kernel, extra_inputs=int(cfg.pitch),
                               harmonic_prior=cfg.harmonic_prior)
        self.anchors = cfg.prior_anchors

    def condition(self, speaker: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
        """speaker [B] i64, style [B, S] → cond [B, speaker_dim + S]."""
        return torch.cat([self.speakers(speaker), style], dim=1)

    def decoder_input(self, mu_x: torch.Tensor, pitch_x: torch.Tensor | None, durations: torch.Tensor,
                      n_frames: int) -> torch.Tensor:
        """Encoder outputs + durations [B, T] → what the decoder is conditioned on, [B, 80 (+1 pitch), F]."""
        mu_y = upsample(mu_x, durations, n_frames, self.anchors)
        if pitch_x is None:
            return mu_y
        return torch.cat([mu_y, upsample(pitch_x, durations, n_frames, self.anchors)], dim=1)

    def losses(self, batch: dict, crop_frames: int) -> dict[str, torch.Tensor]:
        """batch: phonemes [B,T], phoneme_lengths [B], durations [B,T], mel [B,80,F] (normalised),
        mel_lengths [B], speaker [B], emotion [B,8], pitch [B,1,F] (when the model predicts pitch)
        → duration, prior, pitch and flow-matching losses."""
        x_mask = sequence_mask(batch["phoneme_lengths"], batch["phonemes"].shape[1])
        cond = self.condition(batch["speaker"], self.emotion(batch["emotion"]))
        mu_x, logw, pitch_x = self.encoder(batch["phonemes"], x_mask, cond)
        target_logw = torch.log1p(batch["durations"].float()) * x_mask.squeeze(1)
        dur_loss = ((logw - target_logw) ** 2).sum() / x_mask.sum()

        mel, mel_lengths = batch["mel"], batch["mel_lengths"]
        y_mask = sequence_mask(mel_lengths, mel.shape[2])
        mu_y = upsample(mu_x, batch["durations"], mel.shape[2], self.anchors)
        prior_loss = (((mel - mu_y) ** 2) * y_mask).sum() / (y_mask.sum() * N_FEATS)
        losses = {"duration": dur_loss, "prior": prior_loss}
        if pitch_x is not None:
            pitch_y = upsample(pitch_x, batch["durations"], mel.shape[2], self.anchors)
            losses["pitch"] = (((batch["pitch"] - pitch_y) ** 2) * y_mask).sum() / y_mask.sum()
            # The decoder learns from the measured contour (teacher forcing); it gets the predicted one at
            # inference. For half the utterances its prior is flattened to each token's mean, so the contour
            # inside a token has to come from the pitch: left to itself, the decoder read it off the prior,
            # which is right for syllables heard alone in training and flat for others (the pitch is not).
            flat = upsample(token_means(mu_x, self.anchors), batch["durations"], mel.shape[2])
            keep = (torch.rand(mel.shape[0], 1, 1) < 0.5).float()
            mu_y = torch.cat([keep * mu_y + (1 - keep) * flat, batch["pitch"]], dim=1)

        # The decoder learns on random crops: cheaper steps, and the U-Net is local anyway.
        crop = min(crop_frames, mel.shape[2])
        starts = [int(torch.randint(0, max(1, int(l) - crop + 1), (1,))) for l in mel_lengths]
        take = lambda x: torch.stack([x[i, :, s:s + crop] for i, s in enumerate(starts)])
        fm_loss = cfm_loss(self.decoder, take(mel), take(mu_y), take(y_mask), cond)
        return {**losses, "flow": fm_loss}
