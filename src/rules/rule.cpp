#include "rules/rule.h"

#include <algorithm>
#include <set>

namespace golive::rules {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::kInfo;
  if (text == "warning") return Severity::kWarning;
  if (text == "error") return Severity::kError;
  return std::nullopt;
}

void RuleContext::report(std::string message, std::string file, int line, int column,
                         std::string evidence) {
  Finding finding;
  finding.rule_id = std::string(meta_.id);
  finding.severity = meta_.severity;
  finding.message = std::move(message);
  finding.file = std::move(file);
  finding.line = line;
  finding.column = column;
  finding.evidence = std::move(evidence);
  finding.fix = std::string(meta_.remediation);
  findings_.push_back(std::move(finding));
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it =
      std::find_if(rules.begin(), rules.end(), [id](const Rule* r) { return r->meta.id == id; });
  return it == rules.end() ? nullptr : *it;
}

std::vector<std::string> all_sections() {
  std::set<std::string> sections;
  for (const Rule* rule : all_rules()) sections.emplace(rule->meta.section);
  return {sections.begin(), sections.end()};
}

}  // namespace golive::rules
