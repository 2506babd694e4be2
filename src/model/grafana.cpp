#include "model/grafana.h"

#include <array>
#include <cctype>

#include "core/strings.h"
#include "parse/json.h"
#include "parse/promql.h"

namespace golive::model {
namespace {

using parse::Node;

using core::is_identifier_char;

// The length of the Grafana variable starting at text[at] ('$'): $name, ${name} or
// ${name:format}; 0 when none starts there.
size_t variable_length(std::string_view text, size_t at) {
  const bool braced = at + 1 < text.size() && text[at + 1] == '{';
  size_t end = at + (braced ? 2 : 1);
  const size_t name_begin = end;
  while (end < text.size() && is_identifier_char(text[end])) ++end;
  if (end == name_begin) return 0;
  if (!braced) return end - at;
  if (end < text.size() && text[end] == ':') {  // ${name:format}
    ++end;
    while (end < text.size() && (is_identifier_char(text[end]) || text[end] == '-')) ++end;
  }
  return end < text.size() && text[end] == '}' ? end - at + 1 : 0;
}

// Whether only a duration fits at text[at]: after the '[' of a range, the ':' of a subquery step
// or the keyword offset.
bool duration_position(std::string_view text, size_t at) {
  size_t end = at;
  while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1])) != 0) --end;
  if (end == 0) return false;
  if (text[end - 1] == '[' || text[end - 1] == ':') return true;
  constexpr std::string_view kOffset = "offset";
  if (end < kOffset.size()) return false;
  size_t begin = end - kOffset.size();
  return core::iequals(text.substr(begin, kOffset.size()), kOffset) &&
         (begin == 0 || !is_identifier_char(text[begin - 1]));
}

// A panel's or target's data source: a name (old dashboards), or an object with a type and uid.
std::string datasource_of(const Node* node, std::string_view inherited) {
  if (node == nullptr || node->is_null()) return std::string(inherited);
  if (node->is_scalar()) return node->value;
  if (!node->is_map()) return std::string(inherited);
  std::string type = node->get("type");
  return type.empty() ? node->get("uid", inherited) : type;
}

// Prometheus and what answers its API with PromQL itself (Mimir, Thanos, Cortex), or a templated
// data source: anything but a system with another query language. VictoriaMetrics is left out:
// MetricsQL accepts what PromQL rejects (rate(x) without a range).
bool speaks_promql(std::string_view datasource) {
  static constexpr std::array<std::string_view, 18> kOtherLanguages = {
      "loki",      "tempo",    "elastic",  "opensearch", "influx",      "graphite",
      "mysql",     "postgres", "mssql",    "cloudwatch", "jaeger",      "zipkin",
      "pyroscope", "datadog",  "testdata", "__expr__",   "stackdriver", "victoriametrics"};
  for (std::string_view other : kOtherLanguages) {
    if (core::contains_ci(datasource, other)) return false;
  }
  return true;
}

void collect_panels(const Node* panels, std::string_view inherited, GrafanaDashboard& into);

void collect_targets(const Node& panel, std::string_view datasource, GrafanaDashboard& into) {
  const Node* targets = panel.find("targets");
  if (targets == nullptr || !targets->is_seq()) return;
  for (const auto& target : targets->children) {
    const Node* expr = target.is_map() ? target.find("expr") : nullptr;
    if (expr == nullptr || !expr->is_scalar() || core::trim(expr->value).empty()) continue;
    if (!speaks_promql(datasource_of(target.find("datasource"), datasource))) continue;
    auto checked = promql_without_grafana_variables(expr->value);
    if (!checked) continue;
    DashboardQuery query{expr->mark.line, panel.get("title"), expr->value, *checked, {}};
    query.error = parse::parse_promql(query.checked).error;
    into.queries.push_back(std::move(query));
  }
}

void collect_panels(const Node* panels, std::string_view inherited, GrafanaDashboard& into) {
  if (panels == nullptr || !panels->is_seq()) return;
  for (const auto& panel : panels->children) {
    if (!panel.is_map()) continue;
    std::string datasource = datasource_of(panel.find("datasource"), inherited);
    collect_panels(panel.find("panels"), datasource, into);  // a collapsed row holds its panels
    collect_targets(panel, datasource, into);
  }
}

}  // namespace

std::optional<std::string> promql_without_grafana_variables(std::string_view expr) {
  std::string out;
  out.reserve(expr.size());
  char quote = 0;
  for (size_t i = 0; i < expr.size(); ++i) {
    char c = expr[i];
    if (quote != 0) {  // label values may hold variables: Prometheus sees a string either way
      out += c;
      if (c == '\\' && i + 1 < expr.size()) {
        out += expr[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') quote = c;
    if (c == '|') return std::nullopt;  // a LogQL or TraceQL pipeline
    const char next = i + 1 < expr.size() ? expr[i + 1] : '\0';
    if (c == '[' && next == '[') return std::nullopt;  // [[name]]
    if (c == '{' && next == '{') return std::nullopt;  // a Helm or Jsonnet template
    if (c != '$') {
      out += c;
      continue;
    }
    size_t length = variable_length(expr, i);
    if (length == 0 || !duration_position(expr, i)) return std::nullopt;
    // ${window}d or ${__interval_ms}ms: the variable is only the number of a duration.
    if (i + length < expr.size() && is_identifier_char(expr[i + length])) return std::nullopt;
    out += "5m";
    i += length - 1;
  }
  return out;
}

void collect_dashboard_queries(const Node& dashboard, GrafanaDashboard& into) {
  std::string datasource = datasource_of(dashboard.find("datasource"), "");
  collect_panels(dashboard.find("panels"), datasource, into);
  if (const Node* rows = dashboard.find("rows"); rows != nullptr && rows->is_seq()) {
    for (const auto& row : rows->children) {
      if (row.is_map()) collect_panels(row.find("panels"), datasource, into);
    }
  }
}

void collect_embedded_dashboard_queries(std::string_view json, int first_line,
                                        GrafanaDashboard& into) {
  parse::YamlFile file = parse::parse_json(json);
  if (!file.valid || file.documents.empty() || !file.documents.front().is_map()) return;
  const Node& document = file.documents.front();
  const Node* wrapped = document.find("dashboard");
  const size_t before = into.queries.size();
  collect_dashboard_queries(wrapped != nullptr && wrapped->is_map() ? *wrapped : document, into);
  for (size_t i = before; i < into.queries.size(); ++i) into.queries[i].line += first_line - 1;
}

}  // namespace golive::model
