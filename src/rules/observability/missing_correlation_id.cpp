#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(
      context, model::AppCapability::kCorrelationId, "request or correlation id handling",
      "express-request-id, cls-rtracer, asgi-correlation-id, django-guid, chi/echo RequestID "
      "middleware, gin-contrib/requestid, MDC request ids, X-Request-ID headers");
}

}  // namespace

extern const Rule kMissingCorrelationId;
const Rule kMissingCorrelationId{
    {.id = "observability/missing-correlation-id",
     .section = "observability",
     .title = "Requests carry a correlation id into the logs",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 001 T106, 003 P3-03",
     .rationale =
         "Without a request id that travels from the edge into every log line, the logs of one "
         "failing request cannot be told apart from thousands of others, and support cannot match "
         "a user's report to the server's records. golive looks for request-id middleware "
         "(express-request-id, cls-rtracer, fastify genReqId, asgi-correlation-id, django-guid, "
         "chi or echo middleware.RequestID, gin-contrib/requestid), a request id put in the "
         "logging MDC, or code that reads or writes the X-Request-ID or X-Correlation-ID header.",
     .remediation =
         "Add request-id middleware that reuses an incoming X-Request-ID or creates one, returns "
         "it in the response and binds it to the logger: asgi-correlation-id (FastAPI/Starlette), "
         "express-request-id or cls-rtracer (Express), middleware.RequestID (chi, echo), or a "
         "servlet filter that puts it in the MDC (Spring).",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
