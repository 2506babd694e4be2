#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::security {
namespace {

void check(RuleContext& context) {
  if (!require_cors(context)) return;
  for (const auto& setting : context.model().app.cors) {
    if (setting.config_value || !setting.wildcard_origin || !setting.allows_credentials) continue;
    context.report(setting.source +
                       " allows any origin and credentials, so any website can make "
                       "authenticated requests with the user's cookies",
                   setting.path, setting.line);
  }
}

}  // namespace

extern const Rule kCorsWildcardWithCredentials;
const Rule kCorsWildcardWithCredentials{
    {.id = "security/cors-wildcard-with-credentials",
     .section = "security",
     .title = "CORS never allows any origin together with credentials",
     .severity = Severity::kError,
     .seeds = "000 T021, 003 P2-01",
     .rationale =
         "A CORS policy that accepts any origin (\"*\", a reflected origin, allow-all) and also "
         "allows credentials lets every website a user visits call the API with the user's "
         "cookies or HTTP auth and read the answers: a cross-site data theft. golive reads CORS "
         "settings in code (cors() and @fastify/cors options, Nest enableCors, FastAPI/Starlette "
         "CORSMiddleware, flask-cors, django-cors-headers settings, rs/cors, gin-contrib/cors, "
         "gorilla handlers.CORS, echo CORSWithConfig, Spring @CrossOrigin, CorsConfiguration "
         "and CorsRegistry, Access-Control-Allow-* headers set by hand) and ingress-nginx "
         "enable-cors annotations, whose documented defaults are origin \"*\" and credentials "
         "true. Options the library defaults to \"*\" when no origin is given count as "
         "wildcards.",
     .remediation =
         "List the exact origins that may call the API (from configuration, per environment) "
         "and keep credentials only for those; never combine allow_credentials with \"*\" or "
         "with an origin reflected from the request. On ingress-nginx set "
         "cors-allow-origin to the real origins.",
     .also = "Semgrep cors-misconfiguration rules, ZAP rule 40040 (CORS misconfiguration)"},
    check};

}  // namespace golive::rules::security
