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
$PY training/prepare_acoustic.py --corpus "$WORK/corpus" --out "$WORK/acoustic.pt"
$PY training/train_acoustic.py --data "$WORK/acoustic.pt" --ckpt "$WORK/ckpt" --config tiny --steps 6 \
  --batch 4 --crop 32 --log-every 2 --save-every 3
# a second call must resume, not restart
$PY training/train_acoustic.py --data "$WORK/acoustic.pt" --ckpt "$WORK/ckpt" --config tiny --steps 8 \
  --batch 4 --crop 32 --log-every 2 | tee "$WORK/resume.log"
grep -q "resumed at step 6" "$WORK/resume.log"
$PY training/train_vocoder.py --corpus "$WORK/corpus" --ckpt "$WORK/ckpt" --config tiny --steps 4 \
  --batch 2 --segment 4096 --log-every 2 --save-every 2
$PY training/export.py --acoustic "$WORK/ckpt/acoustic_latest.pt" --vocoder "$WORK/ckpt/vocoder_latest.pt" \
  --out "$WORK/package"
npx --no-install tsx inference/cli.ts --model "$WORK/package" --text "The recipe works." --out "$WORK/out.wav"
test -s "$WORK/out.wav"
echo "training smoke test: recipe → package → engine OK"
