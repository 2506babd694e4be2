#include "report/secrets_report.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/version.h"
#include "report/report.h"
#include "secrets/rules.h"

namespace golive::report {
namespace {

using nlohmann::ordered_json;

std::string_view severity_text(const secrets::SecretFinding& finding) {
  return finding.severity == secrets::SecretSeverity::kError ? "error" : "warning";
}

std::string with_thousands(uint64_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

std::string render_text(const SecretsReport& report) {
  std::string out;
  const char* red = report.color ? "\033[31m" : "";
  const char* yellow = report.color ? "\033[33m" : "";
  const char* reset = report.color ? "\033[0m" : "";
  for (const auto& finding : report.findings) {
    bool error = finding.severity == secrets::SecretSeverity::kError;
    out += finding.path + ":" + std::to_string(finding.line) + ":" +
           std::to_string(finding.column) + ": " + (error ? red : yellow) +
           std::string(severity_text(finding)) + reset + ": " + finding.description +
           " committed: " + finding.redacted + (finding.in_test_path ? " (test path)" : "") + " [" +
           finding.rule_id + "]\n";
    if (!finding.commit.empty())
      out += "    first committed in " + finding.commit.substr(0, 12) + " by " + finding.author +
             " on " + finding.date + "\n";
  }
  for (const auto& problem : report.problems) out += "golive: warning: " + problem + "\n";
  std::string scanned =
      report.mode == "history"
          ? with_thousands(report.commits) + " commits, " + with_thousands(report.files) +
                " distinct blobs"
          : with_thousands(report.files) + (report.files == 1 ? " file" : " files");
  out += "golive secrets (" + report.mode + "): " + std::to_string(report.findings.size()) +
         " new finding" + (report.findings.size() == 1 ? "" : "s");
  if (!report.baselined.empty())
    out += ", " + std::to_string(report.baselined.size()) +
           " accepted (baseline, waiver or a gitleaks/detect-secrets marker)";
  out += "; scanned " + scanned + " (" + with_thousands(report.bytes / 1024) + " KiB)\n";
  if (!report.findings.empty())
    out +=
        "Rotate each secret first (it is in every clone), then remove it; accept a false "
        "positive with 'golive:ignore <rule> -- reason' or --write-baseline.\n";
  return out;
}

ordered_json finding_json(const secrets::SecretFinding& finding, bool baselined) {
  ordered_json item = {{"rule", finding.rule_id},
                       {"description", finding.description},
                       {"severity", severity_text(finding)},
                       {"path", finding.path},
                       {"line", finding.line},
                       {"column", finding.column},
                       {"secret", finding.redacted},
                       {"fingerprint", finding.fingerprint},
                       {"test_path", finding.in_test_path},
                       {"baselined", baselined}};
  if (!finding.commit.empty()) {
    item["commit"] = finding.commit;
    item["author"] = finding.author;
    item["date"] = finding.date;
  }
  return item;
}

std::string render_json(const SecretsReport& report) {
  ordered_json findings = ordered_json::array();
  for (const auto& finding : report.findings) findings.push_back(finding_json(finding, false));
  for (const auto& finding : report.baselined) findings.push_back(finding_json(finding, true));
  ordered_json out = {{"schema", "golive-secrets/1"},
                      {"tool", {{"name", "golive"}, {"version", std::string(core::kVersion)}}},
                      {"mode", report.mode},
                      {"root", report.root},
                      {"summary",
                       {{"new", report.findings.size()},
                        {"baselined", report.baselined.size()},
                        {"files", report.files},
                        {"bytes", report.bytes},
                        {"commits", report.commits}}},
                      {"findings", findings},
                      {"problems", report.problems}};
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

const secrets::SecretRule* find_rule(std::string_view rule_id) {
  for (const auto& rule : secrets::builtin_rules()) {
    if (rule_id == "secrets/" + std::string(rule.id)) return &rule;
  }
  return nullptr;
}

std::string render_sarif(const SecretsReport& report) {
  ordered_json rules_json = ordered_json::array();
  std::map<std::string, size_t> rule_index;
  ordered_json results = ordered_json::array();
  for (const auto& finding : report.findings) {
    if (!rule_index.count(finding.rule_id)) {
      rule_index[finding.rule_id] = rules_json.size();
      const secrets::SecretRule* rule = find_rule(finding.rule_id);
      std::string title = rule != nullptr ? std::string(rule->description) : finding.description;
      ordered_json descriptor = {
          {"id", finding.rule_id},
          {"name", finding.rule_id},
          {"shortDescription", {{"text", title + " committed"}}},
          {"help",
           {{"text",
             "Rotate the secret, remove it from the repository and its history, and "
             "load it from a secrets manager at run time."}}},
          {"helpUri", rule_doc_url("secrets/committed-secret")},
          {"properties", {{"tags", ordered_json::array({"secrets", "security"})}}}};
      rules_json.push_back(std::move(descriptor));
    }
    ordered_json region = {{"startLine", finding.line}, {"startColumn", finding.column}};
    ordered_json result = {
        {"ruleId", finding.rule_id},
        {"ruleIndex", rule_index[finding.rule_id]},
        {"level", severity_text(finding)},
        {"message", {{"text", finding.description + " committed: " + finding.redacted}}},
        {"locations",
         ordered_json::array(
             {{{"physicalLocation",
                {{"artifactLocation", {{"uri", finding.path}, {"uriBaseId", "%SRCROOT%"}}},
                 {"region", region}}}}})},
        {"partialFingerprints", {{"goliveSecret/v1", finding.fingerprint}}}};
    if (!finding.commit.empty())
      result["properties"] = {
          {"commit", finding.commit}, {"author", finding.author}, {"date", finding.date}};
    results.push_back(std::move(result));
  }
  ordered_json driver = {{"name", "golive"},
                         {"version", std::string(core::kVersion)},
                         {"semanticVersion", std::string(core::kVersion)},
                         {"informationUri", std::string(core::kRuleDocsBase)},
                         {"rules", rules_json}};
  ordered_json run = {{"tool", {{"driver", driver}}},
                      {"automationDetails", {{"id", "golive/secrets/" + report.mode + "/"}}},
                      {"columnKind", "utf16CodeUnits"},
                      {"results", results}};
  ordered_json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({run})}};
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

bool is_secrets_format(std::string_view format) {
  return format == "text" || format == "json" || format == "sarif";
}

std::string render_secrets(std::string_view format, const SecretsReport& report) {
  if (format == "json") return render_json(report);
  if (format == "sarif") return render_sarif(report);
  return render_text(report);
}

}  // namespace golive::report
