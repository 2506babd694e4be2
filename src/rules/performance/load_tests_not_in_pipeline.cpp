#include <vector>

#include "rules/common.h"
#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::performance {
namespace {

bool pipeline_runs_load_tests(const model::RepoModel& model) {
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.has_step(model::StepKind::kLoadTest)) return true;
    }
  }
  for (const auto& action : model.actions) {
    for (const auto& step : action.steps) {
      if (step.is(model::StepKind::kLoadTest)) return true;
    }
  }
  // Through npm scripts and make targets ("npm run loadtest" that runs k6).
  for (const auto& command : model.gate_facts.commands) {
    for (const auto& kind : command.kinds) {
      if (kind.kind == model::StepKind::kLoadTest) return true;
    }
  }
  return false;
}

void check(RuleContext& context) {
  if (!require_application(context)) return;
  std::vector<const model::LoadTestScript*> scripts;
  for (const auto& script : context.model().app.load_tests) {
    if (!is_traffic_generator(context.model(), script)) scripts.push_back(&script);
  }
  if (scripts.empty()) {
    context.not_applicable(
        "no load test scripts (a traffic generator packaged as an image is none)");
    return;
  }
  if (pipeline_runs_load_tests(context.model())) return;
  const auto& first = *scripts.front();
  context.report(
      "no CI workflow runs the load tests (" + first.tool + " script " + first.path + ")",
      first.path, first.line);
}

}  // namespace

extern const Rule kLoadTestsNotInPipeline;
const Rule kLoadTestsNotInPipeline{
    {.id = "performance/load-tests-not-in-pipeline",
     .section = "performance",
     .title = "A pipeline runs the load tests",
     .severity = Severity::kWarning,
     .seeds = "000 T030, 001 T114, 003 P5-04",
     .rationale =
         "Load tests that only run on an engineer's laptop run once, before the first release, "
         "and never again; performance regressions then reach production unnoticed. golive "
         "looks for a CI step (GitHub Actions, GitLab CI, local composite actions, and the npm "
         "scripts and make targets they call) that runs k6, Locust, Artillery, Gatling, JMeter, "
         "wrk, hey or vegeta, or uses the grafana k6 actions.",
     .remediation =
         "Run the load test in a pipeline against staging after each deploy or on a schedule, "
         "for example a job with 'uses: grafana/setup-k6-action' and 'run: k6 run "
         "loadtest/api.js', so its thresholds fail the run.",
     .also = ""},
    check};

}  // namespace golive::rules::performance
