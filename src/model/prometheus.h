#pragma once
// Prometheus as the repository configures it: prometheus.yml files and their rule_files globs,
// alerting and recording rules (rule files, PrometheusRule objects, rule files embedded in
// ConfigMaps) with their PromQL parsed once, ServiceMonitor/PodMonitor objects, the Kubernetes
// Services and workloads that expose a metrics port, and Grafana dashboards.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/promql.h"
#include "parse/yaml.h"

namespace golive::model {

struct RepoModel;
struct YamlDocumentSet;

// The query language of a rule's expression: Loki's ruler and VictoriaMetrics' vmalert read the
// same rule files, with LogQL and MetricsQL (a superset of PromQL; Graphite and LogsQL groups
// too).
enum class QueryLanguage { kPromql, kLogql, kMetricsql, kOther };

struct PromRule {
  std::string file;
  int line = 0;        // the rule's first key (- alert: / - record:)
  std::string source;  // "rule file", "PrometheusRule", "ConfigMap"
  std::string group;
  std::string alert;   // empty for a recording rule
  std::string record;  // empty for an alerting rule
  std::string expr;
  int expr_line = 0;  // where the expression is written
  bool has_for = false;
  std::string for_duration;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> annotations;
  std::map<std::string, int> annotation_lines;
  bool templated = false;  // {{ }} or ${ } in the expression: not validated
  QueryLanguage language = QueryLanguage::kPromql;  // only PromQL expressions are validated
  // Set when the expression does not parse; error_line/error_column are in the file.
  std::optional<parse::PromqlError> expr_error;
  int error_line = 0;
  int error_column = 0;
  parse::PromqlFacts facts;

  [[nodiscard]] bool is_alert() const { return !alert.empty(); }
  [[nodiscard]] std::string name() const { return is_alert() ? alert : record; }
};

struct RuleFilesGlob {
  std::string pattern;  // as written
  int line = 0;
  std::vector<std::string> matches;  // repository files it matches; filled after the walk
};

struct StaticTarget {
  std::string job;
  std::string target;  // host:port as written
};

struct PromConfig {
  std::string path;
  int line = 0;
  bool embedded = false;  // inside a ConfigMap: rule_files are container paths, not resolved
  std::vector<RuleFilesGlob> rule_files;
  std::vector<std::string> jobs;
  bool kubernetes_discovery = false;  // a scrape job uses kubernetes_sd_configs
  std::vector<StaticTarget> static_targets;
};

// A ServiceMonitor, PodMonitor or an equivalent scrape object.
struct ScrapeMonitor {
  std::string path;
  int line = 0;
  std::string kind;
  std::string name;
  std::string namespace_name;
  bool selects_pods = false;  // PodMonitor: the selector applies to pod labels
  std::map<std::string, std::string> match_labels;
  bool selector_known = true;  // false with matchExpressions or templated selectors
};

// A Kubernetes Service or workload; exposes_metrics says whether Prometheus should scrape it.
struct MetricsTarget {
  std::string path;
  int line = 0;
  std::string kind;
  std::string name;
  std::string namespace_name;
  std::map<std::string, std::string> labels;    // Service: metadata; workload: pod template
  std::map<std::string, std::string> selector;  // Service only: spec.selector
  bool exposes_metrics = false;
  std::string evidence;  // "port 'metrics'", "annotation prometheus.io/scrape"
};

// A PromQL query of a dashboard panel (model/grafana.h says which are collected and how).
struct DashboardQuery {
  int line = 0;  // the expr value
  std::string panel;
  std::string expr;     // as written
  std::string checked;  // what was parsed: expr with its range variables replaced
  std::optional<parse::PromqlError> error;
};

struct GrafanaDashboard {
  std::string path;
  int line = 0;
  std::string title;
  std::string source;                   // "json", "ConfigMap", "GrafanaDashboard"
  std::vector<DashboardQuery> queries;  // JSON dashboards only
};

struct PrometheusFacts {
  std::vector<PromConfig> configs;
  std::vector<PromRule> rules;
  std::vector<ScrapeMonitor> monitors;
  std::vector<MetricsTarget> targets;
  std::vector<GrafanaDashboard> dashboards;

  void merge(PrometheusFacts& part);
  [[nodiscard]] bool has_alerts() const;
};

// Reads one parsed YAML or JSON file; content is its text (to place errors in block scalars).
void learn_prometheus(const YamlDocumentSet& set, std::string_view content, PrometheusFacts& facts);

// After the walk: resolves every rule_files glob against the repository's files.
void resolve_prometheus_rule_files(RepoModel& model);

}  // namespace golive::model
