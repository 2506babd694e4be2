#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_topic_doc(context, {"oncall", "on-call", "on_call", "escalation", "pager"},
                    {"On-call", "Oncall", "Escalation"}, "on-call or escalation documentation");
}

}  // namespace

extern const Rule kMissingOncall;
const Rule kMissingOncall{{.id = "docs/missing-oncall",
                           .section = "docs",
                           .title = "On-call and escalation are documented",
                           .severity = Severity::kWarning,
                           .seeds = "000 T051, 000 T050",
                           .rationale = "When an alert fires someone must own it, and everyone "
                                        "must know who to call next if they cannot fix it.",
                           .remediation = "Add docs/oncall.md: the rotation, how alerts reach it, "
                                          "acknowledgement times and the escalation path.",
                           .also = "",
                           .service_practice = true},
                          check};

}  // namespace golive::rules::docs
