#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a fresh, empty database, then rebuild the search index from it.
#   DATABASE_URL=postgres://…/new_db scripts/restore.sh DIR
# The database must exist and be empty (restoring over live data is refused). With ELASTICSEARCH_URL set, the
# index under SEARCH_INDEX_PREFIX is rebuilt from the restored database (search_index --rebuild, alias swap).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: restore.sh BACKUP_DIR}
: "${DATABASE_URL:?DATABASE_URL (postgres://…) of an empty database is required}"
media=${MEDIA_ROOT:-var/media}
(cd "$dir" && sha256sum --quiet -c SHA256SUMS) || { echo "restore.sh: $dir is damaged (checksums differ)" >&2; exit 2; }
tables=$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != 0 ]; then
  echo "restore.sh: the database already has $tables tables; restore only into an empty database" >&2
  exit 2
fi
pg_restore --no-owner --no-acl --exit-on-error --dbname "$DATABASE_URL" "$dir/database.dump"
mkdir -p "$media"
tar -C "$media" -xzf "$dir/media.tar.gz"
# Migrations newer than the backup (a restore onto a newer release) are applied; normally nothing to do.
.venv/bin/python manage.py migrate --noinput -v 0
if [ -n "${ELASTICSEARCH_URL:-}" ]; then
  .venv/bin/python manage.py search_index --rebuild --no-progress
fi
echo "restore.sh: restored $dir" >&2
