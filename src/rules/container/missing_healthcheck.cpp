#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "model/image_builds.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& dockerfile : context.model().dockerfiles) {
    const parse::Dockerfile& file = dockerfile.parsed;
    std::string why;
    if (!runs_a_service(file, &why)) continue;
    any = true;
    // Kubernetes ignores HEALTHCHECK: an image only its workloads run is checked by probes.
    const auto& model = context.model();
    if (!model.image_uses(dockerfile.path).empty() &&
        !model::compose_builds(model, dockerfile.path))
      continue;
    size_t final_stage = file.stages.size() - 1;
    const parse::DockerInstruction* healthcheck =
        model::inherited_instruction(file, final_stage, "HEALTHCHECK");
    if (healthcheck == nullptr) {
      const parse::DockerStage& stage = file.stages[final_stage];
      const parse::DockerStage& root = file.stages[model::stage_chain(file, final_stage).back()];
      context.report("the final stage of " + dockerfile.path + " runs a service (" + why +
                         ") but has no HEALTHCHECK; any HEALTHCHECK the base image '" + root.image +
                         "' declares is not visible here",
                     dockerfile.path, stage.line, 0, "FROM " + stage.raw_image);
    } else if (core::iequals(core::trim(healthcheck->arguments), "NONE")) {
      context.report("the final stage of " + dockerfile.path + " runs a service (" + why +
                         ") but disables its health check with HEALTHCHECK NONE",
                     dockerfile.path, healthcheck->line, 0, "HEALTHCHECK NONE");
    }
  }
  if (!any)
    context.not_applicable(
        "no Dockerfile's final stage runs a service (no EXPOSE, and no CMD or ENTRYPOINT that "
        "starts a server)");
}

}  // namespace

extern const Rule kMissingHealthcheck;
const Rule kMissingHealthcheck{
    {.id = "container/missing-healthcheck",
     .section = "container",
     .title = "Service images declare a HEALTHCHECK",
     .severity = Severity::kWarning,
     .seeds = "003 P1-03",
     .rationale =
         "Without a HEALTHCHECK, Docker, Compose and Swarm only know whether the process is "
         "running, not whether it answers: a deadlocked or misconfigured server stays 'up', "
         "receives traffic and is never restarted, and 'depends_on: condition: service_healthy' "
         "cannot wait for it. The rule looks at the final stage (and the stages it builds on) of "
         "images that run a service: they EXPOSE a port, or their CMD or ENTRYPOINT starts a "
         "known server or binds an address. Build and tool images are skipped. HEALTHCHECK NONE "
         "is reported too, since it switches off a check the base image may have. A base image's "
         "own HEALTHCHECK cannot be seen from the repository; if it has one, suppress the "
         "finding with a reason. Kubernetes ignores HEALTHCHECK and uses probes "
         "(k8s/missing-readiness-probe), so an image that only the repository's Kubernetes "
         "workloads run (and no compose service) is not checked here.",
     .remediation =
         "Add a cheap check of the service's own health endpoint to the final stage, with a "
         "tool the image has: 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl "
         "-fsS http://127.0.0.1:8080/healthz || exit 1' (or wget -qO-, or a small binary in "
         "distroless images).",
     .also = "checkov CKV_DOCKER_2, trivy DS026"},
    check};

}  // namespace golive::rules::container
