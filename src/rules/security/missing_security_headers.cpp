#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::security {
namespace {

void check(RuleContext& context) {
  require_capability(context, model::AppCapability::kSecurityHeaders, "security headers middleware",
                     "helmet, secure, Talisman, Django SECURE_* settings, Spring Security "
                     "headers(), nginx add_header, traefik headers middleware",
                     ", nginx config or ingress middleware");
}

}  // namespace

extern const Rule kMissingSecurityHeaders;
const Rule kMissingSecurityHeaders{
    {.id = "security/missing-security-headers",
     .section = "security",
     .title = "The service or its proxy sets security headers",
     .severity = Severity::kWarning,
     .seeds = "000 T021, 003 P2-01",
     .rationale =
         "Content-Security-Policy, Strict-Transport-Security, X-Frame-Options, "
         "X-Content-Type-Options and Referrer-Policy stop whole classes of attacks (clickjacking, "
         "MIME sniffing, protocol downgrade, script injection) for the price of a few response "
         "headers. golive looks for them in the application (helmet, @fastify/helmet, koa-helmet, "
         "lusca, flask-talisman, secure, django-csp, Django SECURE_* settings, unrolled/secure, "
         "gin-contrib/secure, echo's Secure middleware, Spring Security, or the header names "
         "written in code) and in the proxy in front of it (nginx add_header or more_set_headers, "
         "traefik headers middleware).",
     .remediation =
         "Add helmet() (Express), a Talisman or secure middleware (Flask, FastAPI), "
         "SecurityMiddleware with SECURE_HSTS_SECONDS and SECURE_CONTENT_TYPE_NOSNIFF (Django), "
         "unrolled/secure (Go), Spring Security's headers() (Java), or add_header lines for the "
         "five headers in the nginx server block that fronts the service.",
     .also = "OWASP Secure Headers Project, ZAP passive scan rules 10020/10021/10035/10038",
     .service_practice = true},
    check};

}  // namespace golive::rules::security
