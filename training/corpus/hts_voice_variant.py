"""Write prosody variants of an hts_engine voice (.htsvoice) by rewriting its PDFs.

Why: festival's HTS voice exposes only a rate knob from Scheme; mean F0, F0 range and phone
durations live in the voice's Gaussian PDFs. Shifting the static log-F0 means moves the pitch,
scaling their deviation around the voice's centre (and the deltas, variances, GV) scales the range,
and scaling the duration means stretches the timing, so festival's segment times stay exact.

File layout (hts_engine API 1.x): a text header ([GLOBAL], [STREAM], [POSITION]) then [DATA];
[POSITION] gives byte ranges inside [DATA]. A PDF block is, per tree, an int32 count, then per PDF
`len` float32s: means (vector_length * num_windows), variances (same), and for MSD streams one
voiced weight.
"""
from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Prosody:
    semitones: float = 0.0   # mean F0 shift
    f0_range: float = 1.0    # scale of log-F0 deviation around the voice centre
    duration: float = 1.0    # phone duration scale (>1 slower)
    gain: float = 1.0        # loudness, applied by festival (utt.wave.rescale)


def _parse_header(raw: bytes) -> tuple[dict[str, str], int]:
    start = raw.index(b"[DATA]") + len(b"[DATA]\n")
    fields: dict[str, str] = {}
    for line in raw[:start].decode("ascii").splitlines():
        if ":" in line and not line.startswith("["):
            key, value = line.split(":", 1)
            fields[key] = value
    return fields, start


def _byte_range(spec: str) -> tuple[int, int]:
    a, b = spec.split("-")
    return int(a), int(b) + 1


def _pdf_block(data: bytearray, begin: int, end: int, ntree: int, length: int) -> list[np.ndarray]:
    """Return float32 views (count, length) per tree over data[begin:end]."""
    counts = struct.unpack_from(f"<{ntree}i", data, begin)
    views, offset = [], begin + 4 * ntree
    for n in counts:
        arr = np.frombuffer(data, dtype="<f4", count=n * length, offset=offset).reshape(n, length)
        views.append(arr)
        offset += 4 * n * length
    if offset != end:
        raise ValueError(f"PDF block size mismatch: parsed to {offset}, expected {end}")
    return views


def write_variant(src: Path, dst: Path, prosody: Prosody) -> None:
    raw = src.read_bytes()
    fields, data_start = _parse_header(raw)
    data = bytearray(raw[data_start:])
    n_states = int(fields["NUM_STATES"])
    n_win = int(fields["NUM_WINDOWS[LF0]"])

    # Durations: one tree, per PDF n_states means then n_states variances.
    b, e = _byte_range(fields["DURATION_PDF"])
    (dur,) = _pdf_block(data, b, e, 1, 2 * n_states)
    dur = dur.copy()
    dur[:, :n_states] *= prosody.duration
    dur[:, n_states:] *= prosody.duration ** 2
    struct.pack_into(f"<{dur.size}f", data, b + 4, *dur.ravel())

    # Log-F0 stream (MSD): one tree per state; per PDF n_win means, n_win variances, 1 weight.
    b, e = _byte_range(fields["STREAM_PDF[LF0]"])
    length = 2 * n_win + 1
    trees = [t.copy() for t in _pdf_block(data, b, e, n_states, length)]
    statics = np.concatenate([t[:, 0] for t in trees])
    voiced = np.concatenate([t[:, -1] for t in trees]) > 0.5
    centre = float(np.median(statics[voiced & np.isfinite(statics) & (statics > 0)]))
    shift = prosody.semitones / 12.0 * math.log(2.0)
    offset = b + 4 * n_states
    for t in trees:
        ok = np.isfinite(t[:, 0]) & (t[:, 0] > 0)
        t[ok, 0] = centre + prosody.f0_range * (t[ok, 0] - centre) + shift
        t[:, 1:n_win] *= prosody.f0_range
        t[:, n_win:2 * n_win] *= prosody.f0_range ** 2
        struct.pack_into(f"<{t.size}f", data, offset, *t.ravel())
        offset += 4 * t.size

    # Global variance of log-F0: variance of the static feature scales with range squared.
    b, e = _byte_range(fields["GV_PDF[LF0]"])
    (gv,) = _pdf_block(data, b, e, 1, 2)
    gv = gv.copy()
    gv[:, 0] *= prosody.f0_range ** 2
    gv[:, 1] *= prosody.f0_range ** 4
    struct.pack_into(f"<{gv.size}f", data, b + 4, *gv.ravel())

    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(raw[:data_start] + bytes(data))


if __name__ == "__main__":  # quick manual check: python3 hts_voice_variant.py SRC DST semitones range duration
    import sys
    s, d, st, r, du = sys.argv[1:6]
    write_variant(Path(s), Path(d), Prosody(float(st), float(r), float(du)))
