#pragma once
// The PromQL queries of Grafana dashboard panels, checked the way Prometheus will see them once
// Grafana has replaced its variables.
#include <optional>
#include <string>
#include <string_view>

#include "model/prometheus.h"
#include "parse/yaml.h"

namespace golive::model {

// expr with Grafana's range, step and offset variables ([$__rate_interval], offset $shift)
// replaced by a duration, or nothing when a variable stands where no duration can (a metric
// name, a grouping label) or the query is not PromQL (a LogQL or TraceQL pipeline).
std::optional<std::string> promql_without_grafana_variables(std::string_view expr);

// Every Prometheus query of the dashboard's panels (rows and nested panels included), parsed.
// Queries of other data sources (Loki, Tempo, SQL...) and queries left templated are skipped.
void collect_dashboard_queries(const parse::Node& dashboard, GrafanaDashboard& into);

// The same for a dashboard JSON written as a string (a ConfigMap's data entry): its queries get
// line numbers in the enclosing file, the string's first line being first_line.
void collect_embedded_dashboard_queries(std::string_view json, int first_line,
                                        GrafanaDashboard& into);

}  // namespace golive::model
