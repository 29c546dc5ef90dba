#!/usr/bin/env bash
# The scheduled commands for the production-like stack (a cron job or systemd timer does this on a real server):
# scheduled publication every SCHEDULE_INTERVAL seconds, the digest and the read-log pruning once a day.
set -uo pipefail
cd "$(dirname "$0")/.."
interval=${SCHEDULE_INTERVAL:-300}
last_day=""
while true; do
  .venv/bin/python manage.py publish_scheduled || echo "scheduler: publish_scheduled failed" >&2
  today=$(date +%F)
  if [ "$today" != "$last_day" ]; then
    .venv/bin/python manage.py prune_audit_log || echo "scheduler: prune_audit_log failed" >&2
    .venv/bin/python manage.py send_digest || echo "scheduler: send_digest failed" >&2
    last_day=$today
  fi
  sleep "$interval"
done
