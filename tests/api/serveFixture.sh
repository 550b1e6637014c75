#!/usr/bin/env bash
# Serves the built app (next start) on 127.0.0.1:$PORT against a models folder for the API and browser
# tests: $TTS_MODEL_DIR if set, else a fresh folder with the tiny random-weight package as `default`
# (exported by the training recipe; TTS_FIXTURE_DIR reuses an existing export). With BROKEN_PACKAGE=1
# it also adds `broken/`, a copy whose vocoder fails its checksum (for the 503 path).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
: "${PORT:?PORT must be set}"
[ -f .next/BUILD_ID ] || { echo "serveFixture: no build; run 'npx next build' first" >&2; exit 1; }

if [ -z "${TTS_MODEL_DIR:-}" ]; then
  # One folder per port, replaced on every start: a server killed with SIGKILL (which skips the
  # clean-up trap below) leaves at most this one folder behind.
  MODELS="${TMPDIR:-/tmp}/index-tts-web-fixture-$PORT"
  rm -rf "$MODELS"
  mkdir -p "$MODELS"
  trap 'rm -rf "$MODELS"' EXIT
  if [ -n "${TTS_FIXTURE_DIR:-}" ] && [ -f "$TTS_FIXTURE_DIR/model.json" ]; then
    cp -r "$TTS_FIXTURE_DIR" "$MODELS/default"
  else
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 training/export.py --random-init --config tiny --out "$MODELS/default" >/dev/null
  fi
  node -e '
    const fs = require("fs"), [dir, id] = process.argv.slice(1), p = dir + "/model.json";
    const m = JSON.parse(fs.readFileSync(p, "utf8")); m.id = id; fs.writeFileSync(p, JSON.stringify(m, null, 1));
  ' "$MODELS/default" default
  if [ "${BROKEN_PACKAGE:-0}" = 1 ]; then
    cp -r "$MODELS/default" "$MODELS/broken"
    node -e '
      const fs = require("fs"), dir = process.argv[1], p = dir + "/model.json";
      const m = JSON.parse(fs.readFileSync(p, "utf8"));
      m.id = "broken"; m.name = "broken fixture"; m.speakers = m.speakers.map((s) => ({ ...s, id: "broken-voice", name: "Broken voice" }));
      fs.writeFileSync(p, JSON.stringify(m, null, 1));
      fs.appendFileSync(dir + "/vocoder.onnx", "corrupt");
    ' "$MODELS/broken"
  fi
  export TTS_MODEL_DIR="$MODELS"
fi
echo "serveFixture: models in $TTS_MODEL_DIR, http://127.0.0.1:$PORT"
export NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
# Not exec: the EXIT trap removes the temporary models folder when the server stops.
node node_modules/next/dist/bin/next start -p "$PORT" -H 127.0.0.1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "${MODELS:-/nonexistent}"' EXIT TERM INT
wait $SERVER
