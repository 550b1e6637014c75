"""Synthesise the Mandarin training corpus with espeak-ng (`cmn-latn-pinyin`): audio + per-token durations.

Output (under --out, same layout as synthesize.py): `utterances.jsonl` and `wav/<id>.wav` (22050 Hz mono
16-bit). Each record has id, text, emotion, speaker (`espeak_cmn`), wav, seconds, `phones` (espeak's
phonemes [[name, end_s], ...], for inspection) and — unlike the English corpus — `symbols` (our front end's
tokens, `^` … `$`) with `durations_frames` aligned to them (frames of hop 256, summing to the mel frame
count of the wav). prepare_acoustic.py uses those durations as they are: no alignment needed, because
the teacher is fed exactly our syllables and tones (the pinyin is rebuilt from our tokens), so espeak's
phonemes map onto our tokens syllable by syllable. espeak's tones are weak, so each utterance's F0 is
then re-shaped to textbook tone contours (tone_shaper.py). Resumable: utterances already on disk are skipped.

  python3 training/corpus/synthesize_mandarin.py --out DIR --sentences 3000 --emotional-fraction 0.75
"""
from __future__ import annotations

import argparse
import ctypes
import json
import random
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.io.wavfile as wavfile
from scipy.signal import resample_poly

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.corpus.emotions import EMOTIONS, PROSODY
from training.corpus.mandarin_sentences import pick, short_utterances
from training.corpus.tone_shaper import shape_tones

REPO = Path(__file__).resolve().parents[2]
FRONTEND_CLI = ["npx", "--no-install", "tsx", str(REPO / "inference/frontend/phonemizeCli.ts"), "--languages", "zh,en"]
SPEAKER = "espeak_cmn"
VOICE = "cmn-latn-pinyin"  # reads numbered pinyin; plain `cmn` mispronounces it
TARGET_SR = 22050
HOP_LENGTH = 256  # training/audio.py AudioConfig.hop_length (not imported: it pulls in torch)
PUNCT = {",", ".", "?", "!", ";", ":", "-", "…"}
# What espeak is given for our punctuation tokens: pauses at the same places, nothing spoken.
PUNCT_TEXT = {",": ",", ".": ".", "?": "?", "!": "!", ";": ";", ":": ",", "-": ",", "…": ","}


# ---------- emotions: the English teacher's prosody moved onto espeak's parameters ----------
@dataclass(frozen=True)
class EspeakProsody:
    pitch: int   # espeakPITCH 0..100 (50 = voice default, ~95 Hz median for cmn)
    range: int   # espeakRANGE 0..100 (50 default); tones survive even at 0, only intonation narrows
    rate: int    # espeakRATE words (here syllables) per minute, 175 default
    volume: int  # espeakVOLUME 0..200, 100 default


# Measured on this voice: 35 → 84 Hz, 50 → 95 Hz (the default), 80 → 130 Hz, 90 → 149 Hz median F0.
# The default ~95 Hz is too low for our vocoder: its per-bin phase advance cannot resolve harmonics 4 FFT
# bins apart (copy synthesis of espeak at 94 Hz came out inharmonic, 29% of frames voiced; at 149 Hz
# 100%). So espeak speaks at 149 Hz, and the emotion's pitch change is made by the tone shaper (PSOLA)
# rather than by espeak, whose pitch scale would clip the raised emotions at 100.
BASE_PITCH = 90
REGISTER_HZ = 149.0  # BASE_PITCH's median F0: the tone shaper's register
# The vocoder renders F0 below ~110 Hz unvoiced (copy synthesis of the teacher's 98 Hz tone-3 dip:
# no voiced frame), so the shaped contour stops here; a low dip or a sad voice flattens at its bottom.
FLOOR_HZ = 115.0


def espeak_prosody(emotion: str) -> EspeakProsody:
    p = PROSODY[emotion]
    clip = lambda v, lo, hi: int(round(min(hi, max(lo, v))))  # noqa: E731
    return EspeakProsody(pitch=BASE_PITCH, range=clip(50 * p.f0_range, 0, 100),
                         rate=clip(175 / p.duration, 80, 450), volume=clip(100 * p.gain, 0, 200))


# ---------- our tokens → numbered pinyin, syllable by syllable ----------
# Finals without an initial are spelled with y/w (the inverse of pinyinToSymbols.ts's Y_W_FINALS).
ZERO_INITIAL = {
    "i": "yi", "ia": "ya", "ie": "ye", "iao": "yao", "iou": "you", "ian": "yan", "in": "yin", "iang": "yang",
    "ing": "ying", "iong": "yong", "u": "wu", "ua": "wa", "uo": "wo", "uai": "wai", "uei": "wei", "uan": "wan",
    "uen": "wen", "uang": "wang", "ueng": "weng", "v": "yu", "ve": "yue", "van": "yuan", "vn": "yun",
}
ABBREVIATED = {"iou": "iu", "uei": "ui", "uen": "un", "ii": "i", "iii": "i"}


