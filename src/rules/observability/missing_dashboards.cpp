#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  if (!require_service(context)) return;
  const auto& facts = context.model().prometheus;
  if (!facts.has_alerts() && facts.configs.empty()) {
    context.not_applicable("the repository has no Prometheus configuration or alerting rule");
    return;
  }
  if (!facts.dashboards.empty()) return;
  context.report(
      "the service is monitored by Prometheus but the repository has no Grafana dashboard");
}

}  // namespace

extern const Rule kMissingDashboards;
const Rule kMissingDashboards{
    {.id = "observability/missing-dashboards",
     .section = "observability",
     .title = "A monitored service has a Grafana dashboard",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 003 P3-01, 004 T030",
     .rationale =
         "An alert says something is wrong; a dashboard shows what, since when and what else "
         "moved. Dashboards kept as code beside the alerts are reviewed and versioned with the "
         "service instead of living only in a Grafana database. golive counts Grafana dashboard "
         "JSON (a title or schemaVersion with panels or rows, also wrapped in 'dashboard'), "
         "ConfigMaps labelled grafana_dashboard, and GrafanaDashboard objects.",
     .remediation =
         "Export the service's dashboard as JSON into the repository (for example "
         "monitoring/dashboards/api.json) and provision it with a grafana_dashboard ConfigMap "
         "or Grafana's file provisioning.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
