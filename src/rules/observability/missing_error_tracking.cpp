#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  require_capability(context, model::AppCapability::kErrorTracking, "error tracker",
                     "Sentry, Rollbar, Bugsnag, Honeybadger SDKs");
}

}  // namespace

extern const Rule kMissingErrorTracking;
const Rule kMissingErrorTracking{
    {.id = "observability/missing-error-tracking",
     .section = "observability",
     .title = "Unhandled errors are reported to an error tracker",
     .severity = Severity::kWarning,
     .seeds = "000 T031, 001 T107, 003 P3-03",
     .rationale =
         "An exception that only reaches a log line is found when a user complains. An error "
         "tracker groups exceptions, keeps their stack traces and context, and notifies the team "
         "when a new one appears after a deploy. golive looks for the Sentry, Rollbar, Bugsnag and "
         "Honeybadger SDKs in the manifests and imports of each ecosystem.",
     .remediation =
         "Add an error tracker's SDK and initialise it at startup with the release and "
         "environment: @sentry/node (Node), sentry-sdk (Python), github.com/getsentry/sentry-go "
         "(Go) or sentry-spring-boot-starter (Java), with the DSN from the environment.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
