#include "rules/observability/app_checks.h"

#include <string>

#include "rules/common.h"

namespace golive::rules {

bool require_application(RuleContext& context) {
  const model::RepoModel& model = context.model();
  if (!deploys_a_service(model)) {
    context.not_applicable(
        "the repository deploys no service (no Dockerfile, compose file, Kubernetes workload or "
        "Helm chart)");
    return false;
  }
  if (!model.app.has_sources()) {
    context.not_applicable("no application source in Node, Python, Go or Java/Kotlin");
    return false;
  }
  return true;
}

bool require_cors(RuleContext& context) {
  if (!require_application(context)) return false;
  if (context.model().app.cors.empty()) {
    context.not_applicable("no CORS configuration found");
    return false;
  }
  return true;
}

void require_capability(RuleContext& context, model::AppCapability capability,
                        std::string_view what, std::string_view examples,
                        std::string_view also_in) {
  if (!require_application(context)) return;
  if (context.model().app.first(capability) != nullptr) return;
  context.report("no " + std::string(what) + " found in the " +
                 context.model().app.source_ecosystems() + " application code" +
                 std::string(also_in) + " (looked for " + std::string(examples) + ")");
}

}  // namespace golive::rules
