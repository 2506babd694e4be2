#include <algorithm>
#include <array>

#include "core/strings.h"
#include "model/coverage.h"
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

// golangci-lint's configuration at the root turns gosec on: listed under linters.enable, or
// every linter enabled (enable-all: true in v1, default: all in v2).
bool golangci_enables_gosec(const model::RepoModel& model) {
  for (std::string_view name : {".golangci.yml", ".golangci.yaml"}) {
    const parse::Node* root = model.yaml_document(name);
    const parse::Node* linters =
        root != nullptr && root->is_map() ? root->find("linters") : nullptr;
    if (linters == nullptr || !linters->is_map()) continue;
    if (linters->get("default") == "all" || core::is_truthy_text(linters->get("enable-all")))
      return true;
    const parse::Node* enable = linters->find("enable");
    if (enable == nullptr || !enable->is_seq()) continue;
    for (const auto& linter : enable->children) {
      if (linter.is_scalar() && linter.value == "gosec") return true;
    }
  }
  return false;
}

// A CI command that runs golangci-lint, directly, through its action or a make target.
bool ci_runs_golangci_lint(const model::RepoModel& model) {
  const auto& commands = model::ci_commands(model);
  return std::any_of(commands.begin(), commands.end(), [](const model::CiCommand& command) {
    return std::any_of(command.kinds.begin(), command.kinds.end(),
                       [](const model::StepRecognition& r) {
                         return r.kind == model::StepKind::kLint &&
                                r.evidence.find("golangci") != std::string::npos;
                       });
  });
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
  // gosec enabled in golangci-lint's configuration runs with the lint step.
  if (golangci_enables_gosec(model) && ci_runs_golangci_lint(model)) return;
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
         "Review alone misses them in large diffs. gosec enabled in .golangci.yml (linters.enable, "
         "enable-all or default: all) counts when CI runs golangci-lint, directly or through a "
         "make target.",
     .remediation =
         "Add a CodeQL workflow (github/codeql-action/init and analyze on pull_request and push "
         "to main) or a step running 'semgrep ci' (or gosec, bandit for one language); on GitLab "
         "include 'Jobs/SAST.gitlab-ci.yml'. If CodeQL default setup is enabled in the "
         "repository settings, which no file shows, record a waiver saying so.",
     .also = "scorecard SAST, GitLab SAST"},
    check};

}  // namespace golive::rules::supply_chain
