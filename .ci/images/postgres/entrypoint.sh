#!/bin/sh
# First start: initdb with the requested superuser and password, create the database.
# Every start: run the server in the foreground as PID 1 (SIGINT = fast shutdown).
set -eu
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
USER_NAME=${POSTGRES_USER:-postgres}
DB_NAME=${POSTGRES_DB:-$USER_NAME}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  PWFILE=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$PWFILE"
  "$BIN/initdb" -D "$PGDATA" -U "$USER_NAME" --pwfile="$PWFILE" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$PWFILE"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$DB_NAME" != postgres ]; then
    "$BIN/postgres" --single -D "$PGDATA" -j postgres >/dev/null <<SQL
CREATE DATABASE "$DB_NAME" OWNER "$USER_NAME";
SQL
  fi
fi
exec "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
