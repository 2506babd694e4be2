#!/bin/sh
# Nightly logical backup of the inventory database. The platform team's "ready-api-backup"
# CronJob runs this script at 02:15 UTC with the backup volume mounted at /backups, which is
# replicated to the off-site bucket. The dump is encrypted with age before it is written, so
# neither the volume nor the bucket ever holds plain data.
set -eu
: "${DATABASE_URL:?DATABASE_URL is required}"
: "${AGE_RECIPIENT:?AGE_RECIPIENT (the backup public key) is required}"
BACKUP_DIR=${BACKUP_DIR:-/backups}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="${BACKUP_DIR}/inventory-${stamp}.dump.age"

pg_dump --format=custom --no-owner --no-privileges "$DATABASE_URL" | age -r "$AGE_RECIPIENT" > "${target}.partial"
mv "${target}.partial" "$target"
echo "backup written: $target"

# Retention: 35 days of nightly dumps (the RPO is one day, the oldest restore point we promise
# is 30 days; see docs/runbooks/disaster-recovery.md).
find "$BACKUP_DIR" -name 'inventory-*.dump.age' -mtime +35 -delete
