#include "model/grafana.h"

#include <gtest/gtest.h>

#include "parse/json.h"

namespace golive::model {
namespace {

TEST(GrafanaVariables, RangesStepsAndOffsetsBecomeDurations) {
  EXPECT_EQ(promql_without_grafana_variables("rate(x[$__rate_interval])"), "rate(x[5m])");
  EXPECT_EQ(promql_without_grafana_variables("rate(x[ ${interval} ])"), "rate(x[ 5m ])");
  EXPECT_EQ(promql_without_grafana_variables("max_over_time(x[1h:$__interval])"),
            "max_over_time(x[1h:5m])");
  EXPECT_EQ(promql_without_grafana_variables("x offset $shift"), "x offset 5m");
  EXPECT_EQ(promql_without_grafana_variables("x OFFSET ${shift:text}"), "x OFFSET 5m");
  EXPECT_EQ(promql_without_grafana_variables("x offset\n  $shift"), "x offset\n  5m");
}

TEST(GrafanaVariables, VariablesInLabelValuesStayAsWritten) {
  EXPECT_EQ(promql_without_grafana_variables(R"(up{job=~"$job", env='${env}'})"),
            R"(up{job=~"$job", env='${env}'})");
  EXPECT_EQ(promql_without_grafana_variables(R"(up{job="a\"$b"})"), R"(up{job="a\"$b"})");
}

TEST(GrafanaVariables, VariablesElsewhereAndOtherLanguagesAreNotChecked) {
  EXPECT_FALSE(promql_without_grafana_variables("$metric"));
  EXPECT_FALSE(promql_without_grafana_variables("sum by ($group) (x)"));
  EXPECT_FALSE(promql_without_grafana_variables("topk($n, x)"));
  EXPECT_FALSE(promql_without_grafana_variables("rate([[metric]][5m])"));
  EXPECT_FALSE(promql_without_grafana_variables(R"({app="api"} |= "error")"));
  EXPECT_FALSE(promql_without_grafana_variables("x[$]"));                 // no name after $
  EXPECT_FALSE(promql_without_grafana_variables("rate(x[${window}d])"));  // only the number
  EXPECT_FALSE(promql_without_grafana_variables("rate(x[${__interval_ms}ms])"));
  EXPECT_FALSE(promql_without_grafana_variables("rate(x[${w]) + y{a=\"}\"}"));  // unclosed
  EXPECT_FALSE(promql_without_grafana_variables("rate(x[{{ .Values.window }}])"));
  // "myoffset $x" is not the offset keyword.
  EXPECT_FALSE(promql_without_grafana_variables("myoffset $x"));
}

GrafanaDashboard collect(const std::string& json) {
  parse::YamlFile file = parse::parse_json(json);
  EXPECT_TRUE(file.valid);
  GrafanaDashboard dashboard;
  if (!file.documents.empty()) collect_dashboard_queries(file.documents.front(), dashboard);
  return dashboard;
}

TEST(DashboardQueries, NestedPanelsRowsAndDataSources) {
  GrafanaDashboard dashboard = collect(R"json({
"title": "d",
"panels": [
  {"title": "row", "panels": [{"title": "inner", "targets": [{"expr": "sum(x"}]}]},
  {"title": "logs", "datasource": {"type": "loki"}, "targets": [{"expr": "rate({a=\"b\"}[5m]"}]},
  {"title": "mixed", "datasource": "-- Mixed --", "targets": [
    {"datasource": {"type": "loki"}, "expr": "broken("},
    {"datasource": {"type": "prometheus"}, "expr": "up"}]}
],
"rows": [{"panels": [{"title": "old", "targets": [{"expr": "rate(x[$__interval])"}]
}]
}]
})json");
  ASSERT_EQ(dashboard.queries.size(), 3u);
  EXPECT_EQ(dashboard.queries[0].panel, "inner");
  EXPECT_EQ(dashboard.queries[0].line, 4);
  ASSERT_TRUE(dashboard.queries[0].error.has_value());
  EXPECT_EQ(dashboard.queries[1].panel, "mixed");
  EXPECT_FALSE(dashboard.queries[1].error.has_value());
  EXPECT_EQ(dashboard.queries[2].panel, "old");
  EXPECT_EQ(dashboard.queries[2].checked, "rate(x[5m])");
  EXPECT_FALSE(dashboard.queries[2].error.has_value());
}

}  // namespace
}  // namespace golive::model
