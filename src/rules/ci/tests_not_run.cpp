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
  if (projects.empty())
    return context.not_applicable("no package manifest with source code of its own");
  for (const auto& project : projects) {
    bool tested = model::any_command_covers(model, project, model::StepKind::kTest);
    if (tested) continue;
    context.report("the " + project.ecosystem + " project " + model::project_place(project) +
                       " has no test step in CI",
                   project.manifest, model::script_line(model, project, "test"));
  }
}

}  // namespace

extern const Rule kTestsNotRun;
const Rule kTestsNotRun{
    {.id = "ci/tests-not-run",
     .section = "ci",
     .title = "CI runs the tests of every project",
     .severity = Severity::kError,
     .seeds = "001 T103, 002 §6, 003 P1-01",
     .rationale =
         "A project whose tests never run in CI can be merged broken: the green check on the "
         "pull request only speaks for the parts of the repository it exercised. In a monorepo "
         "the service nobody wired into CI is the one that breaks in production.",
     .remediation =
         "Add a test step for the project to the CI workflow that runs on pull requests, in its "
         "directory, e.g. '- run: npm test' with 'working-directory: services/web', "
         "'- run: pytest' with 'working-directory: services/api', or 'go test ./...'; a "
         "'make test' or 'ctest' that covers the directory counts too.",
     .also = "scorecard CI-Tests"},
    check};

}  // namespace golive::rules::ci
