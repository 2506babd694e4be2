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
  bool any_measured = false;
  for (const auto& project : projects) {
    bool tested = model::any_command_covers(model, project, StepKind::kTest);
    if (!tested) continue;
    std::string path;
    int line = 0;
    std::string evidence;
    const model::CiCommand* coverage =
        model::find_covering_command(model, project, StepKind::kCoverage);
    if (coverage != nullptr) {
      path = coverage->path;
      line = coverage->line;
      evidence = coverage->line_text;
    } else {
      for (const auto& fact : model.coverage.facts) {
        if (fact.kind == model::ProjectFactKind::kCollectsCoverage &&
            model::applies_to(projects, fact.ecosystem, fact.directory, project)) {
          path = fact.path;
          line = fact.line;
          evidence = fact.evidence;
          break;
        }
      }
    }
    if (path.empty()) continue;  // not measured: ci/coverage-not-measured says so
    any_measured = true;
    bool enforced = std::any_of(model.coverage.thresholds.begin(), model.coverage.thresholds.end(),
                                [&](const model::CoverageThreshold& threshold) {
                                  return model::applies_to(projects, threshold.ecosystem,
                                                           threshold.directory, project);
                                });
    if (enforced) continue;
    context.report("coverage of the " + project.ecosystem + " project " +
                       model::project_place(project) + " is measured but no minimum is enforced",
                   path, line, 0, evidence);
  }
  if (!any_measured) context.not_applicable("no project has its coverage measured in CI");
}

}  // namespace

extern const Rule kCoverageThresholdMissing;
const Rule kCoverageThresholdMissing{
    {.id = "ci/coverage-threshold-missing",
     .section = "ci",
     .title = "A coverage threshold is enforced",
     .severity = Severity::kWarning,
     .seeds = "002 §6, 003 P1-05",
     .rationale =
         "Coverage that is measured but never enforced only produces a number in a log: it can "
         "fall release after release without failing a single build.",
     .remediation =
         "Fail the tests below a minimum: '--cov-fail-under=80' (or 'fail_under = 80' under "
         "[tool.coverage.report]), jest 'coverageThreshold: { global: { lines: 80 } }', vitest "
         "'coverage.thresholds.lines: 80', nyc/c8 '--check-coverage --lines 80', "
         "go-test-coverage 'threshold.total: 80', or a Codecov project target of 80% as a "
         "required status check.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
