"""Judge a voice the way the product is judged: intelligibility by an independent recognizer
(pocketsphinx) on sentences the corpus never contained, side by side with the teacher voice, and
emotion prosody (median F0, F0 spread, length, loudness) per emotion on the same sentences, and, for a
package that speaks Mandarin, the F0 shape of single syllables in each of the four tones.

  python3 training/eval_voice.py --package cache_hub/default          # the engine's own output
  python3 training/eval_voice.py --acoustic CKPT --vocoder CKPT       # checkpoints, during training

Prints a report and writes it as JSON (--json). `npm run eval:voice` runs the first form.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
from scipy.signal import resample_poly

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.corpus.emotions import EMOTIONS
from training.corpus.sentences import EVAL_SENTENCES

REPO = Path(__file__).resolve().parents[1]
PROSODY_SENTENCES = EVAL_SENTENCES[:4]


# ---------- measurement ----------
def words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower().replace("'s", "s")).split()


def wer(ref: list[str], hyp: list[str]) -> tuple[int, int]:
    d = np.arange(len(hyp) + 1)
    for i, r in enumerate(ref, 1):
        prev, d[0] = d.copy(), i
        for j, h in enumerate(hyp, 1):
            d[j] = min(prev[j] + 1, d[j - 1] + 1, prev[j - 1] + (r != h))
    return int(d[-1]), len(ref)


def to_16k(audio: np.ndarray, sr: int) -> np.ndarray:
    from math import gcd
    g = gcd(sr, 16000)
    return resample_poly(audio.astype(np.float64), 16000 // g, sr // g)


def recognize(audio: np.ndarray, sr: int) -> str:
    x = to_16k(audio, sr)
    x = x / max(1e-9, np.abs(x).max()) * 0.9
    with tempfile.NamedTemporaryFile(suffix=".wav") as f:
        wavfile.write(f.name, 16000, (x * 32767).astype(np.int16))
        out = subprocess.run(["pocketsphinx_continuous", "-infile", f.name, "-logfn", "/dev/null"],
                             capture_output=True, text=True).stdout
    return " ".join(out.split())


def f0_track(audio: np.ndarray, sr: int) -> np.ndarray:
    """Voiced-frame F0 (Hz) by normalised autocorrelation on 40 ms windows, 10 ms hop."""
    x = to_16k(audio, sr)
    x = x / max(1e-9, np.abs(x).max())
    fr, hop, out = 640, 160, []
    lo, hi = 16000 // 400, 16000 // 70
    win = np.hanning(fr)
    for i in range(0, len(x) - fr, hop):
        seg = x[i:i + fr] * win
        if np.sqrt(np.mean(seg ** 2)) < 0.02:
            continue
        ac = np.correlate(seg, seg, "full")[fr - 1:]
        k = lo + int(np.argmax(ac[lo:hi]))
        if ac[k] > 0.45 * ac[0]:
            out.append(16000 / k)
    return np.array(out)


def prosody(audio: np.ndarray, sr: int) -> dict:
    f0 = f0_track(audio, sr)
    a = audio.astype(np.float64)
    frame = a[: len(a) // 512 * 512].reshape(-1, 512)
    rms = np.sqrt((frame ** 2).mean(1))
    speech = rms > 0.1 * rms.max()
    return {"median_f0": float(np.median(f0)) if len(f0) else 0.0,
            "f0_spread_st": float(np.std(12 * np.log2(f0))) if len(f0) > 2 else 0.0,
            "seconds": float(speech.sum() * 512 / sr),  # speech time, pauses excluded
            "rms_db": float(20 * np.log10(np.sqrt(np.mean(rms[speech] ** 2)) + 1e-9))}


# ---------- synthesizers ----------
def teacher(text: str, emotion: str = "neutral") -> tuple[np.ndarray, int]:
    from training.corpus.synthesize import SCHEME_PRELUDE, _scheme_string
    from training.corpus.emotions import PROSODY
    from training.corpus.hts_voice_variant import write_variant
    from training.corpus.synthesize import HTS_VOICE
    with tempfile.TemporaryDirectory() as d:
        voice = Path(d) / "v.htsvoice"
        write_variant(HTS_VOICE, voice, PROSODY[emotion])
        wav = Path(d) / "o.wav"
        scm = Path(d) / "s.scm"
        scm.write_text(SCHEME_PRELUDE + f"(use_variant 'eval_{emotion} {_scheme_string(str(voice))})\n"
                       f"(synth_one {_scheme_string(text)} {_scheme_string(str(wav))} "
                       f"{_scheme_string(str(Path(d) / 'o.seg'))} {PROSODY[emotion].gain})\n")
        subprocess.run(["festival", "-b", str(scm)], check=True, stdout=subprocess.DEVNULL)
        sr, a = wavfile.read(wav)
    return a.astype(np.float32) / 32768.0, sr


def engine(package: Path):
    def synth(text: str, emotion: str = "neutral") -> tuple[np.ndarray, int]:
        with tempfile.NamedTemporaryFile(suffix=".wav") as f:
            cmd = ["npx", "--no-install", "tsx", str(REPO / "inference/cli.ts"), "--model", str(package),
                   "--text", text, "--out", f.name, "--seed", "1"]
            if emotion != "neutral":
                cmd += ["--emotion", emotion]
            subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
            sr, a = wavfile.read(f.name)
        return a.astype(np.float32) / 32768.0, sr
    return synth


def checkpoints(acoustic: Path, vocoder: Path, steps: int):
    from training.torch_synth import TorchSynth
    model = TorchSynth(acoustic, vocoder)
    return lambda text, emotion="neutral": model(text, emotion, steps)


def copy_synthesis(vocoder: Path):
    """Teacher audio → mel → our vocoder: the vocoder's own share of the error."""
    import torch
    from training.audio import MelSpectrogram
    from training.config import config_of
    from training.models.vocoder import Vocoder
    state = torch.load(vocoder, map_location="cpu")
    model = Vocoder(config_of(state).vocoder).eval()
    model.load_state_dict(state["ema"])
    mel_fn = MelSpectrogram()

    def synth(text: str, emotion: str = "neutral") -> tuple[np.ndarray, int]:
        audio, sr = teacher(text, emotion)
        x = torch.from_numpy(resample_poly(audio, 441, 640).astype(np.float32))[None]
        with torch.no_grad():
            return model(mel_fn(x))[0].numpy(), 22050
    return synth


