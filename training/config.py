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
    # The decoder runs once per ODE step, so it is most of the inference time: (96, 160) keeps
    # encoder + 10 steps + vocoder under RTF 0.05 on 2 CPU cores (default@0.1.0 had (160, 224)).
    decoder_channels: tuple[int, int] = (96, 160)
    decoder_kernel: int = 3
    # The encoder's prior per token: 1 = one mel frame repeated over the token (Matcha-TTS); K > 1 = K
    # frames at evenly spaced points of the token, linearly interpolated between. A repeated frame
    # carries no contour, so a rising and a falling Mandarin tone got the same pitch; anchors give the
    # decoder each token's start, middle and end.
    prior_anchors: int = 3
    # Also predict a pitch contour (same anchors) and give it to the decoder as one more input channel:
    # the mel prior alone did not carry Mandarin tones (training/pitch.py).
    pitch: bool = True
    # ... and add the harmonic pattern of that contour to the decoder's mel prior: the decoder ignored the
    # bare pitch channel but reads harmonics off its prior (models/harmonic_prior.py).
    harmonic_prior: bool = True
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

    @staticmethod
    def from_dict(d: dict) -> "ModelConfig":
        """The inverse of to_dict: a package's manifest describes its own sizes."""
        # packages made before prior anchors, pitch and the harmonic prior existed
        a = {"prior_anchors": 1, "pitch": False, "harmonic_prior": False, **d["acoustic"], "decoder_channels": tuple(d["acoustic"]["decoder_channels"])}
        return ModelConfig(name=d["name"], acoustic=AcousticConfig(**a), vocoder=VocoderConfig(**d["vocoder"]))


CONFIGS = {
    "base": ModelConfig(),
    "tiny": ModelConfig(
        name="tiny",
        acoustic=AcousticConfig(channels=32, heads=2, layers=1, ffn=64, dp_filters=32, speaker_dim=8,
                                style_dim=8, decoder_channels=(32, 32), dropout=0.0),
        vocoder=VocoderConfig(dim=32, intermediate=64, layers=1),
    ),
}


def config_of(state: dict) -> ModelConfig:
    """The sizes a checkpoint was trained with (older checkpoints name a config instead of storing it)."""
    return ModelConfig.from_dict(state["config"]) if "config" in state else CONFIGS[state["config_name"]]
