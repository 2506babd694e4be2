#include "rules/rule.h"

namespace golive::rules::config {
namespace {

void check(RuleContext& context) {
  const auto& suppressions = context.model().suppressions;
  bool own = false;
  for (const auto& [path, list] : suppressions) {
    for (const auto& suppression : list) own = own || suppression.tool.empty();
  }
  if (!own) return context.not_applicable("no inline suppressions");
  for (const auto& [path, list] : suppressions) {
    for (const auto& suppression : list) {
      if (suppression.tool.empty() && suppression.reason.empty()) {
        context.report("suppression of " + suppression.rule_id + " gives no reason", path,
                       suppression.line);
      }
    }
  }
}

}  // namespace

extern const Rule kSuppressionMissingReason;
const Rule kSuppressionMissingReason{
    {.id = "config/suppression-missing-reason",
     .section = "config",
     .title = "Inline suppressions give a reason",
     .severity = Severity::kWarning,
     .seeds = "002 §0",
     .rationale =
         "A suppression hides a finding from every future reader; without a reason nobody can "
         "tell whether it is still valid.",
     .remediation =
         "Write the reason after two dashes: 'golive:ignore <rule-id> -- why this is acceptable'.",
     .also = ""},
    check};

}  // namespace golive::rules::config
