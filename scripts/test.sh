#!/usr/bin/env bash
# npm test: every suite — unit, data layer on PGlite and on PostgreSQL, API, browser. Nothing is skipped:
# a missing PostgreSQL or Chromium is installed/started first, and if that fails the run fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-services.sh
echo "[test] module boundaries (dependency-cruiser)"
npx depcruise src web/src --config .dependency-cruiser.cjs --output-type err
echo "[test] building the web app"
npx vite build --logLevel warn
npx vitest run "$@"