@dataclass
class Syllable:
    pinyin: str              # "zhuang1", "hua1r" (erhua as espeak reads it best: the tone stays on the base)
    initial: int | None      # token index of the initial
    final: int               # token index of final+tone
    rr: int | None           # token index of zh:rr (erhua)


def syllables(symbols: list[str]) -> list[Syllable]:
    """Our `zh:` tokens → syllables; raises ValueError on tokens that are not Mandarin (e.g. English words)."""
    out: list[Syllable] = []
    initial: int | None = None
    for k, s in enumerate(symbols):
        if s in ("^", "$", " ") or s in PUNCT:
            if initial is not None:
                raise ValueError(f"initial without a final at token {k}")
            continue
        if not s.startswith("zh:"):
            raise ValueError(f"not a Mandarin token: {s!r}")
        name = s[3:]
        if name == "rr":
            if not out or out[-1].final != k - 1:
                raise ValueError(f"erhua without a syllable at token {k}")
            out[-1].rr, out[-1].pinyin = k, out[-1].pinyin + "r"
        elif name[-1].isdigit():
            final, tone = name[:-1], name[-1]
            ini = symbols[initial][3:] if initial is not None else ""
            if not ini:
                spelled = ZERO_INITIAL.get(final, final)
            elif ini in ("j", "q", "x") and final.startswith("v"):
                spelled = ini + ABBREVIATED.get(final, final).replace("v", "u", 1)
            else:
                spelled = ini + ABBREVIATED.get(final, final)
            out.append(Syllable(spelled + tone, initial, k, None))
            initial = None
        else:
            initial = k
    return out


def espeak_text(symbols: list[str], syls: list[Syllable]) -> tuple[str, list[int]]:
    """The pinyin line espeak reads and the (0-based) character offset where each syllable starts."""
    parts, starts, pos = [], [], 0
    by_final = {s.final: s for s in syls}
    for k, s in enumerate(symbols):
        piece = None
        if k in by_final:
            starts.append(pos)
            piece = by_final[k].pinyin + " "
        elif s in PUNCT_TEXT:
            piece = PUNCT_TEXT[s] + " "
        if piece:
            parts.append(piece)
            pos += len(piece)
    return "".join(parts).rstrip(), starts


# ---------- libespeak-ng through ctypes ----------
class _Event(ctypes.Structure):  # espeak_EVENT of speak_lib.h
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))
AUDIO_OUTPUT_SYNCHRONOUS, INITIALIZE_PHONEME_EVENTS, CHARS_UTF8, POS_CHARACTER = 2, 1, 1, 1
EVENT_LIST_TERMINATED, EVENT_PHONEME = 0, 7
RATE, VOLUME, PITCH, RANGE = 1, 2, 3, 4


class Espeak:
    """One libespeak-ng instance (the library is process-global: one per process)."""

    def __init__(self, voice: str = VOICE):
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        self.sample_rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, INITIALIZE_PHONEME_EVENTS)
        if self.sample_rate <= 0:
            raise RuntimeError("espeak_Initialize failed")
        self._chunks: list[np.ndarray] = []
        self._events: list[tuple[str, int, int]] = []
        self._cb = _CALLBACK(self._collect)  # kept referenced: the library calls it later
        self.lib.espeak_SetSynthCallback(self._cb)
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError(f"espeak-ng has no voice {voice!r}")

    def _collect(self, wav, n, events) -> int:
        if n > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, (n,)).copy())
        i = 0
        while events[i].type != EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type == EVENT_PHONEME:
                self._events.append((e.id.decode("ascii", "replace"), e.text_position - 1, e.sample))
            i += 1
        return 0

    def synth(self, text: str, prosody: EspeakProsody) -> tuple[np.ndarray, list[tuple[str, int, int]]]:
        """text → (int16 audio [N] at self.sample_rate, [(phoneme, 0-based text offset, start sample)])."""
        for param, value in ((PITCH, prosody.pitch), (RANGE, prosody.range), (RATE, prosody.rate),
                             (VOLUME, prosody.volume)):
            self.lib.espeak_SetParameter(param, value, 0)
        self._chunks, self._events = [], []
        raw = text.encode("utf-8")
        self.lib.espeak_Synth(raw, len(raw) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        audio = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)
        return audio, self._events


