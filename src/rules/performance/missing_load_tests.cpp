#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::performance {
namespace {

void check(RuleContext& context) {
  if (!require_application(context)) return;
  if (!context.model().app.load_tests.empty()) return;
  context.report(
      "no load test scripts found (looked for k6, Locust, Artillery, Gatling and JMeter)");
}

}  // namespace

extern const Rule kMissingLoadTests;
const Rule kMissingLoadTests{
    {.id = "performance/missing-load-tests",
     .section = "performance",
     .title = "The service has load test scripts",
     .severity = Severity::kWarning,
     .seeds = "000 T012, 000 T030, 001 T114, 003 P5-02",
     .rationale =
         "Capacity is a guess until traffic has been simulated: connection pools, N+1 queries "
         "and missing indexes show up under load, not in unit tests. The seeds ask for load "
         "tests before go-live. golive recognises k6 scripts (imports of k6 or k6/http), Locust "
         "files (from locust import), Artillery YAML (config: and scenarios:), Gatling "
         "simulations (extends Simulation) and JMeter test plans (.jmx).",
     .remediation = "Add a load test of the critical paths, for example loadtest/api.js with "
                    "'import http from \"k6/http\"', a ramping scenario, and thresholds such as "
                    "http_req_duration: ['p(95)<500'] and http_req_failed: ['rate<0.01'].",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::performance
