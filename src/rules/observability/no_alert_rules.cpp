#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  if (!require_service(context)) return;
  if (context.model().prometheus.has_alerts()) return;
  context.report(
      "the repository deploys a service but defines no Prometheus alerting rule (no rule file "
      "with 'alert:' rules and no PrometheusRule object)");
}

}  // namespace

extern const Rule kNoAlertRules;
const Rule kNoAlertRules{
    {.id = "observability/no-alert-rules",
     .section = "observability",
     .title = "A deployed service has alerting rules",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 000 T051, 003 P3-01, 004 T030",
     .rationale =
         "Without alerts the first person to learn about an outage is a customer. Alerting rules "
         "kept beside the service are reviewed with its code and deployed with it. golive looks "
         "for Prometheus rule files (groups with alert rules), PrometheusRule and VMRule objects "
         "and rule files embedded in ConfigMaps.",
     .remediation =
         "Add a rule file (for example monitoring/alerts.yml with 'groups: - name: api, rules: - "
         "alert: HighErrorRate, expr: ..., for: 5m') or a PrometheusRule object, covering at "
         "least error rate, latency, saturation and restarts.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
