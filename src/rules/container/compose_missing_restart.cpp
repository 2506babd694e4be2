#include <algorithm>

#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& compose : context.model().compose_files) {
    if (is_development_compose(context.model(), compose.path)) continue;
    for (const auto& service : compose.services) {
      if (!service.profiles.empty()) continue;  // optional tools, started by hand
      any = true;
      if (!service.restart.empty()) continue;
      auto merged = merged_definitions(context.model(), compose, service);
      if (std::any_of(merged.begin(), merged.end(),
                      [](const model::ComposeService* other) { return !other->restart.empty(); }))
        continue;  // the base file or an overlay run with it sets the policy
      context.report("service '" + service.name + "' in " + compose.path +
                         " has no restart policy, so it stays down after a crash or a host "
                         "reboot",
                     compose.path, service.line);
    }
  }
  if (!any) context.not_applicable("no production compose file defines a service");
}

}  // namespace

extern const Rule kComposeMissingRestart;
const Rule kComposeMissingRestart{
    {.id = "container/compose-missing-restart",
     .section = "container",
     .title = "Compose services have a restart policy",
     .severity = Severity::kWarning,
     .seeds = "000 T005, 003 P4-05",
     .rationale =
         "Compose's default restart policy is \"no\": a service that crashes, runs out of "
         "memory or is on a host that reboots stays down until someone notices and runs "
         "'docker compose up' again. The rule reports services with neither 'restart:' nor "
         "'deploy.restart_policy' in production compose files. Which files are production is "
         "decided by name: compose.yaml, docker-compose.yml and *prod* files are; *.dev.*, "
         "*.development.*, *.local.*, *.test.*, *.ci.*, *.e2e.*, *.override.* and files under "
         "dev/, test/, tests/, ci/, e2e/, examples/ or .devcontainer/ are not (an override file "
         "is merged into development runs by default). Services in profiles are skipped. An "
         "explicit restart: \"no\" is a decision (one-shot jobs) and passes, and so does a "
         "service whose definition in the base file or an overlay beside it (compose.yml with "
         "compose.deploy.yml) sets a policy, since Compose merges them.",
     .remediation =
         "Set 'restart: unless-stopped' (or 'always') on long-running services, and 'restart: "
         "on-failure' on jobs that should retry; under Swarm use 'deploy: {restart_policy: "
         "{condition: any}}'.",
     .also = ""},
    check};

}  // namespace golive::rules::container
