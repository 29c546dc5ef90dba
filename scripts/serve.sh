#!/usr/bin/env bash
# The production-like stack from a fresh clone: PostgreSQL, Elasticsearch, gunicorn + WhiteNoise, the anonymity
# checker, the search and task workers and the scheduler, with doorbraak.settings.production (DEBUG off).
#   scripts/serve.sh [PROCESS ...]   (default: every process in Procfile that has what it needs)
# Environment (all optional): DATABASE_URL (default: the local PostgreSQL, database doorbraak_serve),
# ELASTICSEARCH_URL (default: the local node of scripts/elasticsearch.sh; SERVE_SEARCH=0 for database search),
# PORT (8000), WEB_CONCURRENCY (3), SECRET_KEY (default: made once in var/secret_key), ALLOWED_HOSTS,
# SERVE_DEMO (1: load the fictional demo content when the database has no cases).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(PG_DB=${SERVE_DB:-doorbraak_serve} scripts/postgres.sh start)
fi
if [ -z "${ELASTICSEARCH_URL:-}" ] && [ "${SERVE_SEARCH:-1}" = 1 ]; then
  ELASTICSEARCH_URL=$(scripts/elasticsearch.sh start)
fi
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s var/secret_key ] || (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key)
  SECRET_KEY=$(cat var/secret_key)
fi
export DATABASE_URL ELASTICSEARCH_URL SECRET_KEY
export DJANGO_SETTINGS_MODULE=doorbraak.settings.production
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,127.0.0.1}
# Locally there is no TLS proxy in front: no redirect to https. Behind a real proxy leave this unset (true).
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
export PORT=${PORT:-8000}
export ANONYMITY_PORT=${ANONYMITY_PORT:-8765}
export TASKS_BACKEND=django_tasks_db.DatabaseBackend
export PYTHONUNBUFFERED=1

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
if [ "${SERVE_DEMO:-1}" = 1 ] && [ "$("$PY" manage.py shell -v 0 -c 'from casebook.models import CasePage; print(CasePage.objects.exists())')" = False ]; then
  "$PY" manage.py load_demo  # in-process anonymity check: the checker is not up yet
fi
export ANONYMITY_CHECK_URL=http://127.0.0.1:$ANONYMITY_PORT

if [ $# -eq 0 ]; then
  set -- web anonymity tasks scheduler
  [ -n "$ELASTICSEARCH_URL" ] && set -- "$@" search
fi
echo "serve.sh: http://127.0.0.1:$PORT/ ($*)" >&2
exec .venv/bin/honcho -f Procfile start "$@"
