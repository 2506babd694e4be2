#include <array>
#include <set>

#include "core/strings.h"
#include "model/resilience.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

// A retention step in another file counts when that file is about backups (a cleanup job).
constexpr std::array<std::string_view, 6> kBackupPathWords = {"backup", "snapshot", "dump",
                                                              "prune",  "cleanup",  "retention"};

bool backup_related(std::string_view path) {
  std::string lower = core::to_lower(path);
  for (std::string_view word : kBackupPathWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

void check(RuleContext& context) {
  std::vector<model::BackupFact> facts = model::backup_facts_of(context.model());
  std::set<std::string> retained;
  bool shared_retention = false;
  bool any = false;
  for (const auto& fact : facts) {
    if (fact.kind == model::BackupFactKind::kRetention) {
      retained.insert(fact.path);
      shared_retention = shared_retention || backup_related(fact.path);
    }
    if (fact.kind == model::BackupFactKind::kBackup) {
      any = true;
      if (fact.retention_by_default) retained.insert(fact.path);
    }
  }
  if (!any) return context.not_applicable("no backup found");
  if (shared_retention) return;
  std::set<std::string> reported;
  for (const auto& fact : facts) {
    if (fact.kind != model::BackupFactKind::kBackup || retained.count(fact.path) > 0) continue;
    if (!reported.insert(fact.path).second) continue;
    context.report("the " + fact.tool +
                       " backup keeps every copy forever or overwrites the only one: no "
                       "retention (find -mtime +N -delete, --keep-daily, velero ttl, lifecycle "
                       "rule) is configured",
                   fact.path, fact.line);
  }
}

}  // namespace

extern const Rule kBackupWithoutRetention;
const Rule kBackupWithoutRetention{
    {.id = "resilience/backup-without-retention",
     .section = "resilience",
     .title = "Backups have a retention policy",
     .severity = Severity::kWarning,
     .seeds = "001 T109, 002 §4, 003 P3-07",
     .rationale =
         "Without retention, backups either pile up until the bucket or disk is full and the "
         "next backup fails silently, or a single file is overwritten each night so a "
         "corruption noticed a day late has no clean copy. golive accepts a retention step in "
         "the backup's own file (find -mtime/-mmin +N, --keep-daily/--keep-within and other "
         "--keep- options of restic and borg, velero --ttl or ttl:, retentionPolicy, "
         "retention_policy, pgbackrest retention-full, wal-g delete, AWS Backup delete_after, "
         "Terraform lifecycle expiration, retained_backups, a 'ls -t | tail -n +N | xargs "
         "rm' rotation) or in any file whose path names backup, snapshot, dump, prune, "
         "cleanup or retention; managed backups with backup_retention_period or "
         "backup_configuration expire by policy.",
     .remediation =
         "Prune old copies in the backup job ('find /backups -name \"*.gpg\" -mtime +14 "
         "-delete', 'restic forget --keep-daily 7 --keep-weekly 4 --prune'), set velero ttl, "
         "or add a lifecycle rule expiring objects in the backup bucket.",
     .also = ""},
    check};

}  // namespace golive::rules::resilience
