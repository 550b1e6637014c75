"""Monotonic alignment search (MAS, Glow-TTS / Matcha-TTS): frames per token from a per-token mel prior.

A recorded corpus brings audio and text but no durations. Given the acoustic model's prior for each token
(the encoder's mu_x, on the normalised mel scale) and the utterance's normalised mel, MAS finds the
monotonic, surjective assignment of frames to tokens (every token gets at least one frame, in order)
that maximises the total log-likelihood under unit-variance Gaussians: the Viterbi path of a left-to-right
model where each token may only stay or advance by one per frame. Used by corpus/import_corpus.py.

  python3 training/align_mas.py      # self-check: durations recovered from a noisy synthetic prior
"""
from __future__ import annotations

import math
import time

import numpy as np


def prior_log_likelihood(mu: np.ndarray, mel: np.ndarray) -> np.ndarray:
    """mu [C, T] (per-token prior), mel [C, F] (both normalised) → log N(mel_f; mu_t, I) [T, F].

    Expanded as in Matcha-TTS: -0.5 (|mu_t|^2 - 2 mu_t.mel_f + |mel_f|^2) - C/2 log(2 pi)."""
    mu = np.asarray(mu, dtype=np.float64)
    mel = np.asarray(mel, dtype=np.float64)
    if mu.ndim != 2 or mel.ndim != 2 or mu.shape[0] != mel.shape[0]:
        raise ValueError(f"expected mu [C, T] and mel [C, F] with the same C, got {mu.shape} and {mel.shape}")
    const = -0.5 * math.log(2 * math.pi) * mu.shape[0]
    return const - 0.5 * ((mu ** 2).sum(0)[:, None] - 2.0 * (mu.T @ mel) + (mel ** 2).sum(0)[None, :])


def monotonic_alignment(log_p: np.ndarray, may_skip: np.ndarray | None = None) -> np.ndarray:
    """log_p [T_text, F] → durations [T_text] (int64, summing to F) of the max-likelihood monotonic path.

    Path: from frame f to f+1 the token stays or advances by one, so every token gets >= 1 frame (Glow-TTS).
    may_skip [T_text] bool (optional): tokens that may also get 0 frames (the path jumps over them), e.g.
    word boundaries and punctuation, which the recipe's teachers leave at 0 frames when there is no pause.
    Forward pass over frames, vectorised over the text axis; then backtrack from the last token.
    Raises ValueError when F is smaller than the number of tokens that cannot be skipped."""
    log_p = np.asarray(log_p, dtype=np.float64)
    if log_p.ndim != 2:
        raise ValueError(f"expected log_p [T_text, F], got shape {log_p.shape}")
    t_text, n_frames = log_p.shape
    skip = np.zeros(t_text, dtype=bool) if may_skip is None else np.asarray(may_skip, dtype=bool)
    if skip.shape != (t_text,):
        raise ValueError(f"may_skip must be [T_text] = [{t_text}], got {skip.shape}")
    if t_text == 0 or n_frames == 0:
        raise ValueError(f"empty alignment problem {log_p.shape}")
    if int((~skip).sum()) > n_frames:
        raise ValueError(f"{int((~skip).sum())} tokens but only {n_frames} frames: the audio is too short for its text")
    # jumps: token i may be entered from i-k (k >= 1) when the k-1 tokens between are all skippable
    jumps = [np.ones(t_text, dtype=bool)]                      # k = 1: plain advance
    while True:
        k = len(jumps) + 1
        ok = np.zeros(t_text, dtype=bool)
        ok[k:] = jumps[-1][k:] & skip[1:t_text - k + 1]        # tokens i-k+1 .. i-1 skippable
        if not ok.any():
            break
        jumps.append(ok)
    lead = np.concatenate(([True], np.cumsum(~skip)[:-1] == 0))            # only skippable tokens before i
    tail = np.concatenate((np.cumsum((~skip)[::-1])[::-1][1:] == 0, [True]))  # only skippable tokens after i

    value = np.where(lead, log_p[:, 0], -np.inf)   # value[i]: best log-likelihood of a path at token i, frame f
    came_from = np.zeros((n_frames, t_text), dtype=np.int16)  # at frame f, token i entered from i - k (0: stayed)
    for f in range(1, n_frames):
        best, arg = value, np.zeros(t_text, dtype=np.int16)
        for k, ok in enumerate(jumps, 1):
            cand = np.full(t_text, -np.inf)
            cand[k:] = value[:-k]
            cand[~ok] = -np.inf
            better = cand > best
            best, arg = np.where(better, cand, best), np.where(better, np.int16(k), arg)
        came_from[f] = arg
        value = best + log_p[:, f]
    end_values = np.where(tail, value, -np.inf)
    i = int(np.argmax(end_values))
    if not np.isfinite(end_values[i]):
        raise ValueError("no finite monotonic path (log_p has -inf or NaN along every path)")
    durations = np.zeros(t_text, dtype=np.int64)
    for f in range(n_frames - 1, -1, -1):
        durations[i] += 1
        if f > 0:
            i -= int(came_from[f, i])
    if not lead[i]:
        raise ValueError("backtracking did not reach the first token")  # cannot happen for finite log_p
    return durations


