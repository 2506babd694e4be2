#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

// Images whose name or tag says they run unprivileged: distroless ':nonroot', '-rootless' and
// '-unprivileged' variants (nginxinc/nginx-unprivileged).
bool non_root_base(std::string_view image) {
  std::string lower = core::to_lower(image);
  return lower.find("nonroot") != std::string::npos ||
         lower.find("rootless") != std::string::npos ||
         lower.find("unprivileged") != std::string::npos;
}

void check(RuleContext& context) {
  if (context.model().dockerfiles.empty()) {
    context.not_applicable("the repository has no Dockerfile");
    return;
  }
  for (const auto& dockerfile : context.model().dockerfiles) {
    const parse::Dockerfile& file = dockerfile.parsed;
    if (file.stages.empty()) continue;
    size_t final_stage = file.stages.size() - 1;
    const parse::DockerStage& stage = file.stages[final_stage];
    const parse::DockerInstruction* user = model::inherited_instruction(file, final_stage, "USER");
    if (user != nullptr) {
      std::string_view name = core::trim(user->arguments);
      if (!model::is_root_user(name)) continue;  // a named user, a uid, or a $VARIABLE
      context.report("the last USER of the final stage of " + dockerfile.path + " is '" +
                         std::string(name) + "', so the container runs as root",
                     dockerfile.path, user->line, 0, "USER " + std::string(name));
      continue;
    }
    const parse::DockerStage& root = file.stages[model::stage_chain(file, final_stage).back()];
    if (non_root_base(root.image)) continue;
    if (model::from_scratch(root)) {
      // An image FROM scratch with no command is an artifact export, not something that runs.
      if (model::inherited_instruction(file, final_stage, "CMD") == nullptr &&
          model::inherited_instruction(file, final_stage, "ENTRYPOINT") == nullptr)
        continue;
      context.report("the final stage of " + dockerfile.path +
                         " starts FROM scratch and sets no USER, so its process runs as uid 0",
                     dockerfile.path, stage.line, 0, "FROM " + stage.raw_image);
      continue;
    }
    context.report("the final stage of " + dockerfile.path +
                       " sets no USER, so it runs as the user of '" + root.image +
                       "', which is root for most images",
                   dockerfile.path, stage.line, 0, "FROM " + stage.raw_image);
  }
}

}  // namespace

extern const Rule kRunsAsRoot;
const Rule kRunsAsRoot{
    {.id = "container/runs-as-root",
     .section = "container",
     .title = "Images run as a non-root user",
     .severity = Severity::kError,
     .seeds = "003 P1-03, 004 T050",
     .rationale =
         "A process running as root inside a container is root on the container's filesystem and, "
         "through any kernel or runtime escape, much closer to root on the host; it can also "
         "write to every mounted volume. The rule reads the final stage and the stages it builds "
         "on: the last USER wins. With no USER at all the image runs as its base image's user; "
         "golive cannot see that from the repository, and it is root for most images, so it "
         "reports it, except for bases whose name or tag says otherwise (distroless ':nonroot', "
         "'rootless' and 'unprivileged' variants). 'USER $VAR' is taken as non-root. A FROM "
         "scratch stage with no CMD or ENTRYPOINT only exports files and is skipped. Kubernetes "
         "can still force a user (runAsNonRoot); the image should not need it.",
     .remediation =
         "Create an unprivileged user in the final stage and switch to it after the steps that "
         "need root: 'RUN useradd --create-home --uid 10001 app' then 'USER 10001' (a numeric uid "
         "lets Kubernetes verify runAsNonRoot); or use a base that runs unprivileged, such as "
         "'gcr.io/distroless/static:nonroot' or 'node:20-slim' with 'USER node'.",
     .also = "hadolint DL3002, checkov CKV_DOCKER_3, trivy DS002"},
    check};

}  // namespace golive::rules::container
