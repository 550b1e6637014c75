#!/usr/bin/env bash
# THE test command for index-tts-web: bash tests/run.sh
# Works on a fresh Debian 12 machine as root with only Node >= 20: installs the system packages, the
# npm dependencies and the build, then runs every suite. Ends with "N passed, N failed" (suites) and
# exits non-zero if any suite failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# SWITCH (nginx against the real app): tests/ops/nginxProxy.test.ts always runs nginx in front of a node
# server imitating the streaming route; with 1 (default) it also runs in front of the running app
# (REAL_APP_STREAM_REQUEST in that file). 0 turns the real-app run off.
NGINX_AGAINST_REAL_APP="${NGINX_AGAINST_REAL_APP:-1}"

# Debian packages the suites need: browser, proxy, systemd-analyze, logrotate, and the training smoke test's
# teacher voice, recogniser and PyTorch stack.
APT_TEST_PACKAGES="ca-certificates openssl procps chromium nginx systemd logrotate \
  festival festvox-us-slt-hts sox pocketsphinx pocketsphinx-en-us \
  python3-torch python3-numpy python3-scipy python3-onnx espeak-ng wordnet-base fonts-wqy-microhei"

TEST_PORT="${TEST_PORT:-17860}"
ARTIFACTS="$ROOT/tests/artifacts"
SUITE_TIMEOUT="${SUITE_TIMEOUT:-1800}" # seconds; a hung suite fails instead of eating the CI budget
export CI=1 NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ONNXRUNTIME_NODE_INSTALL=skip
export OPENBLAS_NUM_THREADS=1 # shared with training on small machines; keeps BLAS from oversubscribing
mkdir -p "$ARTIFACTS"

PASSED=()
FAILED=()
SKIPPED=()
RUN_START=$SECONDS

section() { printf '\n==== %s  [%s, +%ds]\n' "$1" "$(date -u +%H:%M:%S)" "$((SECONDS - RUN_START))"; }

# suite NAME COMMAND...: runs one suite, records the result in LAST_RC, never stops the run.
# External commands run under a time limit; shell functions (which change this shell's state) directly.
LAST_RC=0
suite() {
  local name="$1" t0=$SECONDS rc=0
  shift
  section "$name"
  if declare -F "$1" >/dev/null; then
    "$@" || rc=$?
  else
    timeout --kill-after=30 "$SUITE_TIMEOUT" "$@" || rc=$?
  fi
  LAST_RC=$rc
  if [ "$rc" -eq 0 ]; then
    PASSED+=("$name")
    printf -- '---- %s: PASSED in %ds\n' "$name" "$((SECONDS - t0))"
  else
    FAILED+=("$name")
    printf -- '---- %s: FAILED (exit %d) after %ds\n' "$name" "$rc" "$((SECONDS - t0))"
  fi
}

skip() {
  SKIPPED+=("$1 ($2)")
  section "$1"
  printf -- '---- %s: SKIPPED, %s\n' "$1" "$2"
}

summary() {
  section "summary"
  local s
  for s in "${PASSED[@]}"; do echo "  passed   $s"; done
  for s in "${FAILED[@]}"; do echo "  FAILED   $s"; done
  for s in "${SKIPPED[@]}"; do echo "  skipped  $s"; done
  echo "total time $((SECONDS - RUN_START)) s"
  echo "${#PASSED[@]} passed, ${#FAILED[@]} failed"
  [ "${#FAILED[@]}" -eq 0 ]
}

install_system_packages() {
  local missing="" pkg
  for pkg in $APT_TEST_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -z "$missing" ]; then
    echo "all test system packages present"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing system packages:$missing; install them as root with:"
    echo "  apt-get update && apt-get install -y --no-install-recommends$missing"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
}

