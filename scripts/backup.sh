#!/usr/bin/env bash
# Back up what cannot be rebuilt: the PostgreSQL database (pg_dump, custom format) and the media files.
#   DATABASE_URL=postgres://… scripts/backup.sh [DIR]     (default DIR: var/backups/YYYYmmdd-HHMMSS)
# Elasticsearch is not backed up: every document is derived from the database, so a restore rebuilds the index
# (scripts/restore.sh) instead of restoring a snapshot that could disagree with the restored database.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL (postgres://…) is required}"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) echo "backup.sh: only PostgreSQL is supported" >&2; exit 2 ;; esac
dest=${1:-var/backups/$(date -u +%Y%m%d-%H%M%S)}
media=${MEDIA_ROOT:-var/media}
mkdir -p "$dest"
# --no-owner/--no-acl: the dump restores into a database owned by whoever restores it.
pg_dump --format=custom --no-owner --no-acl --file "$dest/database.dump" "$DATABASE_URL"
if [ -d "$media" ]; then tar -C "$media" -czf "$dest/media.tar.gz" .; else tar -czf "$dest/media.tar.gz" -T /dev/null; fi
(cd "$dest" && sha256sum database.dump media.tar.gz > SHA256SUMS)
echo "$dest"
