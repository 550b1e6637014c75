"""Per-token durations for the front end's tokens, from festival's exact phone timings.

The engine's front end (TypeScript, CMUdict + letter-to-sound) and festival's lexicon mostly agree but
not always (vowel reduction, flaps, syllabic consonants, different guesses for unknown words). An edit-
distance alignment between festival's phones and our tokens moves each festival phone's frames onto the
token it matches; pauses land on punctuation, word boundaries or the utterance start/end tokens.
"""
from __future__ import annotations

import numpy as np

# festival's US radio phone set → ARPAbet base (stress-less) symbols of our table
FESTIVAL_TO_ARPABET = {
    "ax": "AH", "axr": "ER", "ix": "IH", "dx": "T", "el": "L", "em": "M", "en": "N", "nx": "N", "hv": "HH",
}
VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
SILENCES = {"pau", "h#", "brth", "sil"}
BOUNDARY_COST = {"^": 0.0, "$": 0.0, " ": 0.1}  # punctuation tokens cost 0.05
INF = 1e9


def _base(token: str) -> str:
    return token.rstrip("012")


def _is_phone(token: str) -> bool:
    return token[:1].isalpha() and token[:1].isupper()


def _match_cost(fest: str, token: str) -> float:
    if fest in SILENCES:
        if _is_phone(token):
            return INF
        return BOUNDARY_COST.get(token, 0.05)
    if not _is_phone(token):
        return INF
    f = FESTIVAL_TO_ARPABET.get(fest, fest.upper())
    t = _base(token)
    if f == t:
        return 0.0
    if (f in VOWELS) == (t in VOWELS):
        return 0.5 if f in VOWELS else 0.7
    return 1.0


def align(festival: list[tuple[str, float]], tokens: list[str], n_frames: int, frames_per_second: float
          ) -> tuple[np.ndarray, float]:
    """festival [(phone, end_s)], tokens [T] → (durations [T] in frames summing to n_frames, cost per phone)."""
    nf, nt = len(festival), len(tokens)
    skip_token = [0.0 if not _is_phone(t) else 1.0 for t in tokens]
    cost = np.full((nf + 1, nt + 1), INF)
    back = np.zeros((nf + 1, nt + 1), dtype=np.int8)  # 0 diag, 1 skip festival phone, 2 skip token
    cost[0, 0] = 0.0
    for j in range(1, nt + 1):
        cost[0, j], back[0, j] = cost[0, j - 1] + skip_token[j - 1], 2
    for i in range(1, nf + 1):
        fest = festival[i - 1][0]
        cost[i, 0], back[i, 0] = cost[i - 1, 0] + 1.0, 1
        for j in range(1, nt + 1):
            options = (
                cost[i - 1, j - 1] + _match_cost(fest, tokens[j - 1]),
                cost[i - 1, j] + (0.2 if fest in SILENCES else 1.0),
                cost[i, j - 1] + skip_token[j - 1],
            )
            k = int(np.argmin(options))
            cost[i, j], back[i, j] = options[k], k
    # festival phone i → token index it gives its frames to
    owner = [0] * nf
    i, j = nf, nt
    pending: list[int] = []
    while i > 0 or j > 0:
        move = back[i, j]
        if move == 0:
            owner[i - 1] = j - 1
            for p in pending:
                owner[p] = j - 1  # an unmatched phone joins the token matched just before it
            pending = []
            i, j = i - 1, j - 1
        elif move == 1:
            pending.append(i - 1)
            i -= 1
        else:
            j -= 1
    for p in pending:
        owner[p] = 0
    bounds = np.round(np.array([end for _, end in festival]) * frames_per_second).astype(int)
    bounds[-1] = n_frames
    bounds = np.clip(bounds, 0, n_frames)
    starts = np.concatenate([[0], bounds[:-1]])
    durations = np.zeros(nt, dtype=np.int64)
    for k in range(nf):
        durations[owner[k]] += max(0, bounds[k] - starts[k])
    return durations, float(cost[nf, nt]) / max(1, nf)
