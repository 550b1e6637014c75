#!/usr/bin/env bash
# API tests: needs a build (npx next build). Without TTS_BASE_URL they start their own server on a free
# port against the tiny fixture package (plus a broken package for the 503 path).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NEXT_TELEMETRY_DISABLED=1
exec npx --no-install vitest run --config tests/api/vitest.config.ts "$@"
