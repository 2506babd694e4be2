#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(
      context, model::AppCapability::kStructuredLogging, "structured logging",
      "pino, bunyan, winston format.json(), structlog, python-json-logger, loguru serialize, zap, "
      "zerolog, slog JSON handler, logstash-logback-encoder, log4j2 JsonLayout");
}

}  // namespace

extern const Rule kUnstructuredLogging;
const Rule kUnstructuredLogging{
    {.id = "observability/unstructured-logging",
     .section = "observability",
     .title = "The service writes structured (JSON) logs",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 001 T106, 003 P3-03",
     .rationale =
         "Log aggregators search and alert on fields; free-text lines need fragile parsing and "
         "lose the request id, the status and the latency. golive looks for a structured logger in "
         "the manifests, imports and logging config: pino, bunyan, winston with format.json(), "
         "structlog, python-json-logger, loguru with serialize=True, a JSON format string for the "
         "standard logging module, zap, zerolog, slog's JSON handler, logrus' JSONFormatter, "
         "logstash-logback-encoder or logback's JsonEncoder, and log4j2's JSON layouts.",
     .remediation =
         "Log JSON to stdout: pino (Node), structlog or python-json-logger (Python), zap, zerolog "
         "or slog.NewJSONHandler (Go), or logstash-logback-encoder in logback-spring.xml (Java). "
         "Include the request id, level and timestamp in every line.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
