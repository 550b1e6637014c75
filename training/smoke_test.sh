#!/usr/bin/env bash
# The whole recipe on a tiny corpus for a few steps: synthesise → prepare → train both stages →
# export → load and speak with the engine (onnxruntime-node). Proves the recipe from a clean checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
WORK=$(mktemp -d /tmp/tts-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export OPENBLAS_NUM_THREADS=1

$PY training/corpus/synthesize.py --out "$WORK/corpus" --sentences 12 --workers 2
$PY training/corpus/synthesize_mandarin.py --out "$WORK/corpus_zh" --sentences 4 --emotional-fraction 0.5
$PY training/prepare_acoustic.py --corpus "$WORK/corpus" "$WORK/corpus_zh" --out "$WORK/acoustic.pt"
$PY training/check_frontend_contract.py --data "$WORK/acoustic.pt" --min 1.0
# the check must fail when one utterance's phonemes are not what the front end gives now
$PY -c "
import sys, torch
d = torch.load(sys.argv[1]); d['items'][0]['phonemes'][1] += 1; torch.save(d, sys.argv[2])" "$WORK/acoustic.pt" "$WORK/acoustic_bad.pt"
if $PY training/check_frontend_contract.py --data "$WORK/acoustic_bad.pt" --min 1.0; then
  echo "front-end contract check passed a changed phoneme sequence"; exit 1
fi
# pitch parts: octave slips fold back to the speaker's register; the decoder's harmonic prior peaks on
# the harmonics of the given F0 and moves with it
$PY - <<'EOF'
import numpy as np, torch
from training.audio import AudioConfig, _hz_to_mel, _mel_to_hz
from training.models.harmonic_prior import HarmonicPrior
from training.pitch import CENTRE_ST, SCALE_ST, fold_octave_slips
norm = lambda hz: (12 * np.log2(hz / 100.0) - CENTRE_ST) / SCALE_ST
low, slipped = np.full(50, norm(150.0)), np.full(10, norm(300.0))
assert fold_octave_slips([low, slipped], [1, 1]) == 10 and np.allclose(slipped, norm(150.0), atol=1e-5), slipped
cfg = AudioConfig()
centres = _mel_to_hz(np.linspace(_hz_to_mel(cfg.f_min), _hz_to_mel(cfg.f_max), cfg.n_mels + 2))[1:-1]
nearest = lambda hz: int(np.abs(centres - hz).argmin())
prior = HarmonicPrior()
for f0 in (120.0, 150.0, 190.0):
    p = prior(torch.full((1, 1, 4), float(norm(f0))))[0, :, 0].detach().numpy()
    for h in (2, 3, 4):  # on a harmonic above half-way between two
        assert p[nearest(h * f0)] > p[nearest((h + 0.5) * f0)], (f0, h, p[:30].round(2))
print("pitch: octave slips folded, harmonic prior follows F0")
EOF
$PY training/train_acoustic.py --data "$WORK/acoustic.pt" --ckpt "$WORK/ckpt" --config tiny --steps 6 \
  --batch 4 --crop 32 --log-every 2 --save-every 3
# a second call must resume, not restart
$PY training/train_acoustic.py --data "$WORK/acoustic.pt" --ckpt "$WORK/ckpt" --config tiny --steps 8 \
  --batch 4 --crop 32 --log-every 2 | tee "$WORK/resume.log"
grep -q "resumed at step 6" "$WORK/resume.log"
$PY training/train_vocoder.py --corpus "$WORK/corpus" "$WORK/corpus_zh" --ckpt "$WORK/ckpt" --config tiny --steps 4 \
  --batch 2 --segment 4096 --log-every 2 --save-every 2
# fine-tune the vocoder on the acoustic model's own mels
$PY training/generate_mels.py --data "$WORK/acoustic.pt" --acoustic "$WORK/ckpt/acoustic_latest.pt" \
  --corpus "$WORK/corpus" "$WORK/corpus_zh" --out "$WORK/generated.pt" --per-speaker 3 --steps 2
$PY training/train_vocoder.py --corpus "$WORK/corpus" "$WORK/corpus_zh" --ckpt "$WORK/ckpt" --config tiny --steps 6 \
  --batch 2 --segment 4096 --log-every 2 --generated "$WORK/generated.pt" | tee "$WORK/finetune.log"
grep -q "vocoder step 6/6" "$WORK/finetune.log"
$PY training/export.py --acoustic "$WORK/ckpt/acoustic_latest.pt" --vocoder "$WORK/ckpt/vocoder_latest.pt" \
  --out "$WORK/package"
npx --no-install tsx inference/cli.ts --model "$WORK/package" --text "The recipe works." --out "$WORK/out.wav"
test -s "$WORK/out.wav"
# the committed package is the warm start: its weights read back exactly, and training continues from them
$PY training/export.py --from-package "$WORK/package" --out "$WORK/package2"
$PY training/train_acoustic.py --data "$WORK/acoustic.pt" --ckpt "$WORK/ckpt2" --steps 10 --batch 4 --crop 32 \
  --log-every 1 --init-from "$WORK/package" | tee "$WORK/warm.log"
grep -q "starting from given weights at step 8" "$WORK/warm.log"
grep -q "acoustic step 10/10" "$WORK/warm.log"
# without --config the package's own sizes: nothing re-initialised (`! cmd` would not stop `set -e`)
if grep -q "starting fresh" "$WORK/warm.log"; then echo "warm start re-initialised a part"; exit 1; fi
# a recorded corpus (audio + text, no durations) imported with durations by monotonic alignment search:
# 3 of the Mandarin wavs at 16 kHz stand in for recordings
mkdir -p "$WORK/recorded"
$PY - "$WORK" <<'EOF'
import json, sys
from pathlib import Path
work = Path(sys.argv[1])
recs = [json.loads(l) for l in (work / "corpus_zh/utterances.jsonl").read_text().splitlines() if l.strip()][:3]
(work / "recorded/metadata.csv").write_text("".join(f"{r['id']}|{r['text']}\n" for r in recs))
EOF
cut -d'|' -f1 "$WORK/recorded/metadata.csv" | while read -r id; do
  sox "$WORK/corpus_zh/wav/$id.wav" -r 16000 "$WORK/recorded/$id.wav"
done
$PY training/corpus/import_corpus.py --audio-dir "$WORK/recorded" --transcripts "$WORK/recorded/metadata.csv" \
  --speaker espeak_cmn --out "$WORK/corpus_rec" --acoustic "$WORK/ckpt/acoustic_latest.pt"
$PY -c "
import json, sys, scipy.io.wavfile as w
recs = [json.loads(l) for l in open(sys.argv[1] + '/utterances.jsonl')]
assert len(recs) == 3, len(recs)
for r in recs:
    sr, a = w.read(sys.argv[1] + '/' + r['wav'])
    assert sr == 22050 and len(r['symbols']) == len(r['durations_frames']), r['id']
    assert sum(r['durations_frames']) == len(a) // 256, (r['id'], sum(r['durations_frames']), len(a) // 256)
print('import: 3 records, durations sum to the mel frames')" "$WORK/corpus_rec"
$PY training/prepare_acoustic.py --corpus "$WORK/corpus_rec" --out "$WORK/acoustic_rec.pt" | tee "$WORK/prepare_rec.log"
grep -q "prepare: kept 3," "$WORK/prepare_rec.log"
echo "training smoke test: recipe → package → engine OK"
