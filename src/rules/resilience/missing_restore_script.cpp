#include "model/resilience.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!deploys_a_service(model)) return context.not_applicable("the repository deploys no service");
  std::vector<model::BackupFact> facts = model::backup_facts_of(model);
  const model::BackupFact* backup = nullptr;
  for (const auto& fact : facts) {
    if (fact.kind == model::BackupFactKind::kRestore) return;
    if (fact.kind == model::BackupFactKind::kBackup && backup == nullptr) backup = &fact;
  }
  std::vector<model::DatabaseEvidence> databases = model::databases_of(model);
  if (backup != nullptr) {
    context.report("the " + backup->tool +
                       " backup has no restore script: nothing runs pg_restore, psql < dump, "
                       "mongorestore, mysql < dump, velero restore or restic restore",
                   backup->path, backup->line);
  } else if (!databases.empty()) {
    context.report("the service keeps data (" + databases.front().what +
                       ") but no script restores it from a backup",
                   databases.front().path, databases.front().line);
  } else {
    context.not_applicable("no database and no backup");
  }
}

}  // namespace

extern const Rule kMissingRestoreScript;
const Rule kMissingRestoreScript{
    {.id = "resilience/missing-restore-script",
     .section = "resilience",
     .title = "A restore script exists",
     .severity = Severity::kWarning,
     .seeds = "000 T015, 001 T110, 002 §4, 003 P3-09",
     .rationale =
         "A backup nobody has restored is a hope, not a backup. During an incident the restore "
         "steps (which dump, which flags, which order for roles and extensions) must be a "
         "script that has been run before, not commands typed from memory. golive looks in "
         "scripts, Makefiles, CI, manifests and Terraform for pg_restore, psql or mysql fed "
         "from a dump, mongorestore, velero restore (or a velero Restore object), restic "
         "restore, borg extract, wal-g backup-fetch, pgbackrest restore, barman recover, aws "
         "rds restore-db-instance-* and gcloud sql restores or imports.",
     .remediation =
         "Add scripts/restore.sh (or a Makefile target) that fetches a named backup, decrypts "
         "it and runs pg_restore --clean --if-exists into a target database, and use it in "
         "every restore drill.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::resilience
