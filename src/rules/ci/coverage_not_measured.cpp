#include <algorithm>

#include "model/coverage.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

using model::StepKind;

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& projects = model::gate_projects(model);
  bool any_tested = false;
  for (const auto& project : projects) {
    const model::CiCommand* test = model::find_covering_command(model, project, StepKind::kTest);
    if (test == nullptr) continue;
    any_tested = true;
    bool measured = model::any_command_covers(model, project, StepKind::kCoverage);
    measured =
        measured ||
        std::any_of(model.coverage.facts.begin(), model.coverage.facts.end(),
                    [&](const model::ProjectFact& fact) {
                      return fact.kind == model::ProjectFactKind::kCollectsCoverage &&
                             model::applies_to(projects, fact.ecosystem, fact.directory, project);
                    });
    if (measured) continue;
    context.report("the " + project.ecosystem + " tests " + model::project_place(project) +
                       " run in CI without measuring coverage",
                   test->path, test->line, 0, test->line_text);
  }
  if (!any_tested) context.not_applicable("no CI step runs the tests of a detected project");
}

}  // namespace

extern const Rule kCoverageNotMeasured;
const Rule kCoverageNotMeasured{
    {.id = "ci/coverage-not-measured",
     .section = "ci",
     .title = "CI measures test coverage",
     .severity = Severity::kWarning,
     .seeds = "002 §6, 003 P1-05",
     .rationale =
         "Without coverage nobody knows which code the green test run exercised; untested "
         "paths (error handling, new endpoints) grow unnoticed until they fail in production.",
     .remediation =
         "Measure coverage where the tests run: 'pytest --cov=app', 'npx jest --coverage' or "
         "'vitest run --coverage', 'go test -coverprofile=coverage.out ./...', "
         "'cargo llvm-cov', jacoco for Maven/Gradle, gcovr for CMake; or switch it on in the "
         "test runner's config (jest collectCoverage, addopts = --cov in pytest.ini). Upload "
         "the report (codecov/codecov-action) to track it over time.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
