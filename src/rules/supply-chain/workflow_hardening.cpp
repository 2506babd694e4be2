#include "rules/supply-chain/workflow_hardening.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
#include "parse/shell.h"

namespace golive::rules::supply_chain {
namespace {

bool is_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Contexts whose text anyone who can open an issue, a pull request or push a branch chooses.
// Lower-case RE2; the list follows GitHub Security Lab's and zizmor's.
const RE2& untrusted_pattern() {
  static const RE2 kPattern(
      R"((github\.event\.(?:issue|pull_request|discussion)\.(?:title|body))"
      R"(|github\.event\.(?:comment|review|review_comment)\.body)"
      R"(|github\.event\.pages(?:\.\*|\[[^\]]*\])\.page_name)"
      R"(|github\.event\.(?:commits(?:\.\*|\[[^\]]*\])|head_commit|workflow_run\.head_commit|merge_group\.head_commit)\.(?:message|author\.(?:email|name)|committer\.(?:email|name)))"
      R"(|github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch))"
      R"(|github\.event\.workflow_run\.(?:head_branch|display_title|pull_requests(?:\.\*|\[[^\]]*\])\.head\.ref))"
      R"(|github\.head_ref)"
      R"(|tojson\(\s*github\.event(?:\.(?:issue|pull_request|comment|review|review_comment|)"
      R"(discussion|head_commit|commits|pages|workflow_run))?\s*\)))");
  return kPattern;
}

// Predicates return true/false, not the text they look at.
constexpr std::array<std::string_view, 3> kPredicates = {"contains", "startswith", "endswith"};

bool inside_predicate(std::string_view expression, size_t position) {
  int depth = 0;
  for (size_t i = position; i-- > 0;) {
    char c = expression[i];
    if (c == ')') ++depth;
    if (c != '(') continue;
    if (depth > 0) {
      --depth;
      continue;
    }
    size_t end = i;
    while (end > 0 && expression[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && is_word(expression[begin - 1])) --begin;
    std::string_view function = expression.substr(begin, end - begin);
    if (std::find(kPredicates.begin(), kPredicates.end(), function) != kPredicates.end())
      return true;
  }
  return false;
}

bool is_comparison_at(std::string_view text) {
  for (std::string_view op : {"==", "!=", "<", ">"}) {
    if (text.substr(0, op.size()) == op) return true;
  }
  return false;
}

// The operand is compared (== 'x'), which yields a boolean, not its text.
bool compared(std::string_view expression, size_t begin, size_t end) {
  std::string_view after = core::trim(expression.substr(end));
  std::string_view before = core::trim(expression.substr(0, begin));
  if (is_comparison_at(after)) return true;
  return !before.empty() && (before.back() == '<' || before.back() == '>' ||
                             (before.size() >= 2 && (before.substr(before.size() - 2) == "==" ||
                                                     before.substr(before.size() - 2) == "!=")));
}

std::string untrusted_env_in(const std::vector<model::KeyValue>& env, std::string_view name,
                             bool& defined) {
  for (const auto& kv : env) {
    if (kv.key != name) continue;
    defined = true;
    for (const auto& expression : expressions_in(kv.value)) {
      if (std::string context = untrusted_context(expression.inside); !context.empty())
        return context;
    }
    return "";
  }
  return "";
}

}  // namespace

bool has_github_ci(const model::RepoModel& model) {
  return !model.actions.empty() ||
         std::any_of(model.workflows.begin(), model.workflows.end(),
                     [](const auto& w) { return w.system == model::CiSystem::kGithubActions; });
}

ActionRef parse_uses(std::string_view uses) {
  ActionRef out;
  uses = core::trim(uses);
  if (uses.rfind("./", 0) == 0 || uses == ".") {
    out.local = true;
    out.name = std::string(uses);
    return out;
  }
  if (uses.rfind("docker://", 0) == 0) {
    out.docker = true;
    out.name = std::string(uses.substr(9));
    return out;
  }
  size_t at = uses.rfind('@');
  out.name = core::to_lower(uses.substr(0, at));
  if (at != std::string_view::npos) out.ref = std::string(uses.substr(at + 1));
  return out;
}

bool is_full_sha(std::string_view ref) { return ref.size() == 40 && is_hex(ref); }

bool has_digest(std::string_view image) {
  size_t at = image.find("@sha256:");
  if (at == std::string_view::npos) return false;
  std::string_view digest = image.substr(at + 8);
  return digest.size() >= 64 && is_hex(digest.substr(0, 64));
}

std::string_view ref_kind(std::string_view ref) {
  if (is_full_sha(ref)) return "sha";
  bool has_digit = std::any_of(ref.begin(), ref.end(),
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  bool has_letter = std::any_of(ref.begin(), ref.end(),
                                [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  if (ref.size() >= 7 && ref.size() < 40 && is_hex(ref) && has_digit && has_letter)
    return "short-sha";
  std::string_view version = ref;
  if (!version.empty() && (version.front() == 'v' || version.front() == 'V'))
    version.remove_prefix(1);
  if (!version.empty() && std::isdigit(static_cast<unsigned char>(version.front()))) return "tag";
  static constexpr std::array<std::string_view, 14> kBranches = {
      "main",   "master",  "develop", "development", "dev",    "trunk",    "next",
      "canary", "nightly", "head",    "edge",        "stable", "unstable", "beta"};
  std::string lower = core::to_lower(ref);
  if (ref.find('/') != std::string_view::npos ||
      std::find(kBranches.begin(), kBranches.end(), lower) != kBranches.end())
    return "branch";
  return "ref";
}

bool action_is(const ActionRef& ref, std::string_view name) {
  return !ref.local && !ref.docker && ref.name.rfind(name, 0) == 0 &&
         (ref.name.size() == name.size() || ref.name[name.size()] == '/');
}

std::vector<Expression> expressions_in(std::string_view text) {
  std::vector<Expression> out;
  size_t start = 0;
  while ((start = text.find("${{", start)) != std::string_view::npos) {
    size_t end = text.find("}}", start + 3);
    if (end == std::string_view::npos) break;
    out.push_back({std::string(core::trim(text.substr(start + 3, end - start - 3))), start});
    start = end + 2;
  }
  return out;
}

std::string untrusted_context(std::string_view expression) {
  std::string lower = core::to_lower(expression);
  re2::StringPiece rest(lower);
  re2::StringPiece match;
  while (RE2::PartialMatch(rest, untrusted_pattern(), &match)) {
    auto begin = static_cast<size_t>(match.data() - lower.data());
    size_t end = begin + match.size();
    bool whole_name = end >= lower.size() || !is_word(lower[end]);
    if (whole_name && !inside_predicate(lower, begin) && !compared(lower, begin, end))
      return std::string(expression.substr(begin, end - begin));
    rest = re2::StringPiece(lower.data() + end, lower.size() - end);
  }
  return "";
}

std::string untrusted_env(const StepSite& site, std::string_view name) {
  bool defined = false;
  std::string context = untrusted_env_in(site.step->env, name, defined);
  if (defined) return context;
  if (site.job != nullptr) {
    context = untrusted_env_in(site.job->env, name, defined);
    if (defined) return context;
  }
  if (site.workflow != nullptr) return untrusted_env_in(site.workflow->env, name, defined);
  return "";
}

std::vector<ScriptLine> script_lines(const model::Step& step) {
  std::vector<ScriptLine> out;
  for (auto& line : parse::logical_lines(step.run))
    out.push_back({std::move(line.text), step.run_line_at(line.first)});
  return out;
}

bool has_privileged_untrusted_trigger(const model::Workflow& workflow) {
  return workflow.system == model::CiSystem::kGithubActions &&
         (workflow.trigger("pull_request_target") != nullptr ||
          workflow.trigger("workflow_run") != nullptr);
}

}  // namespace golive::rules::supply_chain
