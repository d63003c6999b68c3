#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on loopback, in a folder of its own.
#
#   setup-postgres.sh start DIR PORT   initdb DIR/data, start a server on 127.0.0.1:PORT (Unix socket in DIR/socket),
#                                      with superuser "pipelines" (password from $PIPELINES_PG_PASSWORD, required over TCP)
#                                      and an empty database "trials"; prints "ready" when it accepts connections.
#   setup-postgres.sh stop DIR         stops the server (immediately) and removes DIR.
#
# Needs Debian's postgresql package (the tests install it first: tests/Pipelines.Testing/DebianPackages.cs). PostgreSQL
# refuses to run as root, so as root the server runs as the unprivileged "postgres" user (made by the package; created
# here if missing) through runuser. Fails with a message saying what to do when the server cannot be set up.
set -euo pipefail

action=${1:?usage: setup-postgres.sh start DIR PORT | stop DIR}
dir=${2:?usage: setup-postgres.sh start DIR PORT | stop DIR}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=${3:?usage: setup-postgres.sh start DIR PORT}
    password=${PIPELINES_PG_PASSWORD:?set PIPELINES_PG_PASSWORD to the password the test user gets}
    bin=$(find_bin)
    if [ -z "$bin" ]; then
      echo "PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin or on PATH; run 'sudo apt-get install postgresql' (Debian)." >&2
      exit 3
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir/socket"
    pwfile="$dir/pwfile"
    (umask 077; printf '%s\n' "$password" > "$pwfile")
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$dir"; chmod 755 "$dir"; fi
    as_server_user "$bin/initdb" -D "$dir/data" -U pipelines --pwfile="$pwfile" -E UTF8 --locale=C \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
      || { echo "initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 4; }
    rm -f "$pwfile"
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
      start >/dev/null \
      || { echo "the server did not start:" >&2; cat "$dir/server.log" >&2; exit 5; }
    as_server_user "$bin/createdb" -h "$dir/socket" -p "$port" -U pipelines trials \
      || { echo "createdb failed:" >&2; cat "$dir/server.log" >&2; exit 6; }
    echo ready
    ;;
  stop)
    bin=$(find_bin)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: setup-postgres.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
