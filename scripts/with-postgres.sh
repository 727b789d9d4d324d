#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL 15 cluster (Debian binaries) that this
# script creates in a temp folder, starts on a free port, and stops and deletes afterwards.
# Usage: scripts/with-postgres.sh <command> [args…]
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "Installing PostgreSQL 15 (Debian packages)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_DIR=$(mktemp -d /tmp/motcua-pg.XXXXXX)
PG_USER=postgres
if [ "$(id -u)" = 0 ]; then
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
  chown "$PG_USER" "$PG_DIR"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run_as_pg() { if [ "$(id -u)" = 0 ]; then su "$PG_USER" -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
stop_pg() { run_as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
run_as_pg "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o \"-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTIONS:-}\" start" >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export PG_BIN
# The same server over its Unix socket (no TCP): `postgres://postgres@/postgres?host=$PG_SOCKET_DIR&port=$PG_PORT`.
export PG_SOCKET_DIR="$PG_DIR" PG_PORT="$PORT"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT"
"$@"
