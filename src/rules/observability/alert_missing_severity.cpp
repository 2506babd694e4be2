#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  for (const auto* alert : require_alerts(context)) {
    auto it = alert->labels.find("severity");
    if (it != alert->labels.end() && !it->second.empty()) continue;
    context.report("alert '" + alert->alert +
                       "' has no severity label, so Alertmanager cannot route it to a pager or "
                       "a ticket",
                   alert->file, alert->line);
  }
}

}  // namespace

extern const Rule kAlertMissingSeverity;
const Rule kAlertMissingSeverity{
    {.id = "observability/alert-missing-severity",
     .section = "observability",
     .title = "Alerts carry a severity label",
     .severity = Severity::kWarning,
     .seeds = "000 T051, 003 P3-02, 004 T031",
     .rationale =
         "Alertmanager routes on labels: 'severity: critical' pages now, 'severity: warning' "
         "opens a ticket. An alert without a severity falls through to the default route, which "
         "either pages for everything or hides real incidents in a channel nobody reads.",
     .remediation =
         "Add 'labels: {severity: critical}' (or warning, info) to every alert and route on it "
         "in Alertmanager.",
     .also = "pint rule/label"},
    check};

}  // namespace golive::rules::observability
