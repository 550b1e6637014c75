"""Teacher prosody for the eight IndexTTS2 emotions (+ neutral), applied to festival's HTS voice.

The model is conditioned on an 8-dim vector in this order (one-hot in training, zeros = neutral);
the values are chosen so each emotion differs from neutral on the axes listeners use first:
mean F0 (semitones), F0 range, speaking rate (duration scale) and loudness (gain).
"""
from training.corpus.hts_voice_variant import Prosody

EMOTIONS = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"]

PROSODY: dict[str, Prosody] = {
    "neutral": Prosody(0.0, 1.0, 1.0, 1.0),
    "happy": Prosody(3.0, 1.5, 0.92, 1.1),
    "angry": Prosody(1.0, 1.3, 0.88, 1.6),
    "sad": Prosody(-2.5, 0.6, 1.2, 0.7),
    "afraid": Prosody(4.0, 0.8, 0.85, 0.85),
    "disgusted": Prosody(-1.5, 1.2, 1.12, 0.95),
    "melancholic": Prosody(-3.0, 0.5, 1.3, 0.6),
    "surprised": Prosody(4.5, 2.0, 0.95, 1.2),
    "calm": Prosody(-1.0, 0.45, 1.1, 0.8),
}


def emotion_vector(name: str) -> list[float]:
    return [1.0 if e == name else 0.0 for e in EMOTIONS]
