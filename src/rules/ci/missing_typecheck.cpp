#include <algorithm>

#include "model/coverage.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& projects = model::gate_projects(model);
  std::vector<std::pair<const model::Project*, const model::ProjectFact*>> typed;
  for (const auto& project : projects) {
    for (const auto& fact : model.coverage.facts) {
      if (fact.kind == model::ProjectFactKind::kTyped &&
          model::applies_to(projects, fact.ecosystem, fact.directory, project)) {
        typed.emplace_back(&project, &fact);
        break;
      }
    }
  }
  if (typed.empty()) {
    return context.not_applicable(
        "no TypeScript project and no Python project with a type checker configured");
  }
  for (const auto& [project, fact] : typed) {
    bool checked = model::any_command_covers(model, *project, model::StepKind::kTypecheck);
    if (checked) continue;
    context.report("the " + project->ecosystem + " project " + model::project_place(*project) +
                       " declares types (" + fact->evidence + ") but CI never type-checks it",
                   fact->path, fact->line);
  }
}

}  // namespace

extern const Rule kMissingTypecheck;
const Rule kMissingTypecheck{
    {.id = "ci/missing-typecheck",
     .section = "ci",
     .title = "CI type-checks typed projects",
     .severity = Severity::kWarning,
     .seeds = "002 §6",
     .rationale =
         "TypeScript compiled by a bundler that strips types, and Python annotated for mypy, "
         "prove nothing unless the checker runs: type errors pile up silently and the types "
         "stop being true.",
     .remediation =
         "Add a type-check step to the CI workflow in the project's directory: "
         "'- run: npx tsc --noEmit' (or 'npm run typecheck') for TypeScript, '- run: mypy .' "
         "or jakebailey/pyright-action for Python.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
