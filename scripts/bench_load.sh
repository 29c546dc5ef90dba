#!/usr/bin/env bash
# make bench-load: the production-like stack (scripts/serve.sh) on its own database and index prefix, LOAD_N
# generated cases (default 100,000) added to its search index, then bench/load_bench.py against 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PORT=${LOAD_PORT:-8095} ANONYMITY_PORT=${LOAD_ANONYMITY_PORT:-8795}
export SERVE_DB=${LOAD_DB:-doorbraak_load} SEARCH_INDEX_PREFIX=${LOAD_PREFIX:-bench-load}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
# One client address makes every request: the per-address API limit would measure itself, not the site.
export API_RATE=1000000/m
if [ -z "${ELASTICSEARCH_URL:-}" ]; then ELASTICSEARCH_URL=$(scripts/elasticsearch.sh start); fi
export ELASTICSEARCH_URL
mkdir -p var
scripts/serve.sh web search tasks > var/bench-load-stack.log 2>&1 &
stack=$!
trap 'kill -- -$stack 2>/dev/null || kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  kill -0 "$stack" 2>/dev/null || { tail -30 var/bench-load-stack.log >&2; exit 1; }
  sleep 1
done
export DATABASE_URL=$(PG_DB=$SERVE_DB scripts/postgres.sh start)
export DJANGO_SETTINGS_MODULE=doorbraak.settings.dev DEBUG=false  # default password hashers, as the stack
cases=$("$PY" manage.py shell -v 0 -c '
from django.contrib.auth.models import Group, User
from casebook.models import CasePage
user, _ = User.objects.get_or_create(username="load-member", defaults={"email": "load-member@example.org"})
user.set_password("load-test-wachtwoord-1"); user.save(); user.groups.add(Group.objects.get(name="member"))
print(",".join(CasePage.objects.live().filter(visibility="public").values_list("slug", flat=True)))' | tail -1)
"$PY" bench/load_bench.py --base "http://127.0.0.1:$PORT" --cases "$cases" --index-n "${LOAD_N:-100000}" \
  --username load-member --password load-test-wachtwoord-1 --seconds "${LOAD_SECONDS:-60}" --users "${LOAD_USERS:-8}"
