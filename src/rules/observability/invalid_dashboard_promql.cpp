#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  size_t checked = 0;
  for (const auto& dashboard : context.model().prometheus.dashboards) {
    for (const auto& query : dashboard.queries) {
      ++checked;
      if (!query.error) continue;
      std::string panel = query.panel.empty() ? "a panel" : "panel '" + query.panel + "'";
      std::string substitution = query.checked == query.expr
                                     ? ""
                                     : " (Grafana variables of ranges and offsets read as 5m)";
      context.report(panel + " has an invalid PromQL query: " + query.error->describe() +
                         " in the query" + substitution,
                     dashboard.path, query.line, 0, query.checked);
    }
  }
  if (checked == 0)
    context.not_applicable("no Grafana dashboard JSON with a Prometheus query in the repository");
}

}  // namespace

extern const Rule kInvalidDashboardPromql;
const Rule kInvalidDashboardPromql{
    {.id = "observability/invalid-dashboard-promql",
     .section = "observability",
     .title = "Dashboard panels query with valid PromQL",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 003 P3-01, 004 T030",
     .rationale =
         "A panel whose query does not parse shows an error instead of a graph, and it is found "
         "during the incident it was built for. golive parses the expr of every Prometheus "
         "target of Grafana dashboards (JSON files, and the *.json entries of ConfigMaps that "
         "hold dashboards for the Grafana sidecar; rows and nested panels included) with the "
         "same PromQL parser as the alert rules. Grafana variables standing for a range, a "
         "subquery step or an offset ([$__rate_interval], offset $shift) are read as 5m; a "
         "query with a variable anywhere else (a metric name, a grouping label) is not checked, "
         "and neither are queries of Loki, Tempo, VictoriaMetrics or SQL data sources.",
     .remediation =
         "Fix the query at the reported position in the panel editor (Grafana's query inspector "
         "shows Prometheus' own error) and save the dashboard JSON back into the repository.",
     .also = "promtool (rule files only), Grafana query inspector"},
    check};

}  // namespace golive::rules::observability
