#!/bin/sh
# Restores one encrypted dump written by scripts/backup.sh into the database TARGET_DATABASE_URL
# points at. Used in every restore drill (docs/runbooks/disaster-recovery.md); in a real incident
# restore into a new database first and switch DATABASE_URL once the checks pass.
#
#   scripts/restore.sh /backups/inventory-20250101T021500Z.dump.age
set -eu
dump=${1:?usage: scripts/restore.sh <dump.age>}
: "${TARGET_DATABASE_URL:?TARGET_DATABASE_URL is required}"
: "${AGE_IDENTITY:?AGE_IDENTITY (path to the backup private key) is required}"

age -d -i "$AGE_IDENTITY" "$dump" | pg_restore --clean --if-exists --no-owner --exit-on-error -d "$TARGET_DATABASE_URL"
psql "$TARGET_DATABASE_URL" -c "SELECT count(*) AS skus FROM stock"
