#!/usr/bin/env bash
# index-tts-web launcher: check prerequisites, install, build, fetch models, serve.
#
#   bash start_app.sh               everything, then serve on $HOST:$PORT (default 127.0.0.1:7860)
#   bash start_app.sh --setup-only  everything except serving (install / upgrade / CI)
#   bash start_app.sh --no-setup    serve only; refuses to start if the install or build is stale
#                                   (what the systemd unit runs: it cannot write node_modules/ or .next/)
#
# Environment: PORT, HOST, TTS_MODELS, SLACK_WEBHOOK_URL, PUBLIC_URL, LOG_DIR, SHUTDOWN_TIMEOUT,
# ONNXRUNTIME_NODE_INSTALL (set it to override the GPU detection below). See README.md.
set -euo pipefail

# Debian packages the product needs at run time (space separated; may be empty).
APT_PACKAGES=""

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

MODE=serve
SETUP=1
case "${1:-}" in
  "") ;;
  --setup-only) MODE=setup ;;
  --no-setup) SETUP=0 ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "start_app.sh: unknown option '$1' (use --setup-only, --no-setup or --help)" >&2; exit 64 ;;
esac

PORT="${PORT:-7860}"
HOST="${HOST:-127.0.0.1}"
LOG_DIR="${LOG_DIR:-$ROOT/logs}"
SHUTDOWN_TIMEOUT="${SHUTDOWN_TIMEOUT:-15}"
INSTALL_STAMP="node_modules/.index-tts-install"
BUILD_STAMP=".next/.index-tts-build"
LAUNCH_MS="$(date +%s%3N)"

