#include <set>

#include "model/resilience.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

void check(RuleContext& context) {
  std::vector<model::BackupFact> facts = model::backup_facts_of(context.model());
  std::set<std::string> encrypted_files;
  bool any = false;
  for (const auto& fact : facts) {
    if (fact.kind == model::BackupFactKind::kEncryption) encrypted_files.insert(fact.path);
    if (fact.kind == model::BackupFactKind::kBackup) {
      any = true;
      if (fact.encrypted_by_default) encrypted_files.insert(fact.path);
    }
  }
  if (!any) return context.not_applicable("no backup found");
  std::set<std::string> reported;
  for (const auto& fact : facts) {
    if (fact.kind != model::BackupFactKind::kBackup || encrypted_files.count(fact.path) > 0)
      continue;
    if (!reported.insert(fact.path).second) continue;
    context.report("the " + fact.tool +
                       " backup is written unencrypted: nothing in this file encrypts the dump "
                       "(gpg, age, openssl enc, KMS server-side encryption)",
                   fact.path, fact.line);
  }
}

}  // namespace

extern const Rule kBackupNotEncrypted;
const Rule kBackupNotEncrypted{
    {.id = "resilience/backup-not-encrypted",
     .section = "resilience",
     .title = "Backups are encrypted",
     .severity = Severity::kWarning,
     .seeds = "001 T109, 002 §4, 003 P3-06",
     .rationale =
         "A database dump holds every row of every table, credentials and personal data "
         "included, and it is copied to buckets, laptops and CI artifacts that are far less "
         "guarded than the database. golive checks each file that runs a backup for an "
         "encryption step in the same file: gpg, age -r/-R, openssl enc or smime, --encrypt, "
         "KMS keys (aws:kms, --sse-kms-key-id, kms_key_id), --sse, storage_encrypted, wal-g "
         "keys, pgbackrest cipher-type, CloudNativePG encryption: AES256. restic and borg "
         "repositories are encrypted by design, and managed snapshots (RDS, Cloud SQL, AWS "
         "Backup) are encrypted by the provider, so they pass.",
     .remediation =
         "Pipe the dump through an encryption step before it leaves the host: 'pg_dump ... | "
         "gzip | gpg --encrypt --recipient backups@example.com > dump.sql.gz.gpg', or age -r, "
         "or upload with --sse aws:kms; or switch to restic/borg.",
     .also = ""},
    check};

}  // namespace golive::rules::resilience
