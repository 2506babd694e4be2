// Prometheus rules, configs, monitors and dashboards as the observability rules see them
// (model/prometheus.cpp).
#include "model/prometheus.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"

namespace golive::model {
namespace {

RepoModel model_of(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  resolve_prometheus_rule_files(model);
  return model;
}

TEST(PrometheusModel, RuleFileRulesWithLabelsAnnotationsAndFacts) {
  RepoModel model = model_of({{"monitoring/alerts.yml",
                               "groups:\n"
                               "  - name: api\n"
                               "    rules:\n"
                               "      - record: job:errors:rate5m\n"
                               "        expr: sum by (job) (rate(errors_total[5m]))\n"
                               "      - alert: ApiDown\n"
                               "        expr: up{job=\"api\"} == 0\n"
                               "        for: 5m\n"
                               "        labels: {severity: critical}\n"
                               "        annotations:\n"
                               "          runbook_url: docs/runbooks/api.md\n"}});
  const auto& rules = model.prometheus.rules;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].record, "job:errors:rate5m");
  EXPECT_EQ(rules[0].line, 4);
  EXPECT_EQ(rules[0].facts.metrics, (std::vector<std::string>{"errors_total"}));
  EXPECT_EQ(rules[1].alert, "ApiDown");
  EXPECT_EQ(rules[1].group, "api");
  EXPECT_EQ(rules[1].source, "rule file");
  EXPECT_TRUE(rules[1].has_for);
  EXPECT_EQ(rules[1].labels.at("severity"), "critical");
  EXPECT_EQ(rules[1].annotation_lines.at("runbook_url"), 11);
  EXPECT_FALSE(rules[1].expr_error.has_value());
  EXPECT_TRUE(model.prometheus.has_alerts());
}

TEST(PrometheusModel, ErrorPositionsInPlainQuotedAndBlockScalars) {
  RepoModel model = model_of({{"rules.yml",
                               "groups:\n"
                               "  - name: g\n"
                               "    rules:\n"
                               "      - alert: Plain\n"
                               "        expr: rate(x) > 0\n"
                               "      - alert: Quoted\n"
                               "        expr: \"rate(x) > 0\"\n"
                               "      - alert: Block\n"
                               "        expr: |\n"
                               "          sum(\n"
                               "            rate(x)\n"
                               "          )\n"
                               "      - alert: Range\n"
                               "        expr: x[5m]\n"}});
  const auto& rules = model.prometheus.rules;
  ASSERT_EQ(rules.size(), 4u);
  for (const auto& rule : rules) ASSERT_TRUE(rule.expr_error.has_value()) << rule.alert;
  EXPECT_EQ(rules[0].error_line, 5);
  EXPECT_EQ(rules[0].error_column, 20);  // the x in rate(x), after "expr: "
  EXPECT_EQ(rules[1].error_line, 7);
  EXPECT_EQ(rules[1].error_column, 21);
  EXPECT_EQ(rules[2].expr_error->line, 2);
  EXPECT_EQ(rules[2].error_line, 11);
  EXPECT_EQ(rules[2].error_column, 18);
  EXPECT_NE(rules[3].expr_error->message.find("range vector"), std::string::npos);
}

TEST(PrometheusModel, TemplatedExpressionsAreNotValidated) {
  RepoModel model = model_of({{"rules.yml",
                               "groups:\n"
                               "  - name: g\n"
                               "    rules:\n"
                               "      - alert: T\n"
                               "        expr: up{job=\"${JOB}\"} == 0 and rate(\n"}});
  ASSERT_EQ(model.prometheus.rules.size(), 1u);
  EXPECT_TRUE(model.prometheus.rules[0].templated);
  EXPECT_FALSE(model.prometheus.rules[0].expr_error.has_value());
}

