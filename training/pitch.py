"""Per-frame pitch: what the acoustic model predicts per token and feeds its decoder.

A mel frame repeated (or interpolated) over a token says little about where the harmonics go inside it,
and the decoder did not learn Mandarin tones from it (every tone came out flat). So the encoder also
predicts a pitch contour (K anchors per token, like the mel prior) and the decoder takes it as one more
input channel: in training the teacher's measured contour, at inference the predicted one.

  pitch_contour(audio int16 [N]) → [N // hop] normalised log-F0, continuous (unvoiced gaps interpolated)
"""
from __future__ import annotations

import numpy as np
import scipy.signal as ss

from training.audio import AudioConfig
from training.corpus.tone_shaper import VOICING_THRESHOLD

# semitones re 100 Hz, centred and scaled so the corpus voices (about 130–300 Hz) land near [-1, 1]
CENTRE_ST, SCALE_ST = 9.0, 6.0
# YIN reads some vowels an octave up (espeak's /i/: its first formant sits on the 2nd harmonic, so the
# band-limited signal repeats every half period); nothing the teacher voices say lies this far above
# their own median
OCTAVE_SLIP_ST = 9.0


def f0_per_frame(audio: np.ndarray, sr: int = 22050, hop: int = 256, fmin: float = 50.0,
                 fmax: float = 400.0) -> np.ndarray:
    """int16 audio [N] → F0 in Hz per hop-sized frame [N // hop] (0 where unvoiced).

    YIN on the < 500 Hz band (a plain autocorrelation locks onto espeak's formant peaks), decimated 4x
    (that band needs no more) with parabolic interpolation of the dip, all frames at once: fast enough
    to measure a whole corpus in minutes."""
    b, a = ss.butter(4, 500 / (sr / 2))
    x = ss.filtfilt(b, a, audio.astype(np.float64) / 32768.0)[::4]
    rate, step = sr / 4, hop // 4
    win, max_lag, min_lag = int(0.03 * rate), int(rate / fmin), int(rate / fmax)
    n_frames = len(audio) // hop
    centres = np.arange(n_frames) * step + step // 2
    padded = np.concatenate([np.zeros(win // 2), x, np.zeros(win + max_lag)])
    frames = padded[centres[:, None] + np.arange(win + max_lag)[None, :]]
    frames -= frames.mean(axis=1, keepdims=True)
    # difference function d(τ) = Σ (x_j - x_{j+τ})² over the first `win` samples, via FFT correlation
    n_fft = 1 << int(np.ceil(np.log2(2 * (win + max_lag))))
    head = np.zeros_like(frames)
    head[:, :win] = frames[:, :win]
    corr = np.fft.irfft(np.fft.rfft(frames, n_fft) * np.conj(np.fft.rfft(head, n_fft)), n_fft)[:, : max_lag + 1]
    sq = np.concatenate([np.zeros((n_frames, 1)), np.cumsum(frames ** 2, axis=1)], axis=1)
    d = sq[:, win:win + 1] + sq[:, win: win + max_lag + 1] - sq[:, : max_lag + 1] - 2 * corr
    cmnd = d[:, 1:] * np.arange(1, max_lag + 1) / np.maximum(np.cumsum(d[:, 1:], axis=1), 1e-12)  # τ = index + 1
    below = cmnd[:, min_lag - 1:] < VOICING_THRESHOLD
    voiced = below.any(axis=1) & (np.sqrt((frames[:, :win] ** 2).mean(axis=1)) >= 0.01 * (np.abs(x).max() + 1e-9))
    lag = below.argmax(axis=1) + min_lag - 1
    rows = np.arange(n_frames)
    for _ in range(max_lag):  # walk down to the bottom of the first dip
        nxt = np.minimum(lag + 1, max_lag - 1)
        down = cmnd[rows, nxt] < cmnd[rows, lag]
        if not down.any():
            break
        lag = np.where(down, nxt, lag)
    left, mid, right = cmnd[rows, np.maximum(lag - 1, 0)], cmnd[rows, lag], cmnd[rows, np.minimum(lag + 1, max_lag - 1)]
    curve = left - 2 * mid + right
    offset = np.where(curve > 1e-9, 0.5 * (left - right) / np.maximum(curve, 1e-9), 0.0).clip(-0.5, 0.5)
    return np.where(voiced, rate / (lag + 1 + offset), 0.0)


def pitch_contour(audio: np.ndarray) -> np.ndarray:
    """int16 audio [N] → normalised log-F0 per mel frame [N // hop]: voiced frames measured (a 5-frame
    median removes single-frame octave slips), unvoiced frames interpolated between their neighbours and
    held flat at the edges; an utterance with no voiced frame gets the centre value 0."""
    cfg = AudioConfig()
    f0 = f0_per_frame(audio, cfg.sample_rate, cfg.hop_length)
    voiced = np.nonzero(f0 > 0)[0]
    if len(voiced) == 0:
        return np.zeros(len(f0), dtype=np.float32)
    st = 12.0 * np.log2(f0[voiced] / 100.0)
    if len(st) >= 5:
        st = ss.medfilt(st, 5)
    full = np.interp(np.arange(len(f0)), voiced, st)
    return ((full - CENTRE_ST) / SCALE_ST).astype(np.float32)


def fold_octave_slips(contours: list[np.ndarray], speakers: list[int]) -> int:
    """Normalised contours (edited in place) and each one's speaker → frames moved down an octave: those
    more than OCTAVE_SLIP_ST above their speaker's median. A whole lone syllable read an octave up has
    no lower neighbour to show the slip, so the reference is the speaker, not the utterance."""
    moved = 0
    for speaker in set(speakers):
        mine = [c for c, s in zip(contours, speakers) if s == speaker]
        limit = float(np.median(np.concatenate(mine))) + OCTAVE_SLIP_ST / SCALE_ST
        for c in mine:
            high = c > limit
            c[high] -= 12.0 / SCALE_ST
            moved += int(high.sum())
    return moved


def to_semitones(pitch: np.ndarray) -> np.ndarray:
    """normalised pitch → semitones re 100 Hz (for reports)."""
    return np.asarray(pitch) * SCALE_ST + CENTRE_ST
