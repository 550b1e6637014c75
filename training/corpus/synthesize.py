"""Synthesise the training corpus with festival's HTS voice: audio + exact phone end times.

Output (under --out): `utterances.jsonl` (id, text, emotion, speaker, wav, phones [[name, end_s], ...])
and `wav/<id>.wav` (22050 Hz mono 16-bit). Resumable: utterances already on disk are skipped.
Runs one festival process per worker; each process loads the voice once and renders many utterances.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
from scipy.signal import resample_poly

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.corpus.emotions import EMOTIONS, PROSODY
from training.corpus.hts_voice_variant import write_variant
from training.corpus.sentences import pick

HTS_VOICE = Path("/usr/share/festival/voices/us/cmu_us_slt_arctic_hts/hts/cmu_us_slt_arctic_hts.htsvoice")
SPEAKER = "slt"
TARGET_SR = 22050

SCHEME_PRELUDE = """
(voice_cmu_us_slt_arctic_hts)
(define (synth_one txt wavfile segfile gain)
  (let ((u (eval (list 'Utterance 'Text txt))))
    (utt.synth u)
    (if (not (equal? gain 1.0)) (utt.wave.rescale u gain))
    (utt.save.wave u wavfile 'riff)
    (let ((fd (fopen segfile "w")))
      (mapcar (lambda (s) (format fd "%s %f\\n" (item.name s) (item.feat s "end")))
              (utt.relation.items u 'Segment))
      (fclose fd))))
(define (use_variant name path)
  ;; festival caches the hts engine per voice name: a variant needs its own name
  (set! current-voice name)
  (set! hts_engine_params (list (list "-m" path) '("-g" 0.0) '("-b" 0.0) '("-u" 0.5))))
"""


def plan(n_sentences: int, emotional_fraction: float, seed: int) -> list[dict]:
    """Every sentence in neutral; a fraction again in one emotion, cycling through all eight."""
    rng = random.Random(seed)
    items = []
    for i, text in enumerate(pick(n_sentences, seed)):
        items.append({"id": f"{SPEAKER}_{i:05d}_neutral", "text": text, "emotion": "neutral"})
        if rng.random() < emotional_fraction:
            emo = EMOTIONS[i % len(EMOTIONS)]
            items.append({"id": f"{SPEAKER}_{i:05d}_{emo}", "text": text, "emotion": emo})
    return items


def _scheme_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_festival(items: list[dict], raw_dir: Path, variants: dict[str, Path]) -> None:
    lines = [SCHEME_PRELUDE]
    for emo in sorted({it["emotion"] for it in items}):
        lines.append(f"(use_variant 'slt_{emo} {_scheme_string(str(variants[emo]))})")
        for it in (x for x in items if x["emotion"] == emo):
            lines.append(
                f"(synth_one {_scheme_string(it['text'])} {_scheme_string(str(raw_dir / (it['id'] + '.wav')))} "
                f"{_scheme_string(str(raw_dir / (it['id'] + '.seg')))} {PROSODY[emo].gain:.3f})"
            )
    with tempfile.NamedTemporaryFile("w", suffix=".scm", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    try:
        subprocess.run(["festival", "-b", f.name], check=True, stdout=subprocess.DEVNULL)
    finally:
        os.unlink(f.name)


def finish(item: dict, raw_dir: Path, wav_dir: Path) -> dict | None:
    """Resample festival's 32 kHz output to 22.05 kHz and attach the phone end times."""
    raw_wav, seg = raw_dir / f"{item['id']}.wav", raw_dir / f"{item['id']}.seg"
    if not raw_wav.exists() or not seg.exists():
        return None
    sr, audio = wavfile.read(raw_wav)
    audio = resample_poly(audio.astype(np.float32), TARGET_SR // 50, sr // 50)  # 441/640 for 32 kHz
    peak = float(np.abs(audio).max())
    if peak > 32767:  # a loud variant clipped: scale back rather than distort
        audio *= 32767 / peak
    out = wav_dir / f"{item['id']}.wav"
    wavfile.write(out, TARGET_SR, audio.astype(np.int16))
    phones = [[name, float(end)] for name, end in (l.split() for l in seg.read_text().splitlines() if l.strip())]
    raw_wav.unlink(), seg.unlink()
    return {**item, "speaker": SPEAKER, "wav": f"wav/{out.name}", "phones": phones,
            "seconds": len(audio) / TARGET_SR}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--emotional-fraction", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    out: Path = args.out
    wav_dir, raw_dir, var_dir = out / "wav", out / "raw", out / "voices"
    for d in (wav_dir, raw_dir, var_dir):
        d.mkdir(parents=True, exist_ok=True)
    meta_path = out / "utterances.jsonl"
    done = {json.loads(l)["id"] for l in meta_path.read_text().splitlines()} if meta_path.exists() else set()
    todo = [it for it in plan(args.sentences, args.emotional_fraction, args.seed) if it["id"] not in done]
    print(f"corpus: {len(done)} utterances present, {len(todo)} to synthesise", flush=True)

    variants = {}
    for emo, prosody in PROSODY.items():
        variants[emo] = var_dir / f"slt_{emo}.htsvoice"
        if not variants[emo].exists():
            write_variant(HTS_VOICE, variants[emo], prosody)

    chunk = 200  # small chunks: progress and resume granularity
    batches = [todo[i:i + chunk] for i in range(0, len(todo), chunk)]
    total_s, n_done = 0.0, len(done)

    def work(batch: list[dict]) -> list[dict]:
        run_festival(batch, raw_dir, variants)
        return [r for r in (finish(it, raw_dir, wav_dir) for it in batch) if r]

    with ThreadPoolExecutor(args.workers) as pool, meta_path.open("a") as meta:
        for results in pool.map(work, batches):
            for r in results:
                meta.write(json.dumps(r) + "\n")
                total_s += r["seconds"]
            meta.flush()
            n_done += len(results)
            print(f"corpus: {n_done}/{len(done) + len(todo)} utterances, +{total_s / 60:.1f} min audio", flush=True)


if __name__ == "__main__":
    main()
