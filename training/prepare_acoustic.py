"""Build the acoustic model's training set from the corpus: front-end tokens, mels, durations, pitch.

  python3 training/prepare_acoustic.py --corpus DIR [DIR ...] --out DIR/acoustic.pt [--voice training/default_voice.json]

Tokens come from the TypeScript front end (the engine's own), durations from festival's phone
timings aligned onto those tokens (align_durations.py); a Mandarin corpus (synthesize_mandarin.py) brings
its durations per token. Speaker indices come from the voice description, so they stay fixed as corpora
are added (a package trained on one speaker can be continued with another). Utterances whose alignment is poor (the two
pronunciations disagree too much) are left out and counted.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
import torch

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.align_durations import align
from training.audio import AudioConfig, MelSpectrogram
from training.corpus.emotions import emotion_vector
from training.corpus.synthesize_mandarin import phonemize as mandarin_tokens
from training.frontend import phonemize
from training.pitch import fold_octave_slips, pitch_contour

MAX_COST_PER_PHONE = 0.35


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--voice", type=Path, default=Path(__file__).parent / "default_voice.json",
                    help="speakers and their indices (the package's model.json takes the same list)")
    args = ap.parse_args()
    torch.set_num_threads(1)

    cfg = AudioConfig()
    fps = cfg.sample_rate / cfg.hop_length
    items = [{**json.loads(l), "dir": corpus} for corpus in args.corpus
             for l in (corpus / "utterances.jsonl").read_text().splitlines() if l.strip()]
    speaker_index = {s["id"]: s["index"] for s in json.loads(args.voice.read_text())["speakers"]}
    unknown = sorted({it["speaker"] for it in items} - speaker_index.keys())
    if unknown:
        sys.exit(f"prepare: speakers {unknown} are not in {args.voice}: add them there first")
    tokens = phonemize([it for it in items if "durations_frames" not in it])
    tokens.update(mandarin_tokens([it for it in items if "durations_frames" in it]))
    mel_fn = MelSpectrogram(cfg)
    data, dropped, sum_, sq, n = [], {"frontend": 0, "alignment": 0}, 0.0, 0.0, 0
    for k, it in enumerate(items):
        tok = tokens.get(it["id"], {})
        if "ids" not in tok:
            dropped["frontend"] += 1
            continue
        _, pcm = wavfile.read(it["dir"] / it["wav"])
        n_frames = len(pcm) // cfg.hop_length
        audio = torch.from_numpy(pcm[: n_frames * cfg.hop_length].astype(np.float32) / 32768.0)
        with torch.no_grad():
            mel = mel_fn(audio.unsqueeze(0))[0]
        if "durations_frames" in it:  # Mandarin teacher: durations already per token (synthesize_mandarin.py)
            if tok["symbols"] != it["symbols"] or sum(it["durations_frames"]) != n_frames:
                dropped["frontend"] += 1  # the front end changed since synthesis: re-synthesise
                continue
            durations, cost = np.array(it["durations_frames"], dtype=np.int64), 0.0
        else:
            durations, cost = align([(p, e) for p, e in it["phones"]], tok["symbols"], n_frames, fps)
        if cost > MAX_COST_PER_PHONE:
            dropped["alignment"] += 1
            continue
        sum_, sq, n = sum_ + float(mel.sum()), sq + float((mel ** 2).sum()), n + mel.numel()
        data.append({"id": it["id"], "text": it["text"], "phonemes": torch.tensor(tok["ids"], dtype=torch.long),
                     "durations": torch.from_numpy(durations), "mel": mel.half(),
                     "pitch": pitch_contour(pcm),
                     "speaker": speaker_index[it["speaker"]], "emotion": torch.tensor(emotion_vector(it["emotion"])),
                     "emotion_name": it["emotion"]})
        if (k + 1) % 500 == 0:
            print(f"prepare: {k + 1}/{len(items)} utterances", flush=True)
    moved = fold_octave_slips([it["pitch"] for it in data], [it["speaker"] for it in data])
    print(f"prepare: {moved} pitch frames moved down an octave", flush=True)
    for it in data:
        it["pitch"] = torch.from_numpy(it["pitch"]).half()
    mean = sum_ / n
    std = (sq / n - mean ** 2) ** 0.5
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"items": data, "mel_mean": mean, "mel_std": std, "speakers": speaker_index}, args.out)
    print(f"prepare: kept {len(data)}, dropped {dropped}, mel mean {mean:.3f} std {std:.3f}", flush=True)


if __name__ == "__main__":
    main()
