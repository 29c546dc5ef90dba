#!/usr/bin/env bash
# PostgreSQL from Debian's packages for the production-like test run.
#   scripts/postgres.sh start   → starts the cluster, ensures role and database, prints the DATABASE_URL
#   scripts/postgres.sh stop
set -euo pipefail

PG_USER=${PG_USER:-doorbraak}
PG_PASSWORD=${PG_PASSWORD:-doorbraak-test}
PG_DB=${PG_DB:-doorbraak}
PG_PORT=${PG_PORT:-5432}

cluster() {
  # The newest installed major version's "main" cluster (Debian creates it on install).
  pg_lsclusters --no-header | awk '$2 == "main" {print $1}' | sort -n | tail -1
}

case "${1:-}" in
  start)
    version=$(cluster)
    if [ -z "$version" ]; then
      echo "postgres.sh: no PostgreSQL cluster; run scripts/packages.sh first" >&2
      exit 1
    fi
    # Only the URL goes to stdout: callers capture it.
    pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
    for _ in $(seq 1 30); do
      runuser -u postgres -- pg_isready -q -p "$PG_PORT" && break
      sleep 1
    done
    runuser -u postgres -- psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END \$\$;
SQL
    runuser -u postgres -- psql -q -p "$PG_PORT" -tc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'" | grep -q 1 \
      || runuser -u postgres -- createdb -p "$PG_PORT" -O "$PG_USER" "$PG_DB"
    echo "postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${PG_DB}"
    ;;
  stop)
    version=$(cluster)
    [ -n "$version" ] && pg_ctlcluster "$version" main stop 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
