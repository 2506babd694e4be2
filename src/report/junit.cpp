#include <map>

#include "report/report.h"
#include "report/xml_escape.h"

namespace golive::report {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (byte < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
        out += c;
    }
  }
  return out;
}

namespace {

struct Case {
  std::string name;
  std::string failure;  // empty when passed
  std::string failure_type;
  std::string skipped;  // reason when not applicable or disabled
};

// One testcase per rule and target: a failing rule has one case per file it found problems in.
std::vector<Case> cases_for(const engine::RuleOutcome& outcome,
                            const std::vector<rules::Finding>& findings) {
  std::string id(outcome.rule->meta.id);
  if (outcome.status == engine::RuleStatus::kNotApplicable ||
      outcome.status == engine::RuleStatus::kDisabled ||
      outcome.status == engine::RuleStatus::kUnverified) {
    return {{id, "", "", std::string(engine::status_name(outcome.status)) + ": " + outcome.reason}};
  }
  std::map<std::string, Case> by_target;
  for (const auto& finding : findings) {
    if (finding.rule_id != id) continue;
    std::string target = finding.file.empty() ? "(repository)" : finding.file;
    Case& c = by_target[target];
    c.name = id + " " + target;
    c.failure_type = std::string(rules::severity_name(finding.severity));
    c.failure += location_text(finding) + ": " + finding.message + "\n  fix: " + finding.fix + "\n";
  }
  if (by_target.empty()) return {{id, "", "", ""}};
  std::vector<Case> cases;
  cases.reserve(by_target.size());
  for (auto& [target, c] : by_target) cases.push_back(std::move(c));
  return cases;
}

}  // namespace

std::string render_junit(const ReportContext& context) {
  const auto& result = context.result;
  std::map<std::string, std::vector<Case>> suites;
  for (const auto& outcome : result.outcomes) {
    auto cases = cases_for(outcome, result.findings);
    auto& suite = suites[std::string(outcome.rule->meta.section)];
    suite.insert(suite.end(), cases.begin(), cases.end());
  }
  size_t total = 0;
  size_t failures = 0;
  size_t skipped = 0;
  std::string body;
  for (const auto& [section, cases] : suites) {
    size_t suite_failures = 0;
    size_t suite_skipped = 0;
    std::string suite_body;
    for (const auto& c : cases) {
      suite_body += "    <testcase name=\"" + xml_escape(c.name) + "\" classname=\"golive." +
                    xml_escape(section) + "\"";
      if (!c.failure.empty()) {
        ++suite_failures;
        std::string first_line = c.failure.substr(0, c.failure.find('\n'));
        suite_body += ">\n      <failure message=\"" + xml_escape(first_line) + "\" type=\"" +
                      xml_escape(c.failure_type) + "\">" + xml_escape(c.failure) +
                      "</failure>\n    </testcase>\n";
      } else if (!c.skipped.empty()) {
        ++suite_skipped;
        suite_body +=
            ">\n      <skipped message=\"" + xml_escape(c.skipped) + "\"/>\n    </testcase>\n";
      } else {
        suite_body += "/>\n";
      }
    }
    total += cases.size();
    failures += suite_failures;
    skipped += suite_skipped;
    body += "  <testsuite name=\"" + xml_escape(section) + "\" tests=\"" +
            std::to_string(cases.size()) + "\" failures=\"" + std::to_string(suite_failures) +
            R"(" errors="0" skipped=")" + std::to_string(suite_skipped) + "\">\n" + suite_body +
            "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"golive\" tests=\"" +
         std::to_string(total) + "\" failures=\"" + std::to_string(failures) +
         R"(" errors="0" skipped=")" + std::to_string(skipped) + "\">\n" + body + "</testsuites>\n";
}

}  // namespace golive::report