# ---------- Mandarin tones ----------
TONE_SETS = ["妈麻马骂", "汤糖躺烫", "衣姨椅意", "八拔把爸", "飞肥匪费"]  # tone 1..4 of one syllable each


def mandarin_tones(synth) -> dict:
    """Single syllables in each tone → F0 start / middle / end (semitones re 100 Hz, medians of thirds
    of the voiced frames after trimming 10% at each edge) per tone, and the four shape checks."""
    from training.corpus.tone_shaper import f0_track as yin
    rows: dict[int, list[tuple[float, float, float]]] = {t: [] for t in (1, 2, 3, 4)}
    for chars in TONE_SETS:
        for tone, ch in enumerate(chars, 1):
            audio, sr = synth(ch)
            f0 = yin(audio.astype(np.float64), sr, fmax=250.0)
            st = 12 * np.log2(f0[~np.isnan(f0)] / 100.0)
            cut = len(st) // 10
            st = st[cut: len(st) - cut]
            if len(st) < 6:
                continue
            third = len(st) // 3
            rows[tone].append((float(np.median(st[:third])), float(np.median(st[third:-third])), float(np.median(st[-third:]))))
    table = {t: [float(np.mean([r[i] for r in rs])) if rs else float("nan") for i in range(3)] for t, rs in rows.items()}
    checks = {
        "tone 1 level (|end - start| < 1.5 st)": abs(table[1][2] - table[1][0]) < 1.5,
        "tone 2 rises (> +1.5 st)": table[2][2] - table[2][0] > 1.5,
        "tone 3 dips (middle below start, lowest tone)": table[3][1] < table[3][0] and table[3][1] == min(r[1] for r in table.values()),
        "tone 4 falls (< -2 st)": table[4][2] - table[4][0] < -2,
    }
    return {"contours": {str(t): v for t, v in table.items()}, "checks": checks}


