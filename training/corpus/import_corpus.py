"""Import a recorded corpus (audio + transcripts, no durations) into the recipe's corpus format.

  python3 training/corpus/import_corpus.py --audio-dir DIR --transcripts FILE --speaker ID --out DIR \
      [--model cache_hub/default | --acoustic CKPT] [--emotion neutral] [--align-speaker ID]

Transcripts: one utterance a line, `id|text` (LJSpeech's metadata.csv; with three fields `id|raw|normalised`
the normalised text is taken) or `id<TAB>text`; the audio is `DIR/<id>.wav` (any rate, mono or stereo,
16/32-bit integer or float). Output (as synthesize_mandarin.py): `wav/<id>.wav` (22050 Hz mono 16-bit; an id's
characters other than letters, digits, `.`, `-`, `_` become `_`) and
`utterances.jsonl` records with id, text, emotion, speaker, wav, seconds, `symbols` (our front end's
tokens, `zh,en`: Mandarin, English and mixed text) and `durations_frames` (frames of hop 256 summing to the
mel frame count), so prepare_acoustic.py takes them as they are. Each record also has `align_prior_loss`,
the mean squared distance of the mel to the prior along the path (prepare's "prior" loss): high values
flag a transcript that does not match its audio.

Durations come from monotonic alignment search (align_mas.py) of the normalised mel against the acoustic
model's per-token prior (encoder output mu_x) for the alignment speaker and the neutral style. That model
must already speak the language (for Mandarin: one trained on the espeak-taught corpus). Every phone gets
at least one frame; `^`, `$`, word boundaries and punctuation may get none (the teachers leave them empty
when there is no pause, so their prior means little), which is how leading and trailing silence land on
`^`/`$` or the final punctuation, and pauses on commas. Resumable: ids already in utterances.jsonl are
skipped; lines whose text the front end rejects, whose audio is missing, or that cannot be aligned are
skipped and counted.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
import torch
from scipy.signal import resample_poly

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.align_mas import monotonic_alignment, prior_log_likelihood
from training.audio import AudioConfig, MelSpectrogram
from training.corpus.emotions import EMOTIONS
from training.corpus.synthesize_mandarin import phonemize
from training.models.acoustic_model import AcousticModel, token_means, upsample
from training.models.emotion_controller import N_EMOTIONS

REPO = Path(__file__).resolve().parents[2]
PROGRESS_EVERY = 50


def is_phone(symbol: str) -> bool:
    """Mandarin initials/finals (`zh:`) and ARPAbet phones; the rest (`^ $`, word boundaries, punctuation)
    may take 0 frames, as the teachers leave them when there is no pause."""
    return symbol.startswith("zh:") or symbol[:1].isupper()


def read_transcripts(path: Path) -> list[tuple[str, str]]:
    """`id|text`, `id|raw|normalised` or `id<TAB>text` lines → [(id, text)] (blank and # lines ignored)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" in line:
            fields = line.split("\t", 1)
        else:
            fields = line.split("|")
            fields = [fields[0], fields[2]] if len(fields) == 3 and fields[2].strip() else [fields[0], "|".join(fields[1:])]
        uid, text = (f.strip() for f in fields) if len(fields) == 2 else ("", "")
        if not uid or not text:
            print(f"import: {path}:{n}: not `id|text`, ignored", flush=True)
            continue
        out.append((uid, text))
    return out


def load_audio(path: Path, target_sr: int) -> np.ndarray:
    """Any wav scipy reads → int16 mono [N] at target_sr."""
    sr, audio = wavfile.read(path)
    if audio.dtype == np.uint8:
        x = (audio.astype(np.float32) - 128.0) / 128.0
    elif np.issubdtype(audio.dtype, np.integer):
        x = audio.astype(np.float32) / float(-np.iinfo(audio.dtype).min)
    else:
        x = audio.astype(np.float32)
    if x.ndim == 2:
        x = x.mean(axis=1)
    if sr != target_sr:
        g = int(np.gcd(sr, target_sr))
        x = resample_poly(x, target_sr // g, sr // g)
    return np.clip(np.round(x * 32768.0), -32768, 32767).astype(np.int16)


def load_model(args: argparse.Namespace) -> tuple[AcousticModel, float, float, str]:
    """→ (acoustic model in eval mode, mel_mean, mel_std, description)."""
    if args.acoustic:
        from training.config import CONFIGS
        from training.frontend import symbols

        state = torch.load(args.acoustic, map_location="cpu")
        model = AcousticModel(CONFIGS[state["config_name"]].acoustic, len(symbols()))
        model.load_state_dict(state["ema"])
        return model.eval(), float(state["mel_mean"]), float(state["mel_std"]), f"checkpoint {args.acoustic} (EMA)"
    from training.package_weights import load_package

    model, _, _, manifest = load_package(args.model)
    return model.eval(), float(manifest["audio"]["mel_mean"]), float(manifest["audio"]["mel_std"]), f"package {args.model}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--audio-dir", type=Path, required=True)
    ap.add_argument("--transcripts", type=Path, required=True)
    ap.add_argument("--speaker", required=True, help="speaker id written into the records")
    ap.add_argument("--out", type=Path, required=True)
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--model", type=Path, help="model package whose acoustic model aligns (default cache_hub/default)")
    src.add_argument("--acoustic", type=Path, help="acoustic checkpoint (train_acoustic.py's acoustic_latest.pt)")
    ap.add_argument("--emotion", default="neutral", help="emotion label of the records")
    ap.add_argument("--align-speaker", help="speaker whose prior aligns (default --speaker if it is in --voice, "
                                            "else index 0); pick one that speaks the corpus's language")
    ap.add_argument("--voice", type=Path, default=REPO / "training/default_voice.json")
    args = ap.parse_args()
    if not args.acoustic and not args.model:
        args.model = REPO / "cache_hub/default"
    torch.set_num_threads(1)

    if args.emotion not in EMOTIONS and args.emotion != "neutral":
        sys.exit(f"import: unknown emotion {args.emotion!r} (neutral or one of {list(EMOTIONS)})")
    speaker_index = {s["id"]: s["index"] for s in json.loads(args.voice.read_text())["speakers"]}
    align_as = args.align_speaker or args.speaker
    if align_as in speaker_index:
        align_index = speaker_index[align_as]
        print(f"import: aligning with speaker {align_as!r} (index {align_index})", flush=True)
    elif args.align_speaker:
        sys.exit(f"import: --align-speaker {args.align_speaker!r} is not in {args.voice}")
    else:
        align_index = 0
        print(f"import: speaker {args.speaker!r} is not in {args.voice}: aligning with speaker index 0 "
              f"(add it there before prepare_acoustic.py; --align-speaker picks another prior)", flush=True)

    cfg = AudioConfig()
    out: Path = args.out
    wav_dir = out / "wav"
    wav_dir.mkdir(parents=True, exist_ok=True)
    meta_path = out / "utterances.jsonl"
    done = {json.loads(l)["id"] for l in meta_path.read_text().splitlines() if l.strip()} if meta_path.exists() else set()
    lines = read_transcripts(args.transcripts)
    seen, todo = set(), []
    for uid, text in lines:
        safe = re.sub(r"[^\w.\-]", "_", uid)
        if safe in done or safe in seen:
            continue
        seen.add(safe)
        todo.append({"id": safe, "source": uid, "text": text})
    print(f"import: {len(lines)} transcript lines, {len(done)} utterances present, {len(todo)} to import", flush=True)
    if not todo:
        return

    tokens = phonemize([{"id": it["id"], "text": it["text"]} for it in todo])
    model, mel_mean, mel_std, described = load_model(args)
    print(f"import: aligning with {described}", flush=True)
    mel_fn = MelSpectrogram(cfg)
    with torch.no_grad():  # the prior's condition: alignment speaker, neutral style
        cond = model.condition(torch.tensor([align_index]), model.emotion(torch.zeros(1, N_EMOTIONS)))

    skipped: dict[str, list[str]] = {"frontend": [], "audio": [], "alignment": []}
    n_new, total_s, losses, t0 = 0, 0.0, [], time.time()
    with meta_path.open("a") as meta:
        for k, it in enumerate(todo):
            tok = tokens.get(it["id"], {})
            if "ids" not in tok:
                skipped["frontend"].append(f"{it['source']}: {tok.get('error', {}).get('message', 'no output')}")
            else:
                wav_in = args.audio_dir / f"{it['source']}.wav"
                if not wav_in.exists():
                    wav_in = args.audio_dir / it["source"]
                try:
                    audio = load_audio(wav_in, cfg.sample_rate)
                except (OSError, ValueError) as e:
                    skipped["audio"].append(f"{it['source']}: {e}")
                    audio = None
                if audio is not None:
                    n_frames = len(audio) // cfg.hop_length
                    x = torch.from_numpy(audio[: n_frames * cfg.hop_length].astype(np.float32) / 32768.0)
                    ids = torch.tensor([tok["ids"]], dtype=torch.long)
                    with torch.no_grad():
                        mel = (mel_fn(x.unsqueeze(0))[0] - mel_mean) / mel_std            # [80, F]
                        mu_x = model.encoder(ids, torch.ones(1, 1, ids.shape[1]), cond)[0]  # [1, K*80, T]
                    try:
                        if n_frames == 0:
                            raise ValueError("no audio")
                        skippable = np.array([not is_phone(s) for s in tok["symbols"]])
                        durations = monotonic_alignment(prior_log_likelihood(token_means(mu_x, model.anchors)[0].numpy(), mel.numpy()), skippable)
                    except ValueError as e:
                        skipped["alignment"].append(f"{it['source']}: {e}")
                    else:
                        mu_y = upsample(mu_x, torch.from_numpy(durations).unsqueeze(0), n_frames, model.anchors)[0]
                        loss = float(((mel - mu_y) ** 2).mean())
                        wav_out = wav_dir / f"{it['id']}.wav"
                        wavfile.write(wav_out, cfg.sample_rate, audio)
                        rec = {"id": it["id"], "text": it["text"], "emotion": args.emotion, "speaker": args.speaker,
                               "wav": f"wav/{wav_out.name}", "symbols": tok["symbols"],
                               "durations_frames": durations.tolist(), "hop_length": cfg.hop_length,
                               "seconds": round(len(audio) / cfg.sample_rate, 4), "align_prior_loss": round(loss, 4)}
                        meta.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        meta.flush()
                        n_new, total_s = n_new + 1, total_s + rec["seconds"]
                        losses.append(loss)
            if (k + 1) % PROGRESS_EVERY == 0 or k + 1 == len(todo):
                rate = (time.time() - t0) / (k + 1)
                eta = rate * (len(todo) - k - 1)
                print(f"import: {k + 1}/{len(todo)} | {n_new} imported ({total_s / 60:.1f} min audio), "
                      f"{sum(map(len, skipped.values()))} skipped | {rate:.2f} s/utt ETA {int(eta // 60)}m{int(eta % 60):02d}s",
                      flush=True)
    for reason, entries in skipped.items():
        for entry in entries[:10]:
            print(f"import: skipped ({reason}) {entry}", flush=True)
    if losses:
        q = np.percentile(losses, [50, 90, 99])
        print(f"import: alignment prior loss median {q[0]:.3f}, 90% {q[1]:.3f}, 99% {q[2]:.3f} "
              f"(the model's training prior loss is the reference)", flush=True)
    print(f"import: {n_new} imported, skipped {{{', '.join(f'{k}: {len(v)}' for k, v in skipped.items())}}}", flush=True)


if __name__ == "__main__":
    main()
