"""Give espeak-ng's Mandarin the tone contours it only hints at.

Measured on `cmn-latn-pinyin` (isolated syllables, F0 quintiles): mā 92→98 Hz, má 82→95, mǎ 81→86,
mà 94→81 — about 2.5 semitones of movement where a speaker makes 5 (rise) to 8 (fall). A model learns
the tones its teacher makes, so every voiced frame is re-pitched to a textbook contour (Chao's 55, 35,
214, 51 placed on the utterance's own median F0, so emotions keep their register) with TD-PSOLA: grains
two periods long, cut at the teacher's pitch marks and laid down at the target's spacing. Timing and
formants stay; only F0 moves. (sox's `bend`, tried first, smeared the harmonics of fast tone moves.)

  shaped = shape_tones(audio, sr, finals=[(start_s, end_s, tone, before_pause), ...], range_scale=1.0,
                       shift_st=0.0, register_hz=149.0, floor_hz=115.0)
"""
from __future__ import annotations

import numpy as np
import scipy.signal as ss

HOP_S = 0.005
# Target contour of each tone's final, semitones from the speaker's register (espeak's own median F0),
# as (position 0..1, semitones) knots. Tone 3 is the low "half third" (21) inside a phrase and the full
# dip with its rise (214) before a pause; the front end already rewrites 3-3 as 2-3.
CONTOUR = {
    1: ((0.0, 3.0), (1.0, 3.0)),
    2: ((0.0, -2.0), (1.0, 5.0)),
    3: ((0.0, -2.0), (0.6, -5.0), (1.0, -3.0)),
    4: ((0.0, 5.0), (1.0, -4.0)),
    5: ((0.0, -1.5), (1.0, -2.0)),
}
PHRASE_FINAL_TONE_3 = ((0.0, -1.0), (0.5, -3.5), (1.0, 1.5))
DECLINATION_ST = 1.5  # the whole utterance drifts down this much, as read speech does
MAX_SHIFT_ST = 9.0
ONSET_S = 0.06
# YIN's threshold: lenient, because a fast tone-4 fall is only ~70% periodic over a 30 ms window
VOICING_THRESHOLD = 0.35


def f0_track(audio: np.ndarray, sr: int, fmin: float = 50.0, fmax: float = 400.0) -> np.ndarray:
    """float audio [N] → F0 in Hz per HOP_S frame (NaN where unvoiced). YIN on the < 500 Hz band:
    espeak's formant-heavy source fools a plain autocorrelation into formant peaks."""
    b, a = ss.butter(4, 500 / (sr / 2))
    x = ss.filtfilt(b, a, audio)
    hop, win, max_lag, min_lag = int(HOP_S * sr), int(0.03 * sr), int(sr / fmin), int(sr / fmax)
    n_frames = len(audio) // hop
    padded = np.concatenate([x, np.zeros(win + max_lag)])
    idx = np.arange(n_frames)[:, None] * hop + np.arange(win + max_lag)[None, :]
    frames = padded[idx]
    frames -= frames.mean(axis=1, keepdims=True)
    # difference function d(τ) = Σ (x_j - x_{j+τ})² over the first `win` samples, via FFT correlation
    n_fft = 1 << int(np.ceil(np.log2(2 * (win + max_lag))))
    head = np.zeros_like(frames)
    head[:, :win] = frames[:, :win]
    corr = np.fft.irfft(np.fft.rfft(frames, n_fft) * np.conj(np.fft.rfft(head, n_fft)), n_fft)[:, : max_lag + 1]
    sq = np.concatenate([np.zeros((n_frames, 1)), np.cumsum(frames ** 2, axis=1)], axis=1)
    energy_lag = sq[:, win: win + max_lag + 1] - sq[:, : max_lag + 1]
    d = sq[:, win:win + 1] + energy_lag - 2 * corr
    cmnd = d[:, 1:] * np.arange(1, max_lag + 1) / np.maximum(np.cumsum(d[:, 1:], axis=1), 1e-12)
    rms = np.sqrt((frames[:, :win] ** 2).mean(axis=1))
    f0 = np.full(n_frames, np.nan)
    for i in range(n_frames):
        if rms[i] < 0.01 * (np.abs(x).max() + 1e-9):
            continue
        below = np.nonzero(cmnd[i, min_lag - 1:] < VOICING_THRESHOLD)[0]
        if len(below):
            lag = below[0] + min_lag - 1
            while lag + 1 < max_lag and cmnd[i, lag + 1] < cmnd[i, lag]:
                lag += 1
            f0[i] = sr / (lag + 1)
    return f0