# ---------- espeak's phonemes → frames per token ----------
def token_durations(symbols: list[str], syls: list[Syllable], starts: list[int],
                    events: list[tuple[str, int, int]], n_samples: int, hop: int = HOP_LENGTH) -> np.ndarray:
    """Each espeak phoneme's span (its start to the next one's) goes to one of our tokens:
    a syllable's first phoneme to its initial (when it has one and more phonemes follow), `@r` to zh:rr,
    the rest to the final; the short word-end pause `_|` to the next syllable's first token (it is mostly
    that consonant's closure) or to punctuation; longer pauses to the punctuation/word boundary after the
    syllable; the leading silence to `^` and the trailing one to `$` (as festival's pauses land in English).
    Returns frames [T] summing to n_samples // hop. Raises ValueError when a syllable got no phoneme."""
    n_frames = n_samples // hop
    owner_of_gap: list[int | None] = []  # per syllable: punctuation or " " token that follows it, if any
    for i, s in enumerate(syls):
        end = syls[i + 1].initial if i + 1 < len(syls) and syls[i + 1].initial is not None else (
            syls[i + 1].final if i + 1 < len(syls) else len(symbols) - 1)
        between = range((s.rr if s.rr is not None else s.final) + 1, end)
        punct = [k for k in between if symbols[k] in PUNCT]
        spaces = [k for k in between if symbols[k] == " "]
        owner_of_gap.append(punct[0] if punct else spaces[0] if spaces else None)
    first_token = [s.initial if s.initial is not None else s.final for s in syls]

    def syllable_at(pos: int) -> int:
        return max(0, int(np.searchsorted(starts, pos, side="right")) - 1)

    phones_per_syl = [0] * len(syls)
    for name, pos, _ in events:
        if not name.startswith("_"):
            phones_per_syl[syllable_at(pos)] += 1
    if 0 in phones_per_syl:
        raise ValueError(f"espeak said nothing for syllable {syls[phones_per_syl.index(0)].pinyin!r}")

    owners: list[int] = []
    seen = [0] * len(syls)
    for idx, (name, pos, _) in enumerate(events):
        i = syllable_at(pos)
        s = syls[i]
        last = idx == len(events) - 1
        if name.startswith("_"):
            gap = owner_of_gap[i]
            nxt = first_token[i + 1] if i + 1 < len(syls) else len(symbols) - 1
            if last or (i + 1 == len(syls) and gap is None):
                owners.append(len(symbols) - 1)                 # trailing silence → $
            elif gap is None or (name == "_|" and symbols[gap] == " "):
                owners.append(nxt)                              # closure of the next syllable's consonant
            else:
                owners.append(gap)                              # a real pause → punctuation / word boundary
            continue
        seen[i] += 1
        if seen[i] == 1 and s.initial is not None and phones_per_syl[i] > 1:
            owners.append(s.initial)
        elif name == "@r" and s.rr is not None:
            owners.append(s.rr)
        else:
            owners.append(s.final)
    bounds = [min(n_frames, int(round(sample / hop))) for _, _, sample in events] + [n_frames]
    durations = np.zeros(len(symbols), dtype=np.int64)
    durations[0] = bounds[0]  # leading silence → ^
    for k, tok in enumerate(owners):
        durations[tok] += max(0, bounds[k + 1] - bounds[k])
    return durations


def final_spans(symbols: list[str], syls: list[Syllable], durations: np.ndarray) -> list[tuple[float, float, int, bool]]:
    """Each syllable's final (with its erhua) as (start s, end s, tone, before a pause) from the token
    durations; a pause is punctuation or the utterance's end (word spaces are not pauses)."""
    edges = np.concatenate([[0], np.cumsum(durations)]) * HOP_LENGTH / TARGET_SR
    spans = []
    for s in syls:
        last = s.rr if s.rr is not None else s.final
        after = next((t for t in symbols[last + 1:] if t != " "), "$")
        spans.append((float(edges[s.final]), float(edges[last + 1]), int(symbols[s.final][-1]),
                      after == "$" or after in PUNCT))
    return spans


# ---------- the corpus ----------
def phonemize(items: list[dict]) -> dict[str, dict]:
    """items [{id, text}] → {id: {symbols, ids} | {error}} from the engine's own front end, one node process."""
    if not items:
        return {}
    payload = "".join(json.dumps({"id": it["id"], "text": it["text"]}) + "\n" for it in items)
    out = subprocess.run(FRONTEND_CLI, input=payload, check=True, capture_output=True, text=True, cwd=REPO).stdout
    return {r["id"]: r for r in map(json.loads, out.splitlines()) if r}


