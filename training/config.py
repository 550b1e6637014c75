"""Model sizes. `base` is the bundled voice; `tiny` builds fixture packages for tests and the CI smoke run."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class AcousticConfig:
    channels: int = 192
    heads: int = 2
    layers: int = 4
    ffn: int = 512
    dp_filters: int = 256
    speaker_dim: int = 64
    style_dim: int = 64
    decoder_channels: tuple[int, int] = (160, 224)
    decoder_kernel: int = 3
    dropout: float = 0.1
    n_speakers: int = 4  # room for voices added by later corpora without reshaping


@dataclass(frozen=True)
class VocoderConfig:
    dim: int = 256
    intermediate: int = 768
    layers: int = 8


@dataclass(frozen=True)
class ModelConfig:
    name: str = "base"
    acoustic: AcousticConfig = field(default_factory=AcousticConfig)
    vocoder: VocoderConfig = field(default_factory=VocoderConfig)

    def to_dict(self) -> dict:
        return asdict(self)


CONFIGS = {
    "base": ModelConfig(),
    "tiny": ModelConfig(
        name="tiny",
        acoustic=AcousticConfig(channels=32, heads=2, layers=1, ffn=64, dp_filters=32, speaker_dim=8,
                                style_dim=8, decoder_channels=(32, 32), dropout=0.0),
        vocoder=VocoderConfig(dim=32, intermediate=64, layers=1),
    ),
}
