#!/usr/bin/env bash
# The whole test suite against real services: PostgreSQL, Elasticsearch and headless Chromium, then the
# embedded default (SQLite, database search) once more. Called by `make test`; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
on_ci=${CI:-false}

# Services are installed and started here, never assumed. Outside CI without root they are optional:
# their tests then skip (under CI=true they fail instead, see tests/conftest.py).
if [ "$(id -u)" = 0 ] || [ "$on_ci" = true ]; then
  scripts/packages.sh
fi

cleanup() { scripts/elasticsearch.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

if command -v pg_ctlcluster >/dev/null 2>&1; then
  DATABASE_URL=$(scripts/postgres.sh start)
  export DATABASE_URL
fi
if scripts/elasticsearch.sh start; then
  export ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT:-9200}"
elif [ "$on_ci" = true ]; then
  echo "test.sh: Elasticsearch did not start" >&2
  exit 1
fi
export SEARCH_INDEX_PREFIX="doorbraak-test-$$"

database=SQLite
[ -n "${DATABASE_URL:-}" ] && database=PostgreSQL
echo "== test suite on $database${ELASTICSEARCH_URL:+ with Elasticsearch}${CHROMIUM_PATH:+ and Chromium} =="
"$PY" -m pytest "$@"

if [ -n "${DATABASE_URL:-}" ]; then
  echo "== test suite on the embedded default (SQLite, database search) =="
  # Browser and Elasticsearch tests already ran above; here the database paths get their turn.
  DATABASE_URL= ELASTICSEARCH_URL= "$PY" -m pytest -m "not browser and not elasticsearch and not postgres" "$@"
fi
