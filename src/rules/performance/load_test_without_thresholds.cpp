#include "rules/common.h"
#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::performance {
namespace {

void check(RuleContext& context) {
  if (!require_application(context)) return;
  const auto& scripts = context.model().app.load_tests;
  if (scripts.empty()) {
    context.not_applicable("no load test scripts");
    return;
  }
  for (const auto& script : scripts) {
    if (script.thresholds_line > 0 || is_traffic_generator(context.model(), script)) continue;
    context.report(script.tool +
                       " script declares no pass/fail thresholds, so a slow run still "
                       "passes (for example " +
                       script.thresholds_hint + ")",
                   script.path, script.line);
  }
}

}  // namespace

extern const Rule kLoadTestWithoutThresholds;
const Rule kLoadTestWithoutThresholds{
    {.id = "performance/load-test-without-thresholds",
     .section = "performance",
     .title = "Load tests declare pass/fail thresholds",
     .severity = Severity::kWarning,
     .seeds = "000 T030, 001 T115, 003 P5-03",
     .rationale =
         "A load test without thresholds always succeeds: it prints numbers that nobody "
         "compares with the SLO, and a regression ships. golive looks for k6 options.thresholds, "
         "Artillery ensure (config.ensure or the ensure plugin), Gatling assertions(), Locust "
         "runs that set process_exit_code or use the --check-fail-ratio/--check-avg-response-time "
         "options of locust-plugins, and JMeter Duration Assertions. A script packaged into an "
         "image of its own (a "
         "Dockerfile in its folder) is a traffic generator that runs beside the service, not "
         "a test, and is skipped.",
     .remediation =
         "Declare the SLO in the script so the run fails when it is missed: in k6 "
         "'thresholds: { http_req_duration: [\"p(95)<500\"], http_req_failed: [\"rate<0.01\"] }', "
         "in Artillery 'ensure: { p95: 500, maxErrorRate: 1 }', in Gatling "
         "'.assertions(global().responseTime().percentile(95).lt(500))'.",
     .also = ""},
    check};

}  // namespace golive::rules::performance
