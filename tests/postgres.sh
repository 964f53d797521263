#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: the machine image's PostgreSQL 15 (initdb and pg_ctl under
# /usr/lib/postgresql/<version>/bin), in a temporary data directory, on a free loopback port, as an unprivileged user
# (the postgres account when run as root), never as a system service. The command gets the server's connection
# string in CONVENTIONS_TEST_POSTGRES (and PG_PORT, PG_BIN); the server and its files are removed when it ends.
#
#   tests/postgres.sh dotnet test --no-build --filter 'Database!=Sqlite'   # the PostgreSQL lane of the HTTP suites
#   PG_DURABLE=1 tests/postgres.sh <command>                              # fsync and synchronous commit on (benchmarks)
set -euo pipefail

bin="${PG_BIN:-}"
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "PostgreSQL's server binaries (initdb, pg_ctl) are required: apt-get install postgresql." >&2
    exit 1
  fi
fi

# initdb refuses root: as root, the server runs as the postgres account (created by Debian's package).
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_user=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/conventions-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as_user[@]} -gt 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cleanup() {
  "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U conventions -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "${PG_DURABLE:-0}" = "1" ]; then durability=""; fi
"${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=${PG_MAX_CONNECTIONS:-600} -c shared_buffers=256MB $durability" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export PG_BIN="$bin" PG_PORT="$port"
export CONVENTIONS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=conventions;Database=postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
set +e
"$@"
status=$?
set -e
exit $status