# ---------------------------------------------------------------- the app as start_app.sh runs it
SERVER_PID=""
APP_URL=""
start_server() {
  PORT="$TEST_PORT" HOST=127.0.0.1 LOG_DIR="$ARTIFACTS/server-logs" TTS_MODELS="" SLACK_WEBHOOK_URL="" \
    bash start_app.sh --no-setup >/dev/null 2>&1 &
  SERVER_PID=$!
  echo "launcher pid $SERVER_PID, log: $ARTIFACTS/server-logs/index-tts.log"
  APP_URL="http://127.0.0.1:$TEST_PORT"
  # Wait for the first answer of /api/health; it must be 200 (a usable model package).
  node -e '
    const url = process.argv[1] + "/api/health", deadline = Date.now() + 180000;
    (async () => {
      while (Date.now() < deadline) {
        let r;
        try { r = await fetch(url); } catch { await new Promise((ok) => setTimeout(ok, 500)); continue; }
        const body = await r.text();
        if (r.ok) { console.log("server ready: " + url); return; }
        console.error("GET " + url + " answered " + r.status + ": " + body.slice(0, 500)); process.exit(1);
      }
      console.error("server did not answer " + url); process.exit(1);
    })();' "$APP_URL" || { tail -n 40 "$ARTIFACTS/server-logs/index-tts.log" 2>/dev/null; return 1; }
}

# SIGTERM must stop the launcher with exit code 0 (the clean shutdown the systemd unit relies on).
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  local rc=0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" || rc=$?
  SERVER_PID=""
  echo "launcher exited with $rc after SIGTERM"
  [ "$rc" -eq 0 ]
}
trap 'if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi' EXIT

# ---------------------------------------------------------------- the run
suite "system packages (apt)" install_system_packages
# npm install (ONNXRUNTIME_NODE_INSTALL=skip, not npm ci: it fails without other platforms' optional
# packages) and next build, through the launcher so its install/build stamps are what the tests reuse.
suite "npm install + next build (start_app.sh --setup-only)" env TTS_MODELS="" bash start_app.sh --setup-only
if [ ! -f node_modules/.index-tts-install ]; then
  echo "dependencies are not installed: nothing else can run"
  summary
  exit 1
fi
suite "typecheck (tsc --noEmit)" npx --no-install tsc --noEmit
suite "unit + engine (vitest)" npx --no-install vitest run

if [ -f .next/BUILD_ID ]; then
  # The api and e2e suites start their own server on fixture models (tests/api/serveFixture.sh);
  # TTS_BASE_URL=http://host:port points them at a running one instead.
  if [ -f tests/api/vitest.config.ts ]; then
    suite "api (vitest against a running server)" npx --no-install vitest run --config tests/api/vitest.config.ts
  else
    skip "api" "tests/api/vitest.config.ts not present"
  fi
  if [ -f playwright.config.ts ]; then
    suite "e2e (Playwright, Debian chromium)" npx --no-install playwright test
  else
    skip "e2e" "playwright.config.ts not present"
  fi

  # The product as users start it: start_app.sh with the bundled voice must answer /api/health 200,
  # serve behind nginx, and stop with exit 0 on SIGTERM.
  suite "app server start (start_app.sh --no-setup, bundled voice)" start_server
  if [ -n "$SERVER_PID" ] && [ "$LAST_RC" -eq 0 ]; then
    if [ "$NGINX_AGAINST_REAL_APP" = 1 ]; then
      suite "ops: nginx in front of the real app" env NGINX_TEST_APP_URL="$APP_URL" \
        npx --no-install vitest run --config tests/ops/vitest.config.ts tests/ops/nginxProxy.test.ts
    fi
    suite "app server stop (SIGTERM → exit 0)" stop_server
  elif [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
else
  skip "api, e2e, app server" "no build"
fi

suite "ops (downloader, Slack, launcher, systemd, nginx)" npx --no-install vitest run --config tests/ops/vitest.config.ts

# The lead's training recipe smoke test (tiny corpus, few steps, export, load in onnxruntime-node).
if [ -f training/smoke_test.sh ]; then
  suite "training smoke test" bash training/smoke_test.sh
else
  skip "training smoke test" "training/smoke_test.sh not present"
fi

summary
