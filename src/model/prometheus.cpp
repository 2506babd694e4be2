#include "model/prometheus.h"

#include <algorithm>
#include <array>

#include "core/glob.h"
#include "core/paths.h"
#include "core/strings.h"
#include "model/grafana.h"
#include "model/model.h"

namespace golive::model {
namespace {

using core::ends_with;

using parse::Node;

// Scrape objects of the Prometheus Operator and VictoriaMetrics' operator.
struct MonitorKind {
  std::string_view kind;
  bool selects_pods;
};
constexpr std::array<MonitorKind, 4> kMonitorKinds = {{
    {"ServiceMonitor", false},
    {"PodMonitor", true},
    {"VMServiceScrape", false},
    {"VMPodScrape", true},
}};

// Kubernetes objects holding rule groups under spec.groups.
constexpr std::array<std::string_view, 2> kRuleKinds = {"PrometheusRule", "VMRule"};

// Port names that say "scrape me".
constexpr std::array<std::string_view, 3> kMetricsPortNames = {"metrics", "http-metrics",
                                                               "https-metrics"};

constexpr std::array<std::string_view, 8> kWorkloadKinds = {
    "Deployment", "StatefulSet", "DaemonSet",        "ReplicaSet",
    "Pod",        "Rollout",     "DeploymentConfig", "ReplicationController"};

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const Node* child(const Node* node, std::string_view key) {
  return node != nullptr && node->is_map() ? node->find(key) : nullptr;
}

const Node* path_of(const Node* node, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) node = child(node, key);
  return node;
}

std::map<std::string, std::string> scalar_map(const Node* node) {
  std::map<std::string, std::string> out;
  if (node == nullptr || !node->is_map()) return out;
  for (const auto& entry : node->children) {
    if (entry.is_scalar()) out[entry.key] = entry.value;
  }
  return out;
}

bool is_templated(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("${") != std::string_view::npos;
}

std::string_view line_text(std::string_view content, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t next = content.find('\n', start);
    if (next == std::string_view::npos) return {};
    start = next + 1;
  }
  size_t end = content.find('\n', start);
  return content.substr(start,
                        end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Where an error inside an expression scalar sits in the file, from how the scalar is written.
void place_error(std::string_view content, const Node& expr, PromRule& rule) {
  const parse::PromqlError& error = *rule.expr_error;
  rule.error_line = expr.mark.line + error.line - 1;
  rule.error_column = error.line == 1 ? expr.mark.column + error.column - 1 : error.column;
  if (content.empty()) return;
  std::string_view text = line_text(content, expr.mark.line);
  size_t at = static_cast<size_t>(std::max(expr.mark.column - 1, 0));
  char style = at < text.size() ? text[at] : ' ';
  if (style == '|' || style == '>') {
    // A block scalar: the expression starts on the next line, indented.
    rule.error_line = expr.mark.line + error.line;
    std::string_view first = line_text(content, expr.mark.line + 1);
    size_t indent = first.find_first_not_of(' ');
    rule.error_column =
        static_cast<int>(indent == std::string_view::npos ? 0 : indent) + error.column;
  } else if ((style == '"' || style == '\'') && error.line == 1) {
    rule.error_column += 1;
  }
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Loki's ruler reads the same groups/rules files with LogQL: a stream selector followed by a
// line filter or a pipeline stage ({app="x"} |= "error", {app="x"} | json) cannot be PromQL.
bool looks_like_logql(std::string_view expr) {
  static constexpr std::array<std::string_view, 12> kStages = {
      "json",         "logfmt", "regexp", "pattern", "unpack",     "line_format",
      "label_format", "unwrap", "drop",   "keep",    "decolorize", "ip("};
  for (size_t close = expr.find('}'); close != std::string_view::npos;
       close = expr.find('}', close + 1)) {
    size_t at = close + 1;
    while (at < expr.size() && is_blank(expr[at])) ++at;
    std::string_view rest = expr.substr(at);
    if (rest.starts_with("|=") || rest.starts_with("|~")) return true;
    if (rest.starts_with("!=") || rest.starts_with("!~")) {
      size_t next = 2;
      while (next < rest.size() && is_blank(rest[next])) ++next;
      if (next < rest.size() && (rest[next] == '"' || rest[next] == '`')) return true;
    }
    if (rest.starts_with("|")) {
      size_t next = 1;
      while (next < rest.size() && is_blank(rest[next])) ++next;
      for (std::string_view stage : kStages) {
        if (rest.substr(next).starts_with(stage)) return true;
      }
    }
  }
  return expr.find("bytes_over_time(") != std::string_view::npos ||
         expr.find("bytes_rate(") != std::string_view::npos;
}

// MetricsQL's own syntax, which PromQL does not have: WITH templates, keep_metric_names, and
// functions only VictoriaMetrics defines. An expression without them is read as PromQL.
bool uses_metricsql_syntax(std::string_view expr) {
  std::string lower = core::to_lower(expr);
  if (lower.find("keep_metric_names") != std::string::npos) return true;
  for (size_t at = lower.find("with"); at != std::string::npos; at = lower.find("with", at + 1)) {
    bool starts = at == 0 || !core::is_identifier_char(lower[at - 1]);
    size_t next = at + 4;
    while (next < lower.size() && is_blank(lower[next])) ++next;
    if (starts && next < lower.size() && lower[next] == '(') return true;
  }
  static constexpr std::array<std::string_view, 16> kFunctions = {
      "rollup(",        "rollup_rate(", "rollup_increase(",     "range_median(",
      "range_first(",   "range_last(",  "aggr_over_time(",      "median_over_time(",
      "increase_pure(", "lifetime(",    "histogram_over_time(", "limit_offset(",
      "running_sum(",   "union(",       "label_set(",           "duration_over_time("};
  for (std::string_view function : kFunctions) {
    for (size_t at = lower.find(function); at != std::string::npos;
         at = lower.find(function, at + 1)) {
      if (at == 0 || !core::is_identifier_char(lower[at - 1])) return true;
    }
  }
  return false;
}

void validate(PromRule& rule, const Node* expr, std::string_view content) {
  if (rule.templated || rule.language != QueryLanguage::kPromql) return;
  if (looks_like_logql(rule.expr)) {
    rule.language = QueryLanguage::kLogql;
    return;
  }
  if (uses_metricsql_syntax(rule.expr)) {
    rule.language = QueryLanguage::kMetricsql;
    return;
  }
  parse::PromqlParse parsed = parse::parse_promql(rule.expr);
  if (parsed.ok() && (parsed.root->type == parse::PromqlType::kRangeVector ||
                      parsed.root->type == parse::PromqlType::kString)) {
    parsed.error =
        parse::PromqlError{"a rule expression must be an instant vector or a scalar, got " +
                               std::string(parse::promql_type_name(parsed.root->type)),
                           1, 1};
  }
  if (!parsed.ok()) {
    rule.expr_error = parsed.error;
    if (expr != nullptr) {
      place_error(content, *expr, rule);
    } else {
      rule.error_line = rule.line;
    }
    return;
  }
  rule.facts = std::move(parsed.facts);
}

// groups: [{name, rules: [{alert|record, expr, for, labels, annotations}]}]. line_offset moves
// the positions of rule files embedded in a ConfigMap; their content is not at hand.
void extract_groups(const Node* groups, const std::string& path, std::string_view source,
                    std::string_view content, int line_offset, PrometheusFacts& facts) {
  if (groups == nullptr || !groups->is_seq()) return;
  // vmalert's rules (a VMRule object, or a group with vmalert's own 'type:') are MetricsQL, or
  // Graphite or LogsQL when the group says so.
  bool vmalert_object = source == "VMRule";
  for (const auto& group : groups->children) {
    const Node* rules = child(&group, "rules");
    if (rules == nullptr || !rules->is_seq()) continue;
    std::string group_type = core::to_lower(group.get("type"));
    QueryLanguage language = QueryLanguage::kPromql;
    if (group_type == "graphite" || group_type == "vlogs") {
      language = QueryLanguage::kOther;
    } else if (vmalert_object || !group_type.empty()) {
      language = QueryLanguage::kMetricsql;
    }
    for (const auto& item : rules->children) {
      if (!item.is_map()) continue;
      PromRule rule;
      rule.alert = item.get("alert");
      rule.record = item.get("record");
      if (rule.alert.empty() && rule.record.empty()) continue;
      rule.file = path;
      rule.line = item.mark.line + line_offset;
      rule.source = std::string(source);
      rule.group = group.get("name");
      const Node* expr = item.find("expr");
      if (expr != nullptr && expr->is_scalar()) {
        rule.expr = expr->value;
        rule.expr_line = expr->mark.line + line_offset;
      } else {
        rule.expr_line = rule.line;
      }
      if (const Node* duration = item.find("for")) {
        rule.has_for = true;
        rule.for_duration = duration->value;
      }
      rule.labels = scalar_map(item.find("labels"));
      rule.annotations = scalar_map(item.find("annotations"));
      if (const Node* annotations = item.find("annotations");
          annotations && annotations->is_map()) {
        for (const auto& entry : annotations->children)
          rule.annotation_lines[entry.key] = entry.key_mark.line + line_offset;
      }
      rule.templated = is_templated(rule.expr);
      rule.language = language;
      validate(rule, line_offset == 0 ? expr : nullptr, line_offset == 0 ? content : "");
      if (line_offset != 0 && rule.expr_error) {
        rule.error_line = rule.expr_line;
        rule.error_column = 0;
      }
      facts.rules.push_back(std::move(rule));
    }
  }
}

bool has_rule_groups(const Node& doc) {
  const Node* groups = doc.find("groups");
  if (groups == nullptr || !groups->is_seq()) return false;
  for (const auto& group : groups->children) {
    if (child(&group, "rules") != nullptr) return true;
  }
  return false;
}

bool looks_like_config(const Node& doc) {
  return doc.find("scrape_configs") != nullptr ||
         (doc.find("rule_files") != nullptr && doc.find("global") != nullptr);
}

void extract_config(const Node& doc, const std::string& path, bool embedded, int line_offset,
                    PrometheusFacts& facts) {
  PromConfig config;
  config.path = path;
  config.line = doc.mark.line + line_offset;
  config.embedded = embedded;
  if (const Node* rule_files = doc.find("rule_files"); rule_files && rule_files->is_seq()) {
    for (const auto& entry : rule_files->children) {
      if (entry.is_scalar() && !entry.value.empty())
        config.rule_files.push_back({entry.value, entry.mark.line + line_offset, {}});
    }
  }
  if (const Node* jobs = doc.find("scrape_configs"); jobs && jobs->is_seq()) {
    for (const auto& job : jobs->children) {
      if (!job.is_map()) continue;
      std::string name = job.get("job_name");
      config.jobs.push_back(name);
      if (job.find("kubernetes_sd_configs") != nullptr) config.kubernetes_discovery = true;
      const Node* statics = job.find("static_configs");
      if (statics == nullptr || !statics->is_seq()) continue;
      for (const auto& group : statics->children) {
        const Node* targets = child(&group, "targets");
        if (targets == nullptr || !targets->is_seq()) continue;
        for (const auto& target : targets->children) {
          if (target.is_scalar()) config.static_targets.push_back({name, target.value});
        }
      }
    }
  }
  facts.configs.push_back(std::move(config));
}

bool is_dashboard(const Node& doc) {
  return doc.is_map() && (doc.find("panels") != nullptr || doc.find("rows") != nullptr) &&
         (doc.find("title") != nullptr || doc.find("schemaVersion") != nullptr);
}

// The body of a rule file, a prometheus.yml or a dashboard written as a string in a ConfigMap.
void learn_embedded(const Node& doc, const std::string& path, PrometheusFacts& facts) {
  const Node* data = doc.find("data");
  if (data == nullptr || !data->is_map()) return;
  auto labels = scalar_map(path_of(&doc, {"metadata", "labels"}));
  bool dashboard_label = labels.count("grafana_dashboard") > 0;
  for (const auto& entry : data->children) {
    if (!entry.is_scalar()) continue;
    if (ends_with(entry.key, ".json")) {
      if (dashboard_label || entry.value.find("\"panels\"") != std::string::npos) {
        facts.dashboards.push_back({path, entry.key_mark.line, entry.key, "ConfigMap", {}});
        // A block scalar's first line is the one after its key.
        collect_embedded_dashboard_queries(entry.value, entry.mark.line + 1,
                                           facts.dashboards.back());
      }
      continue;
    }
    if (!ends_with(entry.key, ".yml") && !ends_with(entry.key, ".yaml") &&
        !ends_with(entry.key, ".rules"))
      continue;
    if (entry.value.find("groups") == std::string::npos &&
        entry.value.find("scrape_configs") == std::string::npos)
      continue;
    parse::YamlFile inner = parse::parse_yaml(entry.value);
    if (!inner.valid) continue;
    // A block scalar's first line is the one after its key.
    int offset = entry.mark.line;
    for (const auto& inner_doc : inner.documents) {
      if (!inner_doc.is_map()) continue;
      if (has_rule_groups(inner_doc))
        extract_groups(inner_doc.find("groups"), path, "ConfigMap", "", offset, facts);
      if (looks_like_config(inner_doc)) extract_config(inner_doc, path, true, offset, facts);
    }
  }
}

bool has_metrics_port(const Node* ports) {
  if (ports == nullptr || !ports->is_seq()) return false;
  for (const auto& port : ports->children) {
    if (port.is_map() && in(kMetricsPortNames, port.get("name"))) return true;
  }
  return false;
}

std::string scrape_annotation(const std::map<std::string, std::string>& annotations) {
  auto it = annotations.find("prometheus.io/scrape");
  return it != annotations.end() && core::iequals(it->second, "true")
             ? "annotation prometheus.io/scrape"
             : "";
}

void learn_target(const Node& doc, const std::string& path, const std::string& kind,
                  PrometheusFacts& facts) {
  MetricsTarget target;
  target.path = path;
  target.line = doc.mark.line;
  target.kind = kind;
  target.name = path_of(&doc, {"metadata"}) ? path_of(&doc, {"metadata"})->get("name") : "";
  target.namespace_name =
      path_of(&doc, {"metadata"}) ? path_of(&doc, {"metadata"})->get("namespace") : "";
  auto annotations = scalar_map(path_of(&doc, {"metadata", "annotations"}));
  if (kind == "Service") {
    target.labels = scalar_map(path_of(&doc, {"metadata", "labels"}));
    target.selector = scalar_map(path_of(&doc, {"spec", "selector"}));
    if (has_metrics_port(path_of(&doc, {"spec", "ports"})))
      target.evidence = "a port named metrics";
  } else {
    const Node* pod = kind == "Pod" ? &doc : path_of(&doc, {"spec", "template"});
    target.labels = scalar_map(path_of(pod, {"metadata", "labels"}));
    auto pod_annotations = scalar_map(path_of(pod, {"metadata", "annotations"}));
    annotations.insert(pod_annotations.begin(), pod_annotations.end());
    if (const Node* containers = path_of(pod, {"spec", "containers"});
        containers && containers->is_seq()) {
      for (const auto& container : containers->children) {
        if (has_metrics_port(child(&container, "ports"))) target.evidence = "a port named metrics";
      }
    }
  }
  if (target.evidence.empty()) target.evidence = scrape_annotation(annotations);
  target.exposes_metrics = !target.evidence.empty();
  facts.targets.push_back(std::move(target));
}

void learn_monitor(const Node& doc, const std::string& path, const MonitorKind& kind,
                   PrometheusFacts& facts) {
  ScrapeMonitor monitor;
  monitor.path = path;
  monitor.line = doc.mark.line;
  monitor.kind = std::string(kind.kind);
  monitor.selects_pods = kind.selects_pods;
  if (const Node* metadata = doc.find("metadata")) {
    monitor.name = metadata->get("name");
    monitor.namespace_name = metadata->get("namespace");
  }
  const Node* selector = path_of(&doc, {"spec", "selector"});
  monitor.match_labels = scalar_map(child(selector, "matchLabels"));
  monitor.selector_known = child(selector, "matchExpressions") == nullptr;
  for (const auto& [key, value] : monitor.match_labels) {
    if (is_templated(key) || is_templated(value)) monitor.selector_known = false;
  }
  facts.monitors.push_back(std::move(monitor));
}

void learn_object(const Node& doc, const std::string& path, std::string_view content,
                  PrometheusFacts& facts) {
  std::string kind = doc.get("kind");
  if (in(kRuleKinds, kind)) {
    extract_groups(path_of(&doc, {"spec", "groups"}), path, kind, content, 0, facts);
    return;
  }
  for (const auto& monitor : kMonitorKinds) {
    if (monitor.kind == kind) return learn_monitor(doc, path, monitor, facts);
  }
  if (kind == "ConfigMap") return learn_embedded(doc, path, facts);
  if (kind == "GrafanaDashboard") {
    const Node* metadata = doc.find("metadata");
    facts.dashboards.push_back(
        {path, doc.mark.line, metadata ? metadata->get("name") : "", "GrafanaDashboard", {}});
    return;
  }
  if (kind == "Service" || in(kWorkloadKinds, kind)) learn_target(doc, path, kind, facts);
}

}  // namespace

void PrometheusFacts::merge(PrometheusFacts& part) {
  auto move_all = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  };
  move_all(configs, part.configs);
  move_all(rules, part.rules);
  move_all(monitors, part.monitors);
  move_all(targets, part.targets);
  move_all(dashboards, part.dashboards);
}

bool PrometheusFacts::has_alerts() const {
  return std::any_of(rules.begin(), rules.end(),
                     [](const PromRule& rule) { return rule.is_alert(); });
}

void learn_prometheus(const YamlDocumentSet& set, std::string_view content,
                      PrometheusFacts& facts) {
  bool json = ends_with(set.path, ".json");
  for (const auto& doc : set.documents) {
    if (!doc.is_map()) continue;
    if (json) {
      const Node* wrapped = doc.find("dashboard");
      const Node& dashboard = wrapped != nullptr && wrapped->is_map() ? *wrapped : doc;
      if (is_dashboard(dashboard)) {
        facts.dashboards.push_back(
            {set.path, dashboard.mark.line, dashboard.get("title"), "json", {}});
        collect_dashboard_queries(dashboard, facts.dashboards.back());
      }
      continue;
    }
    if (!doc.get("apiVersion").empty() && !doc.get("kind").empty()) {
      learn_object(doc, set.path, content, facts);
      continue;
    }
    if (has_rule_groups(doc))
      extract_groups(doc.find("groups"), set.path, "rule file", content, 0, facts);
    if (set.kind == walk::FileKind::kPrometheusConfig || looks_like_config(doc))
      extract_config(doc, set.path, false, 0, facts);
  }
}

namespace {

// "/etc/prometheus/rules/*.yml" is a path inside a container; the repository usually holds the
// same tree under another root, so an absolute pattern matches on its last two segments.
std::vector<std::string> candidate_patterns(const PromConfig& config, const std::string& pattern) {
  if (pattern.empty()) return {};
  if (pattern.front() != '/') {
    std::string directory(config.path.substr(
        0, config.path.rfind('/') == std::string::npos ? 0 : config.path.rfind('/')));
    return {core::join_path(directory, pattern)};
  }
  auto parts = core::split(pattern, '/');
  parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
  if (parts.empty()) return {};
  std::string tail = parts.back();
  if (parts.size() >= 2) tail = parts[parts.size() - 2] + "/" + tail;
  return {tail, "**/" + tail};
}

}  // namespace

void resolve_prometheus_rule_files(RepoModel& model) {
  for (auto& config : model.prometheus.configs) {
    if (config.embedded) continue;
    for (auto& glob : config.rule_files) {
      for (const std::string& pattern : candidate_patterns(config, glob.pattern)) {
        for (const auto& file : model.files) {
          if (core::glob_match(pattern, file.path)) glob.matches.push_back(file.path);
        }
      }
      std::sort(glob.matches.begin(), glob.matches.end());
      glob.matches.erase(std::unique(glob.matches.begin(), glob.matches.end()), glob.matches.end());
    }
  }
}

}  // namespace golive::model
