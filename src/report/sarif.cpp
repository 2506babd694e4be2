#include <map>
#include <nlohmann/json.hpp>

#include "core/version.h"
#include "report/report.h"

namespace golive::report {
namespace {

using nlohmann::ordered_json;

std::string sarif_level(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::kError:
      return "error";
    case rules::Severity::kWarning:
      return "warning";
    case rules::Severity::kInfo:
      return "note";
  }
  return "warning";
}

ordered_json rule_descriptor(const engine::RuleOutcome& outcome) {
  const rules::RuleMeta& meta = outcome.rule->meta;
  std::string help = std::string(meta.rationale) + "\n\nFix: " + std::string(meta.remediation);
  std::string markdown = "**" + std::string(meta.title) + "**\n\n" + std::string(meta.rationale) +
                         "\n\n**How to fix:** " + std::string(meta.remediation);
  if (!meta.seeds.empty()) markdown += "\n\nStandard references: " + std::string(meta.seeds);
  ordered_json tags = ordered_json::array({std::string(meta.section), "go-live"});
  return {{"id", std::string(meta.id)},
          {"name", std::string(meta.id)},
          {"shortDescription", {{"text", std::string(meta.title)}}},
          {"fullDescription", {{"text", std::string(meta.rationale)}}},
          {"help", {{"text", help}, {"markdown", markdown}}},
          {"helpUri", rule_doc_url(meta.id)},
          {"defaultConfiguration", {{"level", sarif_level(outcome.severity)}}},
          {"properties", {{"tags", tags}, {"precision", "high"}}}};
}

ordered_json location(const rules::Finding& finding) {
  // Findings about the repository as a whole point at its root.
  ordered_json artifact = {{"uri", finding.file.empty() ? "." : finding.file},
                           {"uriBaseId", "%SRCROOT%"}};
  ordered_json physical = {{"artifactLocation", artifact}};
  if (finding.line > 0) {
    ordered_json region = {{"startLine", finding.line}};
    if (finding.column > 0) region["startColumn"] = finding.column;
    if (!finding.evidence.empty()) region["snippet"] = {{"text", finding.evidence}};
    physical["region"] = region;
  }
  return {{"physicalLocation", physical}};
}

}  // namespace

std::string render_sarif(const ReportContext& context) {
  const auto& result = context.result;
  ordered_json rules_json = ordered_json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& outcome : result.outcomes) {
    if (outcome.status == engine::RuleStatus::kDisabled) continue;
    rule_index[std::string(outcome.rule->meta.id)] = rules_json.size();
    rules_json.push_back(rule_descriptor(outcome));
  }
  ordered_json results = ordered_json::array();
  std::map<std::string, int> occurrences;
  for (const auto& finding : result.findings) {
    std::string print = fingerprint(finding);
    int occurrence = ++occurrences[print];
    ordered_json item = {
        {"ruleId", finding.rule_id},
        {"ruleIndex", rule_index[finding.rule_id]},
        {"level", sarif_level(finding.severity)},
        {"message",
         {{"text", finding.message + (finding.fix.empty() ? "" : ". Fix: " + finding.fix)}}},
        {"locations", ordered_json::array({location(finding)})},
        {"partialFingerprints",
         {{"goliveFindingHash/v1", print + ":" + std::to_string(occurrence)}}}};
    results.push_back(item);
  }
  ordered_json driver = {{"name", "golive"},
                         {"version", std::string(core::kVersion)},
                         {"semanticVersion", std::string(core::kVersion)},
                         {"informationUri", std::string(core::kRuleDocsBase)},
                         {"rules", rules_json}};
  ordered_json run = {{"tool", {{"driver", driver}}},
                      {"automationDetails", {{"id", "golive/scan/"}}},
                      {"columnKind", "unicodeCodePoints"},
                      {"results", results}};
  ordered_json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({run})}};
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace golive::report