def plan(n_sentences: int, emotional_fraction: float, seed: int) -> list[dict]:
    """Every sentence in neutral; a fraction again in one emotion, cycling through all eight (as synthesize.py);
    then the short utterances (mandarin_sentences.short_utterances) the same way."""
    rng = random.Random(seed)
    items = []
    for i, text in enumerate(pick(n_sentences, seed)):
        items.append({"id": f"{SPEAKER}_{i:05d}_neutral", "text": text, "emotion": "neutral"})
        if rng.random() < emotional_fraction:
            emo = EMOTIONS[i % len(EMOTIONS)]
            items.append({"id": f"{SPEAKER}_{i:05d}_{emo}", "text": text, "emotion": emo})
    for i, text in enumerate(short_utterances()):
        emotions = ["neutral"] + ([EMOTIONS[i % len(EMOTIONS)]] if rng.random() < emotional_fraction else [])
        items += [{"id": f"{SPEAKER}_short{i:04d}_{emo}", "text": text, "emotion": emo} for emo in emotions]
    return items


_engine: Espeak | None = None  # one per worker process (libespeak-ng is process-global)


def render(item: dict, wav_dir: Path) -> dict | str:
    """One utterance → its corpus record, or the reason it was left out."""
    global _engine
    if _engine is None:
        _engine = Espeak()
    symbols = item["symbols"]
    try:
        syls = syllables(symbols)
        text, starts = espeak_text(symbols, syls)
        audio, events = _engine.synth(text, espeak_prosody(item["emotion"]))
        sr = _engine.sample_rate
        if sr != TARGET_SR:
            g = np.gcd(sr, TARGET_SR)
            audio = np.clip(resample_poly(audio.astype(np.float32), TARGET_SR // g, sr // g), -32768, 32767)
            events = [(n, p, int(round(s * TARGET_SR / sr))) for n, p, s in events]
        durations = token_durations(symbols, syls, starts, events, len(audio))
        audio = shape_tones(audio.astype(np.int16), TARGET_SR, final_spans(symbols, syls, durations),
                            range_scale=PROSODY[item["emotion"]].f0_range, shift_st=PROSODY[item["emotion"]].semitones,
                            register_hz=REGISTER_HZ, floor_hz=FLOOR_HZ)
    except ValueError as e:
        return f"{item['id']}: {e}"
    out = wav_dir / f"{item['id']}.wav"
    wavfile.write(out, TARGET_SR, audio.astype(np.int16))
    ends = [s for _, _, s in events[1:]] + [len(audio)]
    phones = [[name, round(end / TARGET_SR, 4)] for (name, _, _), end in zip(events, ends)]
    return {"id": item["id"], "text": item["text"], "emotion": item["emotion"], "speaker": SPEAKER,
            "wav": f"wav/{out.name}", "phones": phones, "symbols": symbols,
            "durations_frames": durations.tolist(), "hop_length": HOP_LENGTH, "seconds": len(audio) / TARGET_SR}


def render_batch(batch: list[dict], wav_dir: Path) -> list[dict | str]:
    return [render(it, wav_dir) for it in batch]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--emotional-fraction", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    out: Path = args.out
    wav_dir = out / "wav"
    wav_dir.mkdir(parents=True, exist_ok=True)
    meta_path = out / "utterances.jsonl"
    done = {json.loads(l)["id"] for l in meta_path.read_text().splitlines() if l.strip()} if meta_path.exists() else set()
    todo = [it for it in plan(args.sentences, args.emotional_fraction, args.seed) if it["id"] not in done]
    print(f"corpus: {len(done)} utterances present, {len(todo)} to synthesise", flush=True)
    if not todo:
        return
    tokens = phonemize(todo)
    ready, skipped = [], []
    for it in todo:
        tok = tokens.get(it["id"], {})
        if "symbols" in tok:
            ready.append({**it, "symbols": tok["symbols"]})
        else:
            skipped.append(f"{it['id']}: front end: {tok.get('error', {}).get('message', 'no output')}")

    chunk = 200  # small chunks: progress and resume granularity
    batches = [ready[i:i + chunk] for i in range(0, len(ready), chunk)]
    total_s, n_done = 0.0, len(done)
    with ProcessPoolExecutor(args.workers) as pool, meta_path.open("a") as meta:
        for results in pool.map(render_batch, batches, [wav_dir] * len(batches)):
            for r in results:
                if isinstance(r, str):
                    skipped.append(r)
                    continue
                meta.write(json.dumps(r, ensure_ascii=False) + "\n")
                total_s += r["seconds"]
                n_done += 1
            meta.flush()
            print(f"corpus: {n_done}/{len(done) + len(todo)} utterances, +{total_s / 60:.1f} min audio", flush=True)
    for reason in skipped[:20]:
        print(f"corpus: skipped {reason}", flush=True)
    print(f"corpus: {len(skipped)} skipped", flush=True)


if __name__ == "__main__":
    main()
