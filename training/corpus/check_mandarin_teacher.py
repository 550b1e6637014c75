"""Check the Mandarin teacher end to end on 10 sentences (a few seconds of CPU; exit status 1 on failure).

  /usr/bin/python3 training/corpus/check_mandarin_teacher.py [--keep DIR]

Synthesises 10 sentences through synthesize_mandarin.py's own code path (front end → pinyin → espeak-ng →
durations), then verifies from the files it wrote:
  * the tokens per utterance are the front end's, run again independently on the text;
  * `durations_frames` has one entry per token and sums to the mel frame count of the wav
    (training/audio.py's MelSpectrogram, exactly as prepare_acoustic.py computes it);
  * the audio is not silent;
  * tones survive: F0 measured inside each syllable's final (located by the durations, so this also checks
    that the durations sit on the right sounds) is level for tone 1, rises for tone 2, falls for tone 4,
    and tone 3 is the lowest; and four isolated syllables mā má mǎ mà show the same;
  * emotions move the teacher in the same direction as the English ones (emotions.py): median F0, speech
    length, loudness against neutral.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.corpus.emotions import EMOTIONS, PROSODY
from training.corpus.mandarin_sentences import EVAL_SENTENCES, pick
from training.corpus.synthesize_mandarin import HOP_LENGTH, TARGET_SR, phonemize, render
from training.pitch import f0_per_frame

SENTENCES = pick(6)[:4] + EVAL_SENTENCES[:1] + EVAL_SENTENCES[2:7]  # polyphones, the benchmark sentence, numbers
TONE_PROBE = "妈，麻，马，骂。"  # mā, má, mǎ, mà with pauses between: no sandhi
EMOTION_PROBE = EVAL_SENTENCES[0]


def final_contours(rec: dict, audio: np.ndarray) -> list[tuple[int, float, float, float]]:
    """Per syllable final: (tone, start st, end st, mean st) of its F0 (semitones re 100 Hz), middle 70% of
    its voiced frames (onsets and offsets carry coarticulation and octave slips)."""
    f0 = f0_per_frame(audio)
    ends = np.cumsum(rec["durations_frames"])
    out = []
    for k, sym in enumerate(rec["symbols"]):
        if not (sym.startswith("zh:") and sym[-1].isdigit()):
            continue
        voiced = [v for v in f0[ends[k] - rec["durations_frames"][k]: ends[k]] if v > 0]
        if len(voiced) < 5:
            continue
        st = 12 * np.log2(np.array(voiced) / 100.0)
        cut = max(1, int(0.15 * len(st)))
        st = st[cut: len(st) - cut]
        third = max(1, len(st) // 3)
        out.append((int(sym[-1]), float(np.median(st[:third])), float(np.median(st[-third:])), float(np.mean(st))))
    return out


def mel_frames(path: Path) -> int:
    import torch
    from training.audio import AudioConfig, MelSpectrogram
    cfg = AudioConfig()
    _, audio = wavfile.read(path)
    n = len(audio) // cfg.hop_length
    x = torch.from_numpy(audio[: n * cfg.hop_length].astype(np.float32) / 32768.0)
    with torch.no_grad():
        return int(MelSpectrogram(cfg)(x.unsqueeze(0)).shape[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="write the test corpus here instead of a temporary directory")
    args = ap.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="zh_teacher_"))
    (out / "wav").mkdir(parents=True, exist_ok=True)
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(f"  [{'ok' if ok else 'FAIL'}] {what}")
        if not ok:
            failures.append(what)

    items = [{"id": f"s{i:02d}", "text": t, "emotion": "neutral"} for i, t in enumerate(SENTENCES)]
    items.append({"id": "tones", "text": TONE_PROBE, "emotion": "neutral"})
    items += [{"id": f"emo_{e}", "text": EMOTION_PROBE, "emotion": e} for e in ["neutral", *EMOTIONS]]
    front = phonemize(items)
    records = {}
    for it in items:
        r = render({**it, "symbols": front[it["id"]]["symbols"]}, out / "wav")
        if isinstance(r, str):
            check(False, f"synthesis of {it['text']!r}: {r}")
        else:
            records[it["id"]] = r
    (out / "utterances.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()))

    print(f"corpus of {len(records)} utterances in {out}")
    again = phonemize([{"id": k, "text": r["text"]} for k, r in records.items()])  # an independent front-end run
    contours: list[tuple[int, float, float, float]] = []
    for k, r in records.items():
        if not k.startswith("s"):
            continue
        _, audio = wavfile.read(out / r["wav"])
        n_mel = mel_frames(out / r["wav"])
        print(f"{r['text']}  ({len(r['symbols'])} tokens, {n_mel} frames)")
        check(r["symbols"] == again[k]["symbols"] and len(r["durations_frames"]) == len(again[k]["symbols"]),
              "tokens = the front end's, one duration per token")
        check(sum(r["durations_frames"]) == n_mel, f"durations sum {sum(r['durations_frames'])} = mel frames {n_mel}")
        phone_frames = [d for s, d in zip(r["symbols"], r["durations_frames"]) if s.startswith("zh:") and s != "zh:rr"]
        check(min(phone_frames) >= 1, "every initial and final has at least one frame")
        rms_db = 20 * np.log10(np.sqrt(np.mean((audio / 32768.0) ** 2)) + 1e-12)
        check(rms_db > -35 and np.abs(audio).max() > 3000, f"audio is not silent (RMS {rms_db:.1f} dBFS)")
        contours += final_contours(r, audio)

    print("tones inside sentences (F0 of each final, semitones re 100 Hz; end - start):")
    by_tone = {t: [(e - s, m) for tt, s, e, m in contours if tt == t] for t in (1, 2, 3, 4)}
    for t, v in by_tone.items():
        d = np.array([x for x, _ in v])
        print(f"  tone {t}: {len(v):2d} finals, median change {np.median(d):+5.1f} st, "
              f"mean level {np.mean([m for _, m in v]):+5.1f} st")
    med = {t: float(np.median([x for x, _ in v])) for t, v in by_tone.items()}
    level = {t: float(np.mean([m for _, m in v])) for t, v in by_tone.items()}
    check(abs(med[1]) < 1.5, f"tone 1 is level in sentences ({med[1]:+.1f} st)")
    check(med[2] > 1.5, f"tone 2 rises in sentences ({med[2]:+.1f} st)")
    check(med[4] < -3.0, f"tone 4 falls in sentences ({med[4]:+.1f} st)")
    check(level[3] < min(level[1], level[2], level[4]), "tone 3 is the lowest tone in sentences")

    r = records["tones"]
    _, audio = wavfile.read(out / r["wav"])
    probe = {t: (s, e, m) for t, s, e, m in final_contours(r, audio)}
    print("isolated mā má mǎ mà: " + ", ".join(f"tone {t}: {s:+.1f} → {e:+.1f} st" for t, (s, e, _) in sorted(probe.items())))
    if len(probe) == 4:
        check(abs(probe[1][1] - probe[1][0]) < 1.5, "mā is level")
        check(probe[2][1] - probe[2][0] > 2.0, "má rises")
        check(probe[3][2] < min(probe[1][2], probe[2][2], probe[4][2]), "mǎ is the lowest")
        check(probe[4][1] - probe[4][0] < -3.0, "mà falls")
    else:
        check(False, f"four measurable syllables in {TONE_PROBE!r} (got tones {sorted(probe)})")

    print(f"emotions on {EMOTION_PROBE!r} (vs neutral):")
    stats = {}
    for e in ["neutral", *EMOTIONS]:
        _, audio = wavfile.read(out / records[f"emo_{e}"]["wav"])
        f0 = f0_per_frame(audio)
        stats[e] = (float(np.median(f0[f0 > 0])), len(audio) / TARGET_SR, float(np.sqrt(np.mean((audio / 32768.0) ** 2))))
    n_f0, n_len, n_rms = stats["neutral"]
    for e in EMOTIONS:
        f0, length, rms = stats[e]
        p = PROSODY[e]
        d_st, d_len, d_db = 12 * np.log2(f0 / n_f0), length / n_len, 20 * np.log10(rms / n_rms)
        print(f"  {e:12s} F0 {d_st:+5.1f} st (English {p.semitones:+.1f})  length x{d_len:.2f} (x{p.duration:.2f})  "
              f"loudness {d_db:+5.1f} dB ({20 * np.log10(p.gain):+.1f})")
        check(np.sign(round(d_st)) == np.sign(p.semitones) and np.sign(d_len - 1) == np.sign(p.duration - 1)
              and (abs(20 * np.log10(p.gain)) < 1 or np.sign(d_db) == np.sign(p.gain - 1)),
              f"{e}: F0, length and loudness move as in English")

    print(f"{'FAILED: ' + str(len(failures)) + ' check(s)' if failures else 'all checks passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
