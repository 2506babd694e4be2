#include "rules/equivalents.h"

#include <array>

#include "core/strings.h"

namespace golive::rules {
namespace {

constexpr std::array<std::string_view, 11> kTools = {
    "hadolint", "checkov", "trivy",    "tfsec",          "kube-score", "kube-linter",
    "polaris",  "zizmor",  "gitleaks", "detect-secrets", "trufflehog"};

bool is_tool(std::string_view word) {
  for (std::string_view tool : kTools) {
    if (tool == word) return true;
  }
  return false;
}

std::string without_parentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// "AVD-DS-0002" and "DS002" as ("ds", 2); other ids lower-cased with no number.
std::pair<std::string, long> trivy_key(std::string_view id) {
  std::string lower = core::to_lower(id);
  if (lower.starts_with("avd-")) lower.erase(0, 4);
  std::string letters;
  std::string digits;
  for (char c : lower) {
    if (c >= 'a' && c <= 'z' && digits.empty()) letters += c;
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.empty() || digits.size() > 9) return {lower, -1};
  return {letters, std::stol(digits)};
}

}  // namespace

std::vector<Equivalent> parse_equivalents(std::string_view also) {
  std::vector<Equivalent> out;
  std::string text = core::replace_all(without_parentheses(also), " and ", ",");
  std::string tool;
  for (const auto& piece : core::split(text, ',')) {
    std::vector<std::string> words;
    for (const auto& word : core::split(core::trim(piece), ' ')) {
      if (!word.empty()) words.push_back(word);
    }
    if (words.empty()) continue;
    std::string first = core::to_lower(words.front());
    if (is_tool(first)) {
      tool = first;
      if (words.size() == 1) out.push_back({tool, ""});
      if (words.size() == 2) out.push_back({tool, words[1]});
      continue;  // more words are prose ("Trivy RDS deletion-protection checks")
    }
    if (!tool.empty() && words.size() == 1) {
      out.push_back({tool, words.front()});
    } else {
      tool.clear();  // another tool that golive does not read ("scorecard CI-Tests")
    }
  }
  return out;
}

bool same_check(std::string_view tool, std::string_view rule_check, std::string_view marked) {
  if (rule_check.ends_with('*')) {
    std::string prefix = core::to_lower(rule_check.substr(0, rule_check.size() - 1));
    return core::to_lower(marked).starts_with(prefix);
  }
  if (tool == "trivy") return trivy_key(rule_check) == trivy_key(marked);
  return core::iequals(rule_check, marked);
}

bool honours(std::string_view also, const parse::Suppression& suppression) {
  if (suppression.tool.empty() || also.empty()) return false;
  for (const auto& equivalent : parse_equivalents(also)) {
    if (equivalent.tool != suppression.tool) continue;
    if (suppression.check == "*") return true;
    if (!equivalent.check.empty() &&
        same_check(equivalent.tool, equivalent.check, suppression.check))
      return true;
  }
  return false;
}

}  // namespace golive::rules
