#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(context, model::AppCapability::kTracing, "tracing SDK",
                     "OpenTelemetry SDKs, dd-trace, jaeger-client, Micrometer Tracing");
}

}  // namespace

extern const Rule kMissingTracing;
const Rule kMissingTracing{
    {.id = "observability/missing-tracing",
     .section = "observability",
     .title = "The service traces requests with a tracing SDK",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 001 T107, 003 P3-03",
     .rationale = "When a request crosses several services or a database, a trace is the only "
                  "record of where its time went. The seeds ask for tracing of critical paths "
                  "before go-live. golive looks for a tracing SDK in the manifests and imports: "
                  "the OpenTelemetry SDKs and instrumentations of each language, dd-trace, "
                  "jaeger-client, Elastic APM, Micrometer Tracing and Spring Cloud Sleuth.",
     .remediation =
         "Add OpenTelemetry: @opentelemetry/sdk-node with auto-instrumentations-node (Node), "
         "opentelemetry-sdk with opentelemetry-instrumentation-fastapi/flask/django (Python), "
         "go.opentelemetry.io/otel/sdk with otelhttp (Go), or the OpenTelemetry Java agent or "
         "Spring Boot starter, and export spans over OTLP.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
