#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(
      context, model::AppCapability::kMetrics, "metrics library",
      "prom-client, prometheus_client, client_golang/promhttp, Micrometer, OpenTelemetry metrics");
}

}  // namespace

extern const Rule kMissingMetricsLibrary;
const Rule kMissingMetricsLibrary{
    {.id = "observability/missing-metrics-library",
     .section = "observability",
     .title = "The service exposes metrics through a metrics library",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 001 T106, 003 P3-03",
     .rationale = "Alerts on error rate, latency and saturation need numbers the service exports. "
                  "Without a metrics library the only signals are the load balancer's and the "
                  "node's, which cannot tell a slow query from a slow dependency. golive looks for "
                  "a metrics library in the dependency manifests and imports of the Node, Python, "
                  "Go and Java/Kotlin code: prom-client, express-prom-bundle, prometheus_client, "
                  "prometheus-fastapi-instrumentator, django-prometheus, client_golang (promhttp), "
                  "Micrometer, the Prometheus Java client and the OpenTelemetry metrics SDKs.",
     .remediation =
         "Add a metrics library and expose a scrape endpoint: prom-client with "
         "collectDefaultMetrics() and a /metrics route (Node), prometheus_client or "
         "prometheus-fastapi-instrumentator (Python), promhttp.Handler() (Go), or Micrometer with "
         "micrometer-registry-prometheus and the actuator prometheus endpoint (Spring).",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