TEST(PrometheusModel, PrometheusRuleAndEmbeddedConfigMapRules) {
  RepoModel model = model_of({{"k8s/rules.yaml",
                               "apiVersion: monitoring.coreos.com/v1\n"
                               "kind: PrometheusRule\n"
                               "metadata: {name: api}\n"
                               "spec:\n"
                               "  groups:\n"
                               "    - name: api\n"
                               "      rules:\n"
                               "        - alert: A\n"
                               "          expr: up == 0\n"
                               "---\n"
                               "apiVersion: v1\n"
                               "kind: ConfigMap\n"
                               "metadata: {name: rules}\n"
                               "data:\n"
                               "  alerts.yml: |\n"
                               "    groups:\n"
                               "      - name: b\n"
                               "        rules:\n"
                               "          - alert: B\n"
                               "            expr: up ==\n"}});
  const auto& rules = model.prometheus.rules;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].source, "PrometheusRule");
  EXPECT_EQ(rules[0].line, 8);
  EXPECT_EQ(rules[1].source, "ConfigMap");
  EXPECT_EQ(rules[1].line, 19);
  ASSERT_TRUE(rules[1].expr_error.has_value());
  EXPECT_EQ(rules[1].error_line, 20);
}

TEST(PrometheusModel, RuleFilesGlobsResolveRelativeAndAbsolute) {
  RepoModel model = model_of({{"monitoring/prometheus.yml",
                               "rule_files:\n"
                               "  - rules/*.yml\n"
                               "  - /etc/prometheus/alerts/*.yml\n"
                               "  - missing/*.yml\n"
                               "scrape_configs:\n"
                               "  - job_name: api\n"
                               "    static_configs:\n"
                               "      - targets: [\"api:8000\"]\n"},
                              {"monitoring/rules/a.yml", "groups: []\n"},
                              {"deploy/alerts/b.yml", "groups: []\n"}});
  ASSERT_EQ(model.prometheus.configs.size(), 1u);
  const auto& config = model.prometheus.configs[0];
  ASSERT_EQ(config.rule_files.size(), 3u);
  EXPECT_EQ(config.rule_files[0].matches, (std::vector<std::string>{"monitoring/rules/a.yml"}));
  EXPECT_EQ(config.rule_files[1].matches, (std::vector<std::string>{"deploy/alerts/b.yml"}));
  EXPECT_TRUE(config.rule_files[2].matches.empty());
  EXPECT_EQ(config.rule_files[2].line, 4);
  ASSERT_EQ(config.static_targets.size(), 1u);
  EXPECT_EQ(config.static_targets[0].target, "api:8000");
  EXPECT_FALSE(config.kubernetes_discovery);
}

TEST(PrometheusModel, MonitorsTargetsAndDashboards) {
  RepoModel model =
      model_of({{"k8s/api.yaml",
                 "apiVersion: v1\n"
                 "kind: Service\n"
                 "metadata: {name: api, labels: {app: api}}\n"
                 "spec:\n"
                 "  selector: {app: api}\n"
                 "  ports: [{name: metrics, port: 9090}]\n"
                 "---\n"
                 "apiVersion: monitoring.coreos.com/v1\n"
                 "kind: ServiceMonitor\n"
                 "metadata: {name: api}\n"
                 "spec:\n"
                 "  selector: {matchLabels: {app: api}}\n"},
                {"dashboards/api.json", "{\"dashboard\": {\"title\": \"API\", \"panels\": []}}"},
                {"package.json", "{\"name\": \"x\", \"panels\": []}"}});
  ASSERT_EQ(model.prometheus.targets.size(), 1u);
  EXPECT_TRUE(model.prometheus.targets[0].exposes_metrics);
  EXPECT_EQ(model.prometheus.targets[0].selector.at("app"), "api");
  ASSERT_EQ(model.prometheus.monitors.size(), 1u);
  EXPECT_EQ(model.prometheus.monitors[0].match_labels.at("app"), "api");
  ASSERT_EQ(model.prometheus.dashboards.size(), 1u);
  EXPECT_EQ(model.prometheus.dashboards[0].title, "API");
}

}  // namespace
}  // namespace golive::model