def target_semitones(finals: list[tuple[float, float, int, bool]], n_frames: int, range_scale: float) -> np.ndarray:
    """finals [(start s, end s, tone, before a pause)] → target offset in semitones per frame
    (interpolated between finals)."""
    times, values = [], []
    total = max(1e-6, n_frames * HOP_S)
    for start, end, tone, phrase_final in finals:
        contour = PHRASE_FINAL_TONE_3 if tone == 3 and phrase_final else CONTOUR[tone]
        # the syllable's onset (m, n, l, or the glide into the vowel) already carries the tone's start
        onset = max(times[-1] + 1e-4 if times else 0.0, start - ONSET_S)
        knots = ((onset - start) / max(1e-6, end - start), contour[0][1]), *contour
        for pos, st in knots:
            t = start + pos * (end - start)
            if times and t <= times[-1]:
                t = times[-1] + 1e-4
            times.append(t)
            values.append(st * range_scale - DECLINATION_ST * t / total)
    if not times:
        return np.zeros(n_frames)
    return np.interp(np.arange(n_frames) * HOP_S, times, values)


def pitch_marks(x: np.ndarray, f0: np.ndarray, sr: int) -> tuple[np.ndarray, np.ndarray]:
    """Analysis marks: one per period on the low-passed waveform's peaks where voiced, every 5 ms
    elsewhere → (marks [M] samples, period at each mark [M] samples)."""
    b, a = ss.butter(4, 500 / (sr / 2))
    lp = ss.filtfilt(b, a, x)
    hop, unvoiced_step = int(HOP_S * sr), int(HOP_S * sr)
    marks, periods = [], []
    t = 0
    while t < len(x):
        f = f0[min(len(f0) - 1, t // hop)]
        if np.isnan(f):
            marks.append(t), periods.append(unvoiced_step)
            t += unvoiced_step
            continue
        p = int(sr / f)
        lo, hi = t, min(len(x), t + p)
        if not marks or periods[-1] == unvoiced_step:  # first mark of a voiced run: the period's peak
            t = lo + int(np.argmax(lp[lo:hi])) if hi > lo else t
        marks.append(t), periods.append(p)
        lo, hi = t + p - p // 4, min(len(x), t + p + p // 4)
        t = lo + int(np.argmax(lp[lo:hi])) if hi > lo else t + p
    return np.array(marks), np.array(periods)


def shape_tones(audio: np.ndarray, sample_rate: int, finals: list[tuple[float, float, int, bool]],
                range_scale: float = 1.0, shift_st: float = 0.0, register_hz: float | None = None,
                floor_hz: float = 0.0) -> np.ndarray:
    """int16 audio [N] → int16 audio [N] whose voiced frames follow the target tone contour, around the
    register (`register_hz`, else the utterance's median F0) moved by `shift_st` semitones (an emotion's
    register), never below `floor_hz`."""
    x = audio.astype(np.float64) / 32768.0
    # With a known register, espeak's own F0 lies within a fifth of it: a search range that excludes the
    # octave above keeps YIN (and so the pitch marks) off the 2nd harmonic that /i/'s first formant
    # boosts — marks at half periods garbled every /i/ syllable into an inharmonic buzz.
    f0 = f0_track(x, sample_rate, register_hz / 1.5, register_hz * 1.5) if register_hz else f0_track(x, sample_rate)
    voiced = ~np.isnan(f0)
    if voiced.sum() < 3:
        return audio.copy()
    register = register_hz or np.exp(np.median(np.log(f0[voiced])))
    offsets = target_semitones(finals, len(f0), range_scale)
    # Offsets are from the register, not re-centred on this utterance: a lone tone-1 syllable must come out
    # high and a lone tone-3 one low (re-centred, both sat at the same level). The register is the pitch
    # espeak was asked for, not this utterance's median, which espeak's own tone hints pull down for a
    # lone tone 3 (its dip then fell to 98 Hz, which the vocoder renders unvoiced).
    target = np.maximum(register * 2 ** ((offsets + shift_st) / 12), floor_hz)
    shift = np.ones(len(f0))
    shift[voiced] = np.clip(target[voiced] / f0[voiced], 2 ** (-MAX_SHIFT_ST / 12), 2 ** (MAX_SHIFT_ST / 12))
    marks, periods = pitch_marks(x, f0, sample_rate)
    hop = int(HOP_S * sample_rate)
    out, weight = np.zeros(len(x)), np.zeros(len(x))
    t = float(marks[0])
    while t < len(x):
        i = int(np.argmin(np.abs(marks - t)))
        m, p = int(marks[i]), int(periods[i])
        ratio = shift[min(len(shift) - 1, int(t) // hop)]
        lo, hi = max(0, m - p), min(len(x), m + p + 1)
        window = np.hanning(2 * p + 1)[lo - (m - p): hi - (m - p)]
        o_lo = int(t) - (m - lo)
        o_hi = o_lo + (hi - lo)
        a, b = max(0, o_lo), min(len(x), o_hi)
        if b > a:
            out[a:b] += x[lo + (a - o_lo): hi - (o_hi - b)] * window[a - o_lo: len(window) - (o_hi - b)]
            weight[a:b] += window[a - o_lo: len(window) - (o_hi - b)]
        t += p / ratio
    out = np.where(weight > 1e-3, out / np.maximum(weight, 1e-3), x)
    return np.clip(np.round(out * 32768.0), -32768, 32767).astype(np.int16)
