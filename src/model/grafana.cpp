#include "model/grafana.h"

#include <array>
#include <cctype>

#include "core/strings.h"
#include "parse/promql.h"

namespace golive::model {
namespace {

using parse::Node;

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The length of the Grafana variable starting at text[at] ('$'): $name, ${name} or
// ${name:format}; 0 when none starts there.
size_t variable_length(std::string_view text, size_t at) {
  if (at + 1 < text.size() && text[at + 1] == '{') {
    size_t close = text.find('}', at + 2);
    return close == std::string_view::npos ? 0 : close - at + 1;
  }
  size_t end = at + 1;
  while (end < text.size() && is_name_char(text[end])) ++end;
  return end - at > 1 ? end - at : 0;
}

// Whether only a duration fits at text[at]: after the '[' of a range, the ':' of a subquery step
// or the keyword offset.
bool duration_position(std::string_view text, size_t at) {
  size_t end = at;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end == 0) return false;
  if (text[end - 1] == '[' || text[end - 1] == ':') return true;
  constexpr std::string_view kOffset = "offset";
  if (end < kOffset.size()) return false;
  size_t begin = end - kOffset.size();
  return core::iequals(text.substr(begin, kOffset.size()), kOffset) &&
         (begin == 0 || !is_name_char(text[begin - 1]));
}

// A panel's or target's data source: a name (old dashboards), or an object with a type and uid.
std::string datasource_of(const Node* node, std::string_view inherited) {
  if (node == nullptr || node->is_null()) return std::string(inherited);
  if (node->is_scalar()) return node->value;
  if (!node->is_map()) return std::string(inherited);
  std::string type = node->get("type");
  return type.empty() ? node->get("uid", inherited) : type;
}

// Prometheus and what speaks its API (Mimir, Thanos, Cortex, VictoriaMetrics), or a templated
// data source: anything but a system with another query language.
bool speaks_promql(std::string_view datasource) {
  static constexpr std::array<std::string_view, 17> kOtherLanguages = {
      "loki",      "tempo",    "elastic",  "opensearch", "influx",     "graphite",
      "mysql",     "postgres", "mssql",    "cloudwatch", "jaeger",     "zipkin",
      "pyroscope", "datadog",  "testdata", "__expr__",   "stackdriver"};
  std::string lowered = core::to_lower(datasource);
  for (std::string_view other : kOtherLanguages) {
    if (lowered.find(other) != std::string::npos) return false;
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
    if (c == '[' && i + 1 < expr.size() && expr[i + 1] == '[') return std::nullopt;  // [[name]]
    if (c != '$') {
      out += c;
      continue;
    }
    size_t length = variable_length(expr, i);
    if (length == 0 || !duration_position(expr, i)) return std::nullopt;
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

}  // namespace golive::model
