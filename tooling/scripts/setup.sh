#!/usr/bin/env bash
# Installs everything Ballast needs on a fresh machine of our kind (Node 20, Debian, no network but the
# npm registry and Debian's packages). Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/../.."

# pnpm: corepack cannot fetch it here, npm can.
if [ "$(pnpm --version 2>/dev/null)" != "12.4.2" ]; then
  npm i -g pnpm@12.4.2 >/dev/null
fi

# PostgreSQL runs on every machine of this kind; start it if it stopped (tests create their own databases).
if command -v pg_ctlcluster >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi

# Debian's Chromium drives the admin app's browser tests (a test tool cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing; install Debian's chromium package for the browser tests" >&2
  fi
fi

# better-sqlite3 compiles from source: node-gyp cannot download Node's headers offline, so point it at the
# system's copy. pnpm ignores `nodedir` in .npmrc, only the environment variable works.
npm_config_nodedir="${npm_config_nodedir:-/usr}" pnpm install --reporter=append-only
