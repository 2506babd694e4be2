#include "model/resilience.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!deploys_a_service(model)) return context.not_applicable("the repository deploys no service");
  bool backups = false;
  for (const auto& fact : model::backup_facts_of(model))
    backups = backups || fact.kind == model::BackupFactKind::kBackup;
  if (!backups && model::databases_of(model).empty())
    return context.not_applicable("no database and no backup");
  std::vector<model::DrillDocument> documents = model::drill_documents(model);
  for (const auto& document : documents) {
    if (document.rto && document.rpo) return;
  }
  if (documents.empty()) {
    context.report(
        "no restore-drill or disaster-recovery document states the RTO and RPO the backups "
        "are tested against");
    return;
  }
  const auto& document = documents.front();
  std::string missing = !document.rto && !document.rpo ? "no RTO and no RPO"
                        : !document.rto                ? "no RTO"
                                                       : "no RPO";
  context.report("the disaster-recovery document states " + missing +
                     " (recovery time and recovery point objectives)",
                 document.path, document.line);
}

}  // namespace

extern const Rule kMissingRestoreDrill;
const Rule kMissingRestoreDrill{
    {.id = "resilience/missing-restore-drill",
     .section = "resilience",
     .title = "A restore drill is documented with an RTO and RPO",
     .severity = Severity::kWarning,
     .seeds = "000 T015, 001 T110, 002 §4, 003 P3-10",
     .rationale =
         "The only proof that backups work is a restore that was timed. A restore-drill "
         "document says how often the team restores into a scratch environment, how long it "
         "may take (the recovery time objective, RTO) and how much data may be lost (the "
         "recovery point objective, RPO, which sets the backup frequency). golive looks for a "
         "doc that mentions a restore drill, restore test or disaster recovery (or whose name "
         "says disaster, restore or dr) and states both an RTO and an RPO.",
     .remediation =
         "Add docs/disaster-recovery.md: the RTO and RPO, the restore procedure (the restore "
         "script), how often the drill runs, who runs it and where results are logged.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::resilience