log() { printf '[start_app %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[start_app %s] ERROR: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; exit "${2:-1}"; }

mkdir -p "$LOG_DIR" || die "cannot create the log directory $LOG_DIR"
# Everything this script and the server print goes to the terminal (or journald) and to the log file.
exec > >(tee -a "$LOG_DIR/index-tts.log") 2>&1

# ---------------------------------------------------------------- prerequisites
check_prerequisites() {
  command -v node >/dev/null 2>&1 \
    || die "Node.js is not installed. index-tts-web needs Node.js >= 20 (https://nodejs.org/en/download, or NodeSource's Debian packages)."
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" -ge 20 ] \
    || die "Node.js $(node -v) is too old. index-tts-web needs Node.js >= 20."
  command -v npm >/dev/null 2>&1 \
    || die "npm is not installed. Install it with Node.js (on Debian: apt-get install -y npm)."
  [[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] \
    || die "PORT must be a number between 1 and 65535 (got '$PORT')." 64
}

install_system_packages() {
  [ -n "${APT_PACKAGES// /}" ] || return 0
  if ! command -v dpkg-query >/dev/null 2>&1; then
    log "not a Debian-based system: make sure these are installed: $APT_PACKAGES"
    return 0
  fi
  local missing="" pkg
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  [ -n "$missing" ] || return 0
  if [ "$(id -u)" -eq 0 ]; then
    log "installing system packages:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  else
    die "missing system packages:$missing. Install them with:
    sudo apt-get install -y --no-install-recommends$missing"
  fi
}

# ---------------------------------------------------------------- npm install
# onnxruntime-node's postinstall downloads the CUDA execution provider. Useful only with an NVIDIA GPU,
# and it fails offline, so we skip it unless a GPU answers nvidia-smi (or the user decided already).
decide_onnxruntime_install() {
  if [ -n "${ONNXRUNTIME_NODE_INSTALL:-}" ]; then
    log "onnxruntime-node: ONNXRUNTIME_NODE_INSTALL=$ONNXRUNTIME_NODE_INSTALL (set by you)"
  elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then
    log "onnxruntime-node: NVIDIA GPU found, its postinstall will download the CUDA execution provider"
  else
    export ONNXRUNTIME_NODE_INSTALL=skip
    log "onnxruntime-node: no NVIDIA GPU, using the CPU build (ONNXRUNTIME_NODE_INSTALL=skip)"
  fi
}

# Stamp: "<lockfile and node version> ort=<onnxruntime-node install mode>".
install_stamp_value() {
  echo "lock=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node=$(node -v) ort=${ONNXRUNTIME_NODE_INSTALL:-cuda}"
}

install_is_current() {
  [ -f "$INSTALL_STAMP" ] && [ "$(cat "$INSTALL_STAMP")" = "$(install_stamp_value)" ]
}

npm_install() {
  decide_onnxruntime_install
  local wanted previous=""
  wanted="$(install_stamp_value)"
  [ -f "$INSTALL_STAMP" ] && previous="$(cat "$INSTALL_STAMP")"
  if [ "$previous" = "$wanted" ]; then
    log "dependencies: up to date with package-lock.json"
    return 0
  fi
  if [ -n "$previous" ] && [ -d node_modules/onnxruntime-node ] && [ "${previous% ort=*}" = "${wanted% ort=*}" ]; then
    # Same packages, GPU situation changed: only onnxruntime-node's postinstall needs to run again.
    log "dependencies: onnxruntime-node install mode changed, npm rebuild onnxruntime-node ..."
    npm rebuild onnxruntime-node --loglevel=error || die "npm rebuild onnxruntime-node failed (see the output above)."
  else
    log "dependencies: npm install (first run or package-lock.json changed) ..."
    npm install --no-audit --no-fund --loglevel=error || die "npm install failed (see the output above)."
  fi
  # stamped after the install: npm may rewrite package-lock.json (entries for other platforms' optional
  # packages), and the next start must see what is on disk now
  install_stamp_value > "$INSTALL_STAMP"
}

# ---------------------------------------------------------------- next build
# The build is current when nothing it compiles has changed since the last successful build.
build_stamp_value() {
  local d f
  {
    for d in app components lib inference public; do
      if [ -d "$d" ]; then find "$d" -type f; fi
    done | LC_ALL=C sort
    for f in next.config.* tsconfig.json postcss.config.* package-lock.json; do
      if [ -f "$f" ]; then echo "$f"; fi
    done
  } | while IFS= read -r f; do sha256sum "$f"; done | sha256sum | cut -d' ' -f1
}

build_is_current() {
  [ -f .next/BUILD_ID ] && [ -f "$BUILD_STAMP" ] && [ "$(cat "$BUILD_STAMP")" = "$(build_stamp_value)" ]
}

next_build() {
  if build_is_current; then
    log "build: up to date"
    return 0
  fi
  log "build: next build (missing or stale) ..."
  local t0=$SECONDS
  NEXT_TELEMETRY_DISABLED=1 node node_modules/next/dist/bin/next build || die "next build failed (see the output above)."
  build_stamp_value > "$BUILD_STAMP"
  log "build: done in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------- models
fetch_models() {
  local manifest="${TTS_MODELS_MANIFEST:-cache_hub/models.manifest.json}"
  if [ -z "${TTS_MODELS:-}" ] && ! grep -Eq '"optional"[[:space:]]*:[[:space:]]*false' "$manifest" 2>/dev/null; then
    log "models: bundled default voice only (set TTS_MODELS to download more, see cache_hub/models.manifest.json)"
    return 0
  fi
  # Any failure (offline, bad checksum, ...) is reported and the service starts with what it has.
  node node_modules/tsx/dist/cli.mjs lib/launcher/fetchModels.ts \
    || log "models: download incomplete; starting with the bundled default voice and any verified packages"
}

# ---------------------------------------------------------------- serve
port_is_free() {
  node -e '
    const s = require("net").createServer();
    s.once("error", (e) => process.exit(e.code === "EADDRINUSE" || e.code === "EACCES" ? 1 : 2));
    s.listen(Number(process.argv[1]), process.argv[2], () => s.close(() => process.exit(0)));
  ' "$PORT" "$HOST"
}

serve() {
  port_is_free || die "port $PORT on $HOST is already in use (or not allowed). Stop whatever holds it, or pick another port: PORT=$((PORT + 1)) bash start_app.sh" 2

  export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT HOST
  export INDEX_TTS_LAUNCH_MS="$LAUNCH_MS"
  log "starting index-tts-web on http://$HOST:$PORT (logs: $LOG_DIR/index-tts.log)"
  node node_modules/next/dist/bin/next start -p "$PORT" -H "$HOST" &
  local server_pid=$!

  # Waits for /api/health, prints the URL, and posts the Slack notice when SLACK_WEBHOOK_URL is set.
  # It runs beside the server so a slow or failing webhook can never hold the service up.
  node node_modules/tsx/dist/cli.mjs lib/launcher/announceStartup.ts &
  local announcer_pid=$!

  shutdown() {
    log "stopping (signal received): giving in-flight requests up to ${SHUTDOWN_TIMEOUT} s"
    kill -TERM "$announcer_pid" 2>/dev/null || true
    kill -TERM "$server_pid" 2>/dev/null || true
    local deadline=$((SECONDS + SHUTDOWN_TIMEOUT))
    while kill -0 "$server_pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$server_pid" 2>/dev/null; then
      log "server did not stop within ${SHUTDOWN_TIMEOUT} s: killing it"
      kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    log "stopped"
    exit 0
  }
  trap shutdown TERM INT

  local rc=0
  wait "$server_pid" || rc=$?
  kill -TERM "$announcer_pid" 2>/dev/null || true
  die "the server exited on its own with code $rc (see the log above)" "$(( rc == 0 ? 1 : rc ))"
}

check_prerequisites
if [ "$SETUP" -eq 1 ]; then
  install_system_packages
  npm_install
  next_build
else
  decide_onnxruntime_install >/dev/null
  install_is_current || die "dependencies are not installed or out of date: run 'bash start_app.sh --setup-only' in $ROOT first."
  build_is_current || die "the build is missing or out of date: run 'bash start_app.sh --setup-only' in $ROOT first."
fi
fetch_models
if [ "$MODE" = setup ]; then
  log "setup complete"
  exit 0
fi
serve
