#include <algorithm>
#include <array>

#include "rules/common.h"
#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

bool is_source_file(std::string_view path) {
  static constexpr std::array<std::string_view, 28> kExtensions = {
      ".py",    ".js",    ".jsx", ".ts", ".tsx", ".mjs",  ".cjs", ".go",    ".java", ".kt",
      ".scala", ".rb",    ".php", ".cs", ".c",   ".cc",   ".cpp", ".cxx",   ".h",    ".hpp",
      ".rs",    ".swift", ".m",   ".ex", ".exs", ".dart", ".vue", ".svelte"};
  std::string_view name = base_name(path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view extension = name.substr(dot);
  return std::find(kExtensions.begin(), kExtensions.end(), extension) != kExtensions.end();
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty()) {
    return context.not_applicable(
        "no GitHub Actions or GitLab CI pipelines (ci/missing-workflow reports that)");
  }
  bool has_code = !model.ecosystems.empty() ||
                  std::any_of(model.files.begin(), model.files.end(), [](const auto& file) {
                    return !file.binary && is_source_file(file.path);
                  });
  if (!has_code) return context.not_applicable("no source code to analyse");
  if (gates::repository_runs(model, gates::is_sast)) return;
  gates::Anchor anchor = gates::ci_anchor(model);
  context.report(
      "no CI workflow runs static application security testing (codeql, semgrep, "
      "gosec, bandit) on the code",
      anchor.path, anchor.line);
}

}  // namespace

extern const Rule kMissingSast;
const Rule kMissingSast{
    {.id = "supply-chain/missing-sast",
     .section = "supply-chain",
     .title = "CI runs static application security testing",
     .severity = Severity::kWarning,
     .seeds = "000 T010",
     .rationale =
         "Injection, path traversal, unsafe deserialisation and weak crypto are found cheaply by "
         "a SAST tool on every pull request, and expensively by an attacker after go-live. "
         "Review alone misses them in large diffs.",
     .remediation =
         "Add a CodeQL workflow (github/codeql-action/init and analyze on pull_request and push "
         "to main) or a step running 'semgrep ci' (or gosec, bandit for one language); on GitLab "
         "include 'Jobs/SAST.gitlab-ci.yml'. If CodeQL default setup is enabled in the "
         "repository settings, which no file shows, record a waiver saying so.",
     .also = "scorecard SAST, GitLab SAST"},
    check};

}  // namespace golive::rules::supply_chain
