#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_topic_doc(
      context, {"adr/", "adrs/", "/decisions/", "decisions/", "adr-", "adr_"},
      {"Architecture Decision", "ADR-", "ADR ", "ADRs", "Decision record", "Decision log"},
      "architecture decision records (ADRs)");
}

}  // namespace

extern const Rule kMissingAdr;
const Rule kMissingAdr{{.id = "docs/missing-adr",
                        .section = "docs",
                        .title = "Architecture decisions are recorded (ADRs)",
                        .severity = Severity::kInfo,
                        .seeds = "003 P1-06, 003 P2-07, 003 P4-08",
                        .rationale = "Decisions about security headers, deployment and backups are "
                                     "revisited under pressure; an ADR records why they were made.",
                        .remediation = "Add docs/adr/ with one short record per significant "
                                       "decision (context, decision, consequences).",
                        .also = "",
                        .service_practice = true},
                       check};

}  // namespace golive::rules::docs
