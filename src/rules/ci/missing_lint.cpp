#include <algorithm>

#include "model/coverage.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

bool lints_in_build(const model::RepoModel& model, const std::vector<model::Project>& projects,
                    const model::Project& project) {
  return std::any_of(model.coverage.facts.begin(), model.coverage.facts.end(),
                     [&](const model::ProjectFact& fact) {
                       return fact.kind == model::ProjectFactKind::kLintInBuild &&
                              model::applies_to(projects, fact.ecosystem, fact.directory, project);
                     });
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& projects = model::gate_projects(model);
  if (projects.empty())
    return context.not_applicable("no package manifest with source code of its own");
  auto covered = [&](const model::Project& project, model::StepKind kind) {
    return model::any_command_covers(model, project, kind);
  };
  for (const auto& project : projects) {
    if (covered(project, model::StepKind::kLint)) continue;
    // Checkstyle, Spotless or clang-tidy wired into the build lint whenever CI builds or tests.
    if (lints_in_build(model, projects, project) &&
        (covered(project, model::StepKind::kBuild) || covered(project, model::StepKind::kTest)))
      continue;
    context.report("the " + project.ecosystem + " project " + model::project_place(project) +
                       " has no lint step in CI",
                   project.manifest, model::script_line(model, project, "lint"));
  }
}

}  // namespace

extern const Rule kMissingLint;
const Rule kMissingLint{
    {.id = "ci/missing-lint",
     .section = "ci",
     .title = "CI lints every project",
     .severity = Severity::kWarning,
     .seeds = "001 T103, 002 §6",
     .rationale =
         "Linters catch the bugs tests miss (unused results, shadowed errors, unsafe calls) and "
         "keep reviews about design instead of style; run only on developers' machines they "
         "are skipped exactly when it matters.",
     .remediation = "Add a lint step for the project to the CI workflow, in its directory: e.g. "
                    "'- run: npx eslint .' (or 'npm run lint'), '- run: ruff check .', "
                    "golangci/golangci-lint-action, '- run: cargo clippy -- -D warnings', "
                    "'- run: cppcheck --error-exitcode=1 src' or '- uses: pre-commit/action@v3'.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
