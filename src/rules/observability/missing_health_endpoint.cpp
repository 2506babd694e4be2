#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(context, model::AppCapability::kHealthRoute, "health endpoint route",
                     "/health, /healthz, /ready, /readyz, /livez routes, Spring Boot actuator");
}

}  // namespace

extern const Rule kMissingHealthEndpoint;
const Rule kMissingHealthEndpoint{
    {.id = "observability/missing-health-endpoint",
     .section = "observability",
     .title = "The service exposes a health endpoint",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 003 P3-03, 004 T029",
     .rationale = "Load balancers, Kubernetes probes, uptime checks and smoke tests all need a "
                  "cheap endpoint that says whether the service can serve. Without one, a deploy "
                  "is declared healthy as soon as the process starts. golive looks for a route on "
                  "/health, /healthz, /healthcheck, /ready, /readyz, /readiness, /livez or "
                  "/liveness in the route definitions of Express, Fastify and Koa, FastAPI, Flask "
                  "and Django, net/http, gin, echo and chi, Spring @GetMapping, and for Spring "
                  "Boot actuator, @godaddy/terminus, @nestjs/terminus or django-health-check.",
     .remediation =
         "Add a liveness route that answers 200 without touching dependencies (/healthz) and a "
         "readiness route that checks the database and other dependencies (/readyz), then point "
         "the container HEALTHCHECK and the Kubernetes probes at them.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
