#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::security {
namespace {

void check(RuleContext& context) {
  if (!require_cors(context)) return;
  for (const auto& setting : context.model().app.cors) {
    if (!setting.production || !setting.wildcard_origin) continue;
    std::string what = setting.config_value ? setting.source + "=*" : setting.source;
    context.report(what + " allows every origin in production configuration", setting.path,
                   setting.line);
  }
}

}  // namespace

extern const Rule kCorsWildcardInProduction;
const Rule kCorsWildcardInProduction{
    {.id = "security/cors-wildcard-in-production",
     .section = "security",
     .title = "Production configuration does not allow every CORS origin",
     .severity = Severity::kError,
     .seeds = "000 T021, 003 P2-01",
     .rationale =
         "A wildcard origin is a development convenience. In production it lets any website "
         "script the API from a user's browser, and it is usually one environment variable "
         "away from being combined with credentials. golive reads CORS_ORIGIN, CORS_ORIGINS, "
         "CORS_ALLOWED_ORIGINS, CORS_ALLOW_ORIGIN and ALLOWED_ORIGINS (and their camelCase Helm "
         "values forms) set to \"*\" in env files, compose files, Kubernetes env entries and "
         "Helm values, and CORS settings in code and ingress annotations, in files whose path "
         "or name says prod, production, prd or live.",
     .remediation =
         "Set the production value to the exact origins of the front ends that call the API "
         "(CORS_ORIGIN=https://app.example.com), and keep \"*\" to local development files.",
     .also = "ZAP rule 10098 (cross-domain misconfiguration)"},
    check};

}  // namespace golive::rules::security
