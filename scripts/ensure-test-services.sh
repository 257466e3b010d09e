#!/usr/bin/env bash
# Makes sure the test suite's real services exist: a PostgreSQL server on 127.0.0.1:5432 (trust auth, database
# `test`) and Debian's Chromium for the browser tests. Installs them from Debian's packages when missing.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "[test] installing PostgreSQL from Debian's packages"
  apt_install postgresql
fi
if ! pg_ready; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "[test] starting PostgreSQL $version"
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # A fresh install asks for passwords on TCP; the test server is local-only, so trust loopback.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "[test] PostgreSQL is not reachable on $PG_HOST:$PG_PORT" >&2; exit 1; }
if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'create database test' >/dev/null
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's Chromium for the browser tests"
  apt_install chromium
fi

if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "[test] installing Debian's poppler-utils (pdftoppm, pdftotext) for the PDF report test"
  apt_install poppler-utils
fi
