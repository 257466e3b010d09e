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
pg_trusts() { psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; }

ensure_postgres() {
  local installed_here=0 version hba line allowed answer
  if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "[test] installing PostgreSQL from Debian's packages"
    apt_install postgresql
    installed_here=1
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_ready; then
    echo "[test] starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  fi
  pg_ready || { echo "[test] PostgreSQL is not reachable on $PG_HOST:$PG_PORT" >&2; exit 1; }

  # The tests log in as `postgres` over TCP without a password. A fresh Debian install asks for one, so the
  # loopback address must be trusted. This script changes pg_hba.conf only on a server it owns: one it just
  # installed, or in CI (CI=true, a throwaway machine). Anywhere else it asks, or says what to do and stops.
  if ! pg_trusts; then
    hba=/etc/postgresql/$version/main/pg_hba.conf
    line='host all all 127.0.0.1/32 trust'
    allowed=0
    if [ "$installed_here" = 1 ]; then
      echo "[test] PostgreSQL was just installed for the tests: trusting 127.0.0.1 in $hba"; allowed=1
    elif [ "${CI:-}" = true ]; then
      echo "[test] CI=true: trusting 127.0.0.1 in $hba so the tests can log in without a password"; allowed=1
    elif [ -t 0 ]; then
      read -r -p "[test] PostgreSQL on $PG_HOST:$PG_PORT asks for a password. Add '$line' to $hba? [y/N] " answer
      case "$answer" in [yY]*) allowed=1 ;; esac
    fi
    if [ "$allowed" = 0 ]; then
      echo "[test] PostgreSQL on $PG_HOST:$PG_PORT does not let user postgres in without a password." >&2
      echo "[test] The tests need a trusted local server: add '$line' at the top of $hba and reload" >&2
      echo "[test] (pg_ctlcluster $version main reload), or point the tests at a server that does with" >&2
      echo "[test] STYR_TEST_DATABASE_URL=postgres://user@host:port/db." >&2
      exit 1
    fi
    as_root sed -i "1i $line" "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    for _ in $(seq 1 10); do pg_trusts && break; sleep 1; done
    pg_trusts || { echo "[test] PostgreSQL still refuses user postgres from $PG_HOST after the change" >&2; exit 1; }
  fi
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'create database test' >/dev/null
  fi
}

if [ -n "${STYR_TEST_DATABASE_URL:-}" ]; then
  echo "[test] using the PostgreSQL server of STYR_TEST_DATABASE_URL"
else
  ensure_postgres
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's Chromium for the browser tests"
  apt_install chromium
fi

if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "[test] installing Debian's poppler-utils (pdftoppm, pdftotext) for the PDF report test"
  apt_install poppler-utils
fi
