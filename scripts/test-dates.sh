#!/usr/bin/env bash
# The suite passes on any day, in any time zone (issue 14). Runs the unit and db suites under libfaketime at
# three dates — a new year's day in the first time zone to reach it (Pacific/Kiritimati, UTC+14), a leap day
# late in the evening in one of the last (America/Adak, UTC−10), and an ordinary summer day in Oslo — and the
# browser suite at the last of them. The app's clock, PGlite and Chromium all see the faked time; the
# PostgreSQL server keeps the real one, as a production database would next to a clock that is pinned.
#
#   bash scripts/test-dates.sh            # all three dates and the browser run
#   bash scripts/test-dates.sh 2028-02-29 # one of them
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v faketime >/dev/null 2>&1; then
  echo "[dates] installing Debian's faketime (libfaketime)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq faketime >/dev/null
fi
bash scripts/ensure-test-services.sh
[ -f dist/web/index.html ] || npx vite build --logLevel warn

only=${1:-}
failed=()
run() {
  local when=$1 zone=$2 projects=$3
  [ -z "$only" ] || [ "$only" = "${when%% *}" ] || return 0
  echo "[dates] $when in $zone: $projects"
  local args=()
  for project in $projects; do args+=(--project "$project"); done
  if ! TZ=$zone faketime "$when" npx vitest run "${args[@]}"; then failed+=("$when $zone")
  fi
}

run '2027-01-01 00:30:00' Pacific/Kiritimati 'unit db'
run '2028-02-29 23:30:00' America/Adak 'unit db'
run '2031-06-15 09:30:00' Europe/Oslo 'unit db browser'

if [ ${#failed[@]} -gt 0 ]; then
  echo "[dates] FAILED at: ${failed[*]}" >&2
  exit 1
fi
echo "[dates] every run passed"