# ---------- report ----------
def evaluate(synth, with_teacher: bool, with_prosody: bool) -> dict:
    report: dict = {"sentences": len(EVAL_SENTENCES), "intelligibility": {}, "samples": []}
    systems = {"voice": synth, **({"teacher": teacher} if with_teacher else {})}
    for name, fn in systems.items():
        errs = total = 0
        for text in EVAL_SENTENCES:
            audio, sr = fn(text)
            hyp = recognize(audio, sr)
            e, n = wer(words(text), words(hyp))
            errs, total = errs + e, total + n
            report["samples"].append({"system": name, "text": text, "heard": hyp})
        report["intelligibility"][name] = {"wer": errs / total, "errors": errs, "words": total}
    if with_teacher:
        report["wer_ratio"] = report["intelligibility"]["voice"]["wer"] / max(1e-9, report["intelligibility"]["teacher"]["wer"])
    if with_prosody:
        table = {}
        for emo in ["neutral", *EMOTIONS]:
            rows = [prosody(*synth(t, emo)) for t in PROSODY_SENTENCES]
            table[emo] = {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
        n = table["neutral"]
        checks = {
            "happy: higher median F0 than neutral (>= +1 semitone)": table["happy"]["median_f0"] > n["median_f0"] * 2 ** (1 / 12),
            "sad: lower median F0 than neutral": table["sad"]["median_f0"] < n["median_f0"] * 2 ** (-0.5 / 12),
            "sad: slower than neutral (>= 5% longer)": table["sad"]["seconds"] > n["seconds"] * 1.05,
            "angry: louder than neutral (>= 2 dB)": table["angry"]["rms_db"] > n["rms_db"] + 2,
            "surprised: wider F0 range than neutral": table["surprised"]["f0_spread_st"] > n["f0_spread_st"] * 1.15,
            "calm: narrower F0 range than neutral": table["calm"]["f0_spread_st"] < n["f0_spread_st"] * 0.85,
        }
        report["prosody"], report["prosody_checks"] = table, checks
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package", type=Path)
    ap.add_argument("--acoustic", type=Path)
    ap.add_argument("--vocoder", type=Path)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--no-teacher", action="store_true")
    ap.add_argument("--no-prosody", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.package:
        synth = engine(args.package)
    elif args.acoustic:
        synth = checkpoints(args.acoustic, args.vocoder, args.steps)
    else:  # --vocoder alone: copy synthesis from the teacher's mels
        synth = copy_synthesis(args.vocoder)
    report = evaluate(synth, not args.no_teacher, not args.no_prosody)
    if args.package and "zh" in json.loads((args.package / "model.json").read_text())["frontend"]["languages"]:
        report["mandarin_tones"] = mandarin_tones(synth)
    for name, r in report["intelligibility"].items():
        print(f"{name:8s} WER {100 * r['wer']:.1f}% ({r['errors']}/{r['words']} words)")
    if "wer_ratio" in report:
        print(f"voice/teacher WER ratio {report['wer_ratio']:.2f} (target <= 1.5)")
    for emo, row in report.get("prosody", {}).items():
        print(f"{emo:12s} F0 {row['median_f0']:6.1f} Hz  spread {row['f0_spread_st']:.2f} st  "
              f"speech {row['seconds']:.2f} s  level {row['rms_db']:.1f} dB")
    for check, ok in report.get("prosody_checks", {}).items():
        print(f"{'PASS' if ok else 'FAIL'}  {check}")
    if "mandarin_tones" in report:
        print("Mandarin tones (F0 start / middle / end, semitones re 100 Hz, mean over 5 syllables):")
        for tone, (a, b, c) in report["mandarin_tones"]["contours"].items():
            print(f"  tone {tone}: {a:+.1f} / {b:+.1f} / {c:+.1f}")
        for check, ok in report["mandarin_tones"]["checks"].items():
            print(f"{'PASS' if ok else 'FAIL'}  {check}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
