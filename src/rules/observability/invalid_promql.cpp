#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  const auto& rules = context.model().prometheus.rules;
  if (rules.empty()) {
    context.not_applicable(
        "the repository has no Prometheus rule (rule files, PrometheusRule objects)");
    return;
  }
  for (const auto& rule : rules) {
    if (!rule.expr_error) continue;
    std::string what =
        rule.is_alert() ? "alert '" + rule.alert + "'" : "recording rule '" + rule.record + "'";
    std::string message =
        what + " has an invalid expression: " + rule.expr_error->describe() + " in the expression";
    if (rule.expr.empty()) message = what + " has no expr";
    context.report(message, rule.file, rule.error_line, rule.error_column, rule.expr);
  }
}

}  // namespace

extern const Rule kInvalidPromql;
const Rule kInvalidPromql{
    {.id = "observability/invalid-promql",
     .section = "observability",
     .title = "Alerting and recording rules have valid PromQL",
     .severity = Severity::kError,
     .seeds = "000 T014, 003 P3-01, 004 T030",
     .rationale =
         "Prometheus refuses to load a rule file with one invalid expression, so a typo in one "
         "alert silences every alert of the file, and nobody notices until the outage that "
         "should have paged. golive parses every expr of rule files, PrometheusRule objects and "
         "rule files embedded in ConfigMaps with its own PromQL parser (selectors, matchers, "
         "functions and their argument types, aggregations, binary operators with vector "
         "matching, offsets, @, subqueries, durations) and reports the first error with its "
         "position inside the expression. Expressions with {{ }} or ${ } templates are skipped, "
         "and so are LogQL expressions of Loki's ruler (a stream selector followed by a line "
         "filter or a pipeline stage, bytes_over_time, bytes_rate), and vmalert's MetricsQL: "
         "VMRule objects, groups with vmalert's own 'type:' field (Graphite and LogsQL groups "
         "too), and expressions that use MetricsQL's own syntax (WITH templates, "
         "keep_metric_names, rollup and range_* functions).",
     .remediation =
         "Fix the expression at the reported position and check rule files in CI with "
         "'promtool check rules <file>' so an invalid expression never reaches Prometheus.",
     .also = "promtool check rules, pint promql/syntax"},
    check};

}  // namespace golive::rules::observability
