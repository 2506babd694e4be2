#include <nlohmann/json.hpp>

#include "core/version.h"
#include "report/report.h"

namespace golive::report {
namespace {

using nlohmann::ordered_json;

ordered_json finding_json(const rules::Finding& finding) {
  const rules::Rule* rule = rules::find_rule(finding.rule_id);
  ordered_json out;
  out["rule"] = finding.rule_id;
  out["section"] = rule != nullptr ? std::string(rule->meta.section) : "";
  out["severity"] = std::string(rules::severity_name(finding.severity));
  out["message"] = finding.message;
  out["file"] = finding.file.empty() ? ordered_json(nullptr) : ordered_json(finding.file);
  out["line"] = finding.line;
  out["column"] = finding.column;
  out["evidence"] = finding.evidence;
  out["fix"] = finding.fix;
  out["fingerprint"] = fingerprint(finding);
  return out;
}

}  // namespace

std::string render_json(const ReportContext& context) {
  const auto& result = context.result;
  ordered_json out;
  out["schema"] = "golive-scan/1";
  out["tool"] = {{"name", "golive"}, {"version", std::string(core::kVersion)}};
  out["root"] = context.root;
  out["level"] = {{"name", std::string(engine::level_name(result.level))},
                  {"reason", result.level_reason}};
  out["profile"] = {{"name", std::string(model::profile_name(result.profile.kind))},
                    {"why", result.profile.why},
                    {"configured", result.profile.configured}};
  ordered_json counts = {{"error", 0}, {"warning", 0}, {"info", 0}};
  for (const auto& f : result.findings)
    counts[std::string(rules::severity_name(f.severity))] =
        counts[std::string(rules::severity_name(f.severity))].get<int>() + 1;
  out["summary"] = {
      {"files_scanned", result.files_scanned},  {"findings", counts},
      {"hidden", result.hidden.size()},         {"out_of_scope", result.out_of_scope.size()},
      {"unverified", result.unverified.size()}, {"skipped", result.skipped.size()}};
  out["sections"] = ordered_json::array();
  for (const auto& s : result.sections) {
    out["sections"].push_back({{"section", s.section},
                               {"passed", s.passed},
                               {"failed", s.failed},
                               {"unverified", s.unverified},
                               {"not_applicable", s.not_applicable},
                               {"disabled", s.disabled},
                               {"score", s.percent()}});
  }
  out["findings"] = ordered_json::array();
  for (const auto& f : result.findings) out["findings"].push_back(finding_json(f));
  out["hidden"] = ordered_json::array();
  for (const auto& h : result.hidden) {
    ordered_json item = finding_json(h.finding);
    item["hidden_by"] = h.how;
    out["hidden"].push_back(item);
  }
  out["unverified"] = ordered_json::array();
  for (const auto& check : result.unverified) {
    ordered_json item = finding_json(check);
    item.erase("severity");
    item.erase("fingerprint");
    out["unverified"].push_back(item);
  }
  out["out_of_scope"] = ordered_json::array();
  for (const auto& o : result.out_of_scope) {
    ordered_json item = finding_json(o.finding);
    item["role"] = std::string(walk::role_name(o.role));
    out["out_of_scope"].push_back(item);
  }
  out["rules"] = ordered_json::array();
  for (const auto& o : result.outcomes) {
    out["rules"].push_back({{"id", std::string(o.rule->meta.id)},
                            {"status", std::string(engine::status_name(o.status))},
                            {"severity", std::string(rules::severity_name(o.severity))},
                            {"reason", o.reason},
                            {"findings", o.findings}});
  }
  out["skipped"] = ordered_json::array();
  for (const auto& s : result.skipped)
    out["skipped"].push_back({{"path", s.rel_path}, {"reason", s.reason}});
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace golive::report
