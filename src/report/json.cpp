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

ordered_json counted_json(const std::vector<engine::CountedFile>& files) {
  ordered_json out = ordered_json::array();
  for (const auto& file : files) out.push_back({{"path", file.path}, {"count", file.count}});
  return out;
}

ordered_json inventory_json(const engine::Inventory& inventory) {
  ordered_json out;
  out["ci"] = ordered_json::array();
  for (const auto& p : inventory.ci)
    out["ci"].push_back(
        {{"system", p.system}, {"path", p.path}, {"jobs", p.jobs}, {"triggers", p.triggers}});
  out["projects"] = ordered_json::array();
  for (const auto& p : inventory.projects)
    out["projects"].push_back(
        {{"ecosystem", p.ecosystem}, {"directory", p.directory}, {"manifest", p.manifest}});
  out["dockerfiles"] = ordered_json::array();
  for (const auto& d : inventory.dockerfiles)
    out["dockerfiles"].push_back({{"path", d.path},
                                  {"role", d.role},
                                  {"base", d.base},
                                  {"user", d.user},
                                  {"stages", d.stages},
                                  {"built_here", d.built_here}});
  out["compose"] = ordered_json::array();
  for (const auto& c : inventory.compose)
    out["compose"].push_back({{"path", c.path}, {"role", c.role}, {"services", c.services}});
  out["kubernetes"] = ordered_json::array();
  for (const auto& e : inventory.kubernetes) {
    ordered_json kinds = ordered_json::object();
    for (const auto& [kind, count] : e.kinds) kinds[kind] = count;
    out["kubernetes"].push_back({{"environment", e.name},
                                 {"kustomization", e.kustomization},
                                 {"production", e.production},
                                 {"kinds", kinds}});
  }
  out["kustomize_bases"] = inventory.kustomize_bases;
  out["helm_charts"] = ordered_json::array();
  for (const auto& c : inventory.helm_charts)
    out["helm_charts"].push_back(
        {{"directory", c.directory}, {"name", c.name}, {"values_files", c.values_files}});
  out["terraform"] = {{"modules", ordered_json::array()},
                      {"environments", inventory.terraform_environments}};
  for (const auto& m : inventory.terraform_modules)
    out["terraform"]["modules"].push_back({{"directory", m.directory},
                                           {"files", m.files},
                                           {"resources", m.resources},
                                           {"backends", m.backends}});
  out["alert_rules"] = counted_json(inventory.alert_rules);
  out["recording_rules"] = counted_json(inventory.recording_rules);
  out["dashboards"] = inventory.dashboards;
  out["load_tests"] = inventory.load_tests;
  out["docs"] = inventory.docs;
  ordered_json roles = ordered_json::object();
  for (const auto& [role, count] : inventory.files_by_role) roles[role] = count;
  out["files_by_role"] = roles;
  return out;
}

}  // namespace

std::string render_json(const ReportContext& context) {
  const auto& result = context.result;
  ordered_json out;
  out["schema"] = "golive-scan/2";
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
  out["inventory"] = inventory_json(result.inventory);
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace golive::report
