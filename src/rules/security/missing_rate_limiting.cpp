#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::security {
namespace {

void check(RuleContext& context) {
  require_capability(context, model::AppCapability::kRateLimiting, "rate limiting",
                     "express-rate-limit, rate-limiter-flexible, slowapi, django-ratelimit, "
                     "flask-limiter, x/time/rate, tollbooth, bucket4j, resilience4j-ratelimiter, "
                     "nginx limit_req, ingress limit-rps, traefik rateLimit",
                     ", nginx config or ingress annotations");
}

}  // namespace

extern const Rule kMissingRateLimiting;
const Rule kMissingRateLimiting{
    {.id = "security/missing-rate-limiting",
     .section = "security",
     .title = "Requests are rate limited in the service or at its edge",
     .severity = Severity::kWarning,
     .seeds = "000 T021, 003 P2-02",
     .rationale =
         "Without a rate limit one client, a retry storm or a credential-stuffing script can "
         "exhaust the service's workers or its database for everyone. golive looks for a limiter "
         "in the application (express-rate-limit, rate-limiter-flexible, @fastify/rate-limit, "
         "@nestjs/throttler, slowapi, django-ratelimit, flask-limiter, fastapi-limiter, DRF "
         "throttling, golang.org/x/time/rate, tollbooth, ulule/limiter, httprate, bucket4j, "
         "resilience4j-ratelimiter) or at the edge (nginx limit_req_zone/limit_req, ingress-nginx "
         "limit-rps/limit-rpm/limit-connections annotations, a traefik rateLimit middleware).",
     .remediation =
         "Limit requests per client where the service is exposed: "
         "nginx.ingress.kubernetes.io/limit-rps on the Ingress, limit_req in nginx, or a "
         "middleware in the service (express-rate-limit, slowapi, golang.org/x/time/rate, "
         "bucket4j), with stricter limits on login and other expensive endpoints.",
     .also = "OWASP API Security Top 10 API4:2023",
     .service_practice = true},
    check};

}  // namespace golive::rules::security
