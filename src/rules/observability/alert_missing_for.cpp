#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  for (const auto* alert : require_alerts(context)) {
    if (alert->has_for) continue;
    context.report(
        "alert '" + alert->alert + "' has no 'for' duration, so a single bad scrape pages someone",
        alert->file, alert->line);
  }
}

}  // namespace

extern const Rule kAlertMissingFor;
const Rule kAlertMissingFor{
    {.id = "observability/alert-missing-for",
     .section = "observability",
     .title = "Alerts wait a 'for' duration before firing",
     .severity = Severity::kWarning,
     .seeds = "000 T051, 003 P3-02, 004 T031",
     .rationale =
         "An alert without 'for' fires on the first evaluation where its expression is true: one "
         "slow scrape or one restarting pod pages the on-call engineer, and alerts that flap "
         "teach people to ignore pages. 'for: 5m' makes the condition hold before anyone is "
         "woken up. An explicit 'for: 0s' counts as a deliberate choice.",
     .remediation =
         "Add 'for:' to the alert, typically 5m for symptoms and 15m for slow-burning causes "
         "such as disk filling up.",
     .also = "pint alerts/for"},
    check};

}  // namespace golive::rules::observability
