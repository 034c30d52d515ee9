#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 and
# UNIONOFFICE_TEST_POSTGRES pointing at it, so the storage, service and CLI tests run against
# PostgreSQL as well as SQLite. Installs Debian's postgresql when missing (root only).
#   bash scripts/with-postgres.sh bash scripts/test.sh
set -euo pipefail

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PORT=${UNIONOFFICE_PG_PORT:-55432}
PGDATA=$(mktemp -d /tmp/unionoffice-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$PGDATA"
  RUN_AS=(runuser -u postgres --)
fi

"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA/data" -A trust -U postgres -E UTF8 >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA/data" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
stop_server() {
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast -w stop >/dev/null || true
  rm -rf "$PGDATA"
}
trap stop_server EXIT

export UNIONOFFICE_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT for the tests"
"$@"
