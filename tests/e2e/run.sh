#!/usr/bin/env bash
# Browser tests: needs a build (npx next build) and Debian's chromium (apt-get install -y chromium).
# Without TTS_BASE_URL the Playwright config serves the build against the tiny fixture package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NEXT_TELEMETRY_DISABLED=1
exec npx --no-install playwright test "$@"