# ---------- self-check ----------
def _synthetic(rng: np.random.Generator, t_text: int, noise: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A prior whose neighbouring tokens are similar (as co-articulated phones are), silence tokens at
    both ends with long durations, and a mel drawn from it with Gaussian noise → (mu, mel, durations)."""
    c = 80
    mu = np.zeros((c, t_text))
    mu[:, 0] = rng.normal(size=c)
    for t in range(1, t_text):
        mu[:, t] = 0.7 * mu[:, t - 1] + 0.7 * rng.normal(size=c)
    mu[:, -1] = mu[:, 0] + 0.1 * rng.normal(size=c)     # `$` silence ≈ `^` silence
    durations = rng.integers(1, 16, size=t_text)
    durations[0], durations[-1] = rng.integers(10, 40), rng.integers(10, 60)
    mel = np.repeat(mu, durations, axis=1) + noise * rng.normal(size=(c, int(durations.sum())))
    return mu, mel, durations


def _self_check() -> None:
    rng = np.random.default_rng(0)
    # 1. exact recovery at unit noise (the model's own assumption), over several utterances
    worst, exact, total = 0, 0, 0
    for _ in range(20):
        mu, mel, true = _synthetic(rng, int(rng.integers(10, 80)), noise=1.0)
        got = monotonic_alignment(prior_log_likelihood(mu, mel))
        assert got.sum() == mel.shape[1] and got.min() >= 1
        worst = max(worst, int(np.abs(got - true).max()))
        exact += int((got == true).sum())
        total += len(true)
    print(f"align_mas: unit noise, 20 utterances: {exact}/{total} token durations exact, worst error {worst} frames")
    assert worst <= 1, worst
    # 2. heavy noise (3x the prior's scale): boundaries may move, by at most a frame or two
    errs = []
    for _ in range(20):
        mu, mel, true = _synthetic(rng, 40, noise=3.0)
        got = monotonic_alignment(prior_log_likelihood(mu, mel))
        edges_true, edges_got = np.cumsum(true), np.cumsum(got)
        errs.append(np.abs(edges_true - edges_got).mean())
    print(f"align_mas: noise 3.0: mean boundary error {np.mean(errs):.3f} frames")
    assert np.mean(errs) < 1.0
    # 3. edges: as many frames as tokens → all ones; fewer → ValueError; one token → all frames
    assert (monotonic_alignment(rng.normal(size=(7, 7))) == 1).all()
    assert monotonic_alignment(rng.normal(size=(1, 9))).tolist() == [9]
    try:
        monotonic_alignment(rng.normal(size=(8, 7)))
        raise AssertionError("T > F must raise")
    except ValueError:
        pass
    # 4. against brute force on small problems: the path found is the best one (with and without skips)
    def brute(lp: np.ndarray, skip: np.ndarray, i: int = 0, f: int = 0) -> float:
        if i == len(lp):
            return 0.0 if f == lp.shape[1] else -np.inf
        lo = 0 if skip[i] else 1
        return max((lp[i, f:f + d].sum() + brute(lp, skip, i + 1, f + d) for d in range(lo, lp.shape[1] - f + 1)),
                   default=-np.inf)

    for trial in range(60):
        t_text, n_frames = int(rng.integers(1, 6)), int(rng.integers(3, 9))
        skip = rng.random(t_text) < 0.4 if trial % 2 else np.zeros(t_text, dtype=bool)
        if (~skip).sum() > n_frames:
            continue
        lp = rng.normal(size=(t_text, n_frames))
        got = monotonic_alignment(lp, skip)
        assert got.sum() == n_frames and (got[~skip] >= 1).all()
        edges = np.concatenate([[0], np.cumsum(got)])
        score = sum(lp[i, edges[i]:edges[i + 1]].sum() for i in range(t_text))
        assert abs(score - brute(lp, skip)) < 1e-9, (score, brute(lp, skip))
    # 4b. word-boundary tokens with a meaningless prior and no frames (as the teachers leave them): with
    #     may_skip they keep 0 frames, without it each must take >= 1 frame from a neighbour
    mu, mel, true = _synthetic(rng, 40, noise=1.0)
    spaces = np.arange(3, 37, 4)
    true_sp = true.copy()
    true_sp[spaces] = 0
    mel = np.repeat(mu, true_sp, axis=1) + rng.normal(size=(80, int(true_sp.sum())))
    mu[:, spaces] = rng.normal(size=(80, len(spaces)))
    skip = np.zeros(40, dtype=bool)
    skip[spaces] = True
    got = monotonic_alignment(prior_log_likelihood(mu, mel), skip)
    err_skip = int(np.abs(np.cumsum(got) - np.cumsum(true_sp)).max())
    got1 = monotonic_alignment(prior_log_likelihood(mu, mel))
    err_forced = float(np.abs(np.cumsum(got1) - np.cumsum(true_sp)).mean())
    print(f"align_mas: 0-frame word boundaries: with may_skip worst boundary error {err_skip} frames; "
          f"forcing >= 1 frame: mean {err_forced:.2f}")
    assert err_skip <= 1, err_skip
    # 5. speed: 60 tokens x 600 frames
    lp = prior_log_likelihood(rng.normal(size=(80, 60)), rng.normal(size=(80, 600)))
    t0 = time.perf_counter()
    monotonic_alignment(lp)
    t1 = time.perf_counter()
    monotonic_alignment(lp, np.arange(60) % 3 == 0)
    t2 = time.perf_counter()
    print(f"align_mas: 60 tokens x 600 frames in {1000 * (t1 - t0):.1f} ms ({1000 * (t2 - t1):.1f} ms with skippable tokens)")
    print("align_mas: self-check OK")


if __name__ == "__main__":
    _self_check()
