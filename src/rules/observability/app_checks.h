#pragma once
// What the rules about application code share: when they apply, and how a missing capability
// is reported. The facts come from model/app_facts.h.
#include <string_view>

#include "model/app_facts.h"
#include "rules/rule.h"

namespace golive::rules {

// True when the repository deploys a service with application source in a supported ecosystem
// (Node, Python, Go, Java/Kotlin); otherwise marks the rule not applicable and returns false.
bool require_application(RuleContext& context);

// require_application, and then that some CORS configuration exists; the CORS rules apply to
// nothing else.
bool require_cors(RuleContext& context);

// Reports, for the repository as a whole, that no evidence of capability exists in the code,
// the manifests or the service's config. what names the capability ("metrics library");
// examples lists libraries that would count; also_in names config read besides the code
// (", nginx config or ingress annotations"), or is empty.
void require_capability(RuleContext& context, model::AppCapability capability,
                        std::string_view what, std::string_view examples,
                        std::string_view also_in = "");

}  // namespace golive::rules
