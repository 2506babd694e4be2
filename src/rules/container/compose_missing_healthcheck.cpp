#include <algorithm>

#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

// The HEALTHCHECK a built service's Dockerfile gives it; why says what was found when it is not
// usable ("" when it is).
bool dockerfile_has_healthcheck(const model::RepoModel& model, const model::ComposeFile& compose,
                                const model::ComposeService& service, std::string& why) {
  std::string path = compose_dockerfile_path(compose, service);
  if (path.empty()) {
    why = "it builds from a remote context golive cannot read";
    return false;
  }
  for (const auto& dockerfile : model.dockerfiles) {
    if (dockerfile.path != path) continue;
    const parse::Dockerfile& file = dockerfile.parsed;
    if (file.stages.empty()) break;
    size_t stage = target_stage(file, service.build_target);
    const parse::DockerInstruction* healthcheck =
        model::inherited_instruction(file, stage, "HEALTHCHECK");
    if (healthcheck != nullptr && !core::iequals(core::trim(healthcheck->arguments), "NONE"))
      return true;
    why = "and " + path + " declares none";
    return false;
  }
  why = "and its Dockerfile " + path + " is not in the repository";
  return false;
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& compose : context.model().compose_files) {
    if (is_development_compose(context.model(), compose.path)) continue;
    for (const auto& service : compose.services) {
      // Optional tools (profiles) and one-shot jobs (restart: "no") are not long-running.
      if (!service.profiles.empty() || service.restart == "no" || service.restart == "none")
        continue;
      any = true;
      if (service.has_healthcheck) continue;
      auto merged = merged_definitions(context.model(), compose, service);
      if (std::any_of(merged.begin(), merged.end(),
                      [](const model::ComposeService* other) { return other->has_healthcheck; }))
        continue;  // the base file or an overlay run with it gives the healthcheck
      std::string who = "service '" + service.name + "' in " + compose.path;
      if (service.healthcheck_disabled) {
        context.report(who + " disables its healthcheck", compose.path, service.healthcheck_line);
        continue;
      }
      std::string why;
      if (service.builds) {
        if (dockerfile_has_healthcheck(context.model(), compose, service, why)) continue;
        why = " " + why;
      } else if (!service.image.empty()) {
        why = " (image '" + service.image + "'); any HEALTHCHECK the image has is not visible here";
      }
      context.report(who + " has no healthcheck" + why, compose.path, service.line);
    }
  }
  if (!any) context.not_applicable("no production compose file defines a long-running service");
}

}  // namespace

extern const Rule kComposeMissingHealthcheck;
const Rule kComposeMissingHealthcheck{
    {.id = "container/compose-missing-healthcheck",
     .section = "container",
     .title = "Compose services have healthchecks",
     .severity = Severity::kWarning,
     .seeds = "000 T005, 003 P4-05",
     .rationale =
         "Compose only knows whether a service's process is running, not whether it serves: "
         "'depends_on: condition: service_healthy' cannot wait for a service without a "
         "healthcheck, so dependants start against a database that is still initialising, and "
         "a hung service is never reported unhealthy (nor replaced, under Swarm). The rule "
         "reads production compose files (not *.dev.*, *.test.*, *.ci.*, *.local.*, "
         "*.override.* or files under dev/, test/, ci/, e2e/ or examples/ directories) and "
         "reports services without a healthcheck test, or with 'disable: true' or test NONE. A "
         "service that builds from a Dockerfile in the repository whose stage has a "
         "HEALTHCHECK passes, and so does a service whose definition in the base file or an "
         "overlay beside it (compose.yml with compose.deploy.yml, docker-compose.yml with "
         "docker-compose.override.yml) has one, since Compose merges them. Services in profiles "
         "and services with restart: \"no\" (one-shot "
         "jobs) are skipped. A pulled image's own HEALTHCHECK is not visible; suppress with a "
         "reason if it has one.",
     .remediation =
         "Add a healthcheck that exercises the service: 'healthcheck: {test: [\"CMD\", "
         "\"pg_isready\", \"-U\", \"app\"], interval: 10s, timeout: 3s, retries: 5}' for "
         "Postgres, 'test: [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:8080/healthz\"]' for "
         "an HTTP service; then use 'depends_on: {db: {condition: service_healthy}}'.",
     .also = ""},
    check};

}  // namespace golive::rules::container
