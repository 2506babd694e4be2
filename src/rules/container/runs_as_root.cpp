#include <algorithm>
#include <string_view>

#include "core/paths.h"
#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "model/image_builds.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

// True when the final stage starts its process through something that switches user: gosu,
// su-exec or setpriv on the command line, or an entrypoint script of the repository that does
// (bitwarden's entrypoint.sh, the official database images' docker-entrypoint.sh).
bool entrypoint_drops_privileges(const model::RepoModel& model, const parse::Dockerfile& file,
                                 size_t stage) {
  for (const char* keyword : {"ENTRYPOINT", "CMD"}) {
    const parse::DockerInstruction* start = model::inherited_instruction(file, stage, keyword);
    if (start == nullptr) continue;
    const std::string& command = start->arguments;
    for (std::string_view tool : {"gosu ", "su-exec ", "setpriv ", "runuser "}) {
      if (core::contains(command, tool)) return true;
    }
    // The command's words, by their file name: ["/entrypoint.sh"] names entrypoint.sh.
    for (const auto& word : model::command_words(command)) {
      std::string_view file = core::base_name(word);
      for (const auto& script : model.privilege_drop_scripts) {
        if (model.role_of(script) == walk::PathRole::kProduct && core::base_name(script) == file)
          return true;
      }
    }
  }
  return false;
}

// True when every Kubernetes container that runs the image makes it run as a non-root user.
bool orchestrator_enforces_non_root(const model::RepoModel& model, const std::string& path) {
  // Only manifests the team deploys vouch for the image; an example's securityContext does not.
  std::vector<const model::ImageUse*> deployed;
  for (const auto& use : model.image_uses(path)) {
    if (model.role_of(use.object->where().path) == walk::PathRole::kProduct)
      deployed.push_back(&use);
  }
  return !deployed.empty() &&
         std::all_of(deployed.begin(), deployed.end(),
                     [](const model::ImageUse* use) { return model::enforces_non_root(*use); });
}

// Reports the finding; info when nothing shows the image runs as a service: root in a
// command-line or build tool's container, run by hand or in CI, exposes no service.
void report_root(RuleContext& context, const model::DockerfileModel& dockerfile,
                 const std::string& message, int line, const std::string& evidence) {
  if (model::runs_as_service(context.model(), dockerfile)) {
    context.report(message, dockerfile.path, line, 0, evidence);
    return;
  }
  context.report(message +
                     "; nothing shows it runs as a service (no EXPOSE, and no compose service "
                     "or Kubernetes workload of the repository runs it)",
                 dockerfile.path, line, 0, evidence);
  context.findings().back().severity = Severity::kInfo;
}

void check(RuleContext& context) {
  if (context.model().dockerfiles.empty()) {
    context.not_applicable("the repository has no Dockerfile");
    return;
  }
  for (const auto& dockerfile : context.model().dockerfiles) {
    const parse::Dockerfile& file = dockerfile.parsed;
    if (file.stages.empty()) continue;
    if (orchestrator_enforces_non_root(context.model(), dockerfile.path)) continue;
    if (entrypoint_drops_privileges(context.model(), file, file.stages.size() - 1)) continue;
    size_t final_stage = file.stages.size() - 1;
    const parse::DockerStage& stage = file.stages[final_stage];
    const parse::DockerInstruction* user = model::inherited_instruction(file, final_stage, "USER");
    if (user != nullptr) {
      std::string_view name = core::trim(user->arguments);
      if (!model::is_root_user(name)) continue;  // a named user, a uid, or a $VARIABLE
      report_root(context, dockerfile,
                  "the last USER of the final stage of " + dockerfile.path + " is '" +
                      std::string(name) + "', so the container runs as root",
                  user->line, "USER " + std::string(name));
      continue;
    }
    const parse::DockerStage& root = file.stages[model::stage_chain(file, final_stage).back()];
    if (model::names_non_root_user(root.image)) continue;
    if (model::from_scratch(root)) {
      // An image FROM scratch with no command is an artifact export, not something that runs.
      if (model::inherited_instruction(file, final_stage, "CMD") == nullptr &&
          model::inherited_instruction(file, final_stage, "ENTRYPOINT") == nullptr)
        continue;
      report_root(context, dockerfile,
                  "the final stage of " + dockerfile.path +
                      " starts FROM scratch and sets no USER, so its process runs as uid 0",
                  stage.line, "FROM " + stage.raw_image);
      continue;
    }
    if (model::from_unresolved_arg(file, root) || !model::runs_as_root_by_default(root.image)) {
      context.unverified("the final stage of " + dockerfile.path +
                             " sets no USER, so the user is "
                             "whatever '" +
                             root.raw_image +
                             "' sets, which golive cannot see; add a USER line to make it "
                             "explicit",
                         dockerfile.path, stage.line, "FROM " + stage.raw_image);
      continue;
    }
    report_root(context, dockerfile,
                "the final stage of " + dockerfile.path +
                    " sets no USER, so it runs as the user of '" + root.image + "', which is root",
                stage.line, "FROM " + stage.raw_image);
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
         "on: the last USER wins. With no USER at all the image runs as its base image's user: "
         "for official images that default to root (python, node, golang, debian, alpine, "
         "nginx, distroless, .NET, ...) that is an error; for any other base, or a FROM $ARG "
         "golive cannot resolve, the check is unverified, since only the base image knows. "
         "Bases whose name or tag says they run unprivileged (distroless ':nonroot', "
         "'rootless' and 'unprivileged' variants) pass, and so does an image whose every "
         "Kubernetes container in the repository forces a non-root user (runAsNonRoot: true or "
         "a runAsUser above 0), or whose ENTRYPOINT or CMD switches user (gosu, su-exec, "
         "setpriv, or an entrypoint script of the repository that does). 'USER $VAR' is taken "
         "as non-root. A FROM scratch stage with no "
         "CMD or ENTRYPOINT only exports files and is skipped. An image that shows no sign of "
         "running as a service (no EXPOSE, and no compose service or Kubernetes workload of the "
         "repository runs it: a CLI or build-tool image, run by hand or in CI) is info: root "
         "there exposes no service.",
     .remediation =
         "Create an unprivileged user in the final stage and switch to it after the steps that "
         "need root: 'RUN useradd --create-home --uid 10001 app' then 'USER 10001' (a numeric uid "
         "lets Kubernetes verify runAsNonRoot); or use a base that runs unprivileged, such as "
         "'gcr.io/distroless/static:nonroot' or 'node:20-slim' with 'USER node'.",
     .also = "hadolint DL3002, checkov CKV_DOCKER_3, trivy DS002"},
    check};

}  // namespace golive::rules::container
