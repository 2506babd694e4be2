#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "model/image_builds.h"
#include "rules/common.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

bool has_ignore_file(const model::RepoModel& model, std::string_view context_dir) {
  return model.file(core::join_path(context_dir, ".dockerignore")) != nullptr ||
         model.file(core::join_path(context_dir, ".containerignore")) != nullptr;
}

// A compose service builds this Dockerfile from a context that has an ignore file.
bool compose_context_ignores(const model::RepoModel& model, std::string_view dockerfile) {
  for (const auto& compose : model.compose_files) {
    for (const auto& service : compose.services) {
      std::string context_dir;
      std::string built = compose_dockerfile_path(compose, service, &context_dir);
      if (!built.empty() && built == dockerfile && has_ignore_file(model, context_dir)) return true;
    }
  }
  return false;
}

// The nearest directory above dir (the root included) with an ignore file, or nullopt. CI often
// builds with the repository root as the context ('docker build -f src/api/Dockerfile .').
std::optional<std::string> ancestor_with_ignore(const model::RepoModel& model,
                                                std::string_view dir) {
  while (!dir.empty()) {
    size_t slash = dir.rfind('/');
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
    if (has_ignore_file(model, dir)) return std::string(dir);
  }
  return std::nullopt;
}

void check(RuleContext& context) {
  const model::RepoModel& model = context.model();
  if (model.dockerfiles.empty()) {
    context.not_applicable("the repository has no Dockerfile");
    return;
  }
  // goreleaser builds its dockers in a staging folder holding only the files it lists.
  const std::vector<std::string> goreleaser_built = model::goreleaser_dockerfiles(model);
  for (const auto& dockerfile : model.dockerfiles) {
    if (std::binary_search(goreleaser_built.begin(), goreleaser_built.end(), dockerfile.path))
      continue;
    std::string_view dir = directory_name(dockerfile.path);
    if (has_ignore_file(model, dir) || model.file(dockerfile.path + ".dockerignore") != nullptr ||
        compose_context_ignores(model, dockerfile.path))
      continue;
    if (auto ancestor = ancestor_with_ignore(model, dir)) {
      std::string shown = ancestor->empty() ? "the repository root" : *ancestor + "/";
      context.unverified(dockerfile.path + " has no .dockerignore beside it, but " + shown +
                             " has one; which applies depends on the context the build command "
                             "passes, which golive cannot see",
                         dockerfile.path, 0, "");
      continue;
    }
    std::string where = dir.empty() ? "the repository root" : std::string(dir) + "/";
    context.report("the build context of " + dockerfile.path + " (" + where +
                       ") has no .dockerignore, so 'docker build' sends everything there to the "
                       "builder, .git and local .env files included",
                   dockerfile.path);
  }
}

}  // namespace

extern const Rule kMissingDockerignore;
const Rule kMissingDockerignore{
    {.id = "container/missing-dockerignore",
     .section = "container",
     .title = "Docker build contexts have a .dockerignore",
     .severity = Severity::kWarning,
     .seeds = "003 P1-03",
     .rationale =
         "Without a .dockerignore the whole build context goes to the builder, and 'COPY . .' "
         "copies all of it into the image: .git with its history, local .env files and keys, "
         "node_modules and build output built for another platform. Images grow, builds slow "
         "down, the cache breaks on every unrelated change, and secrets end up in a layer. The "
         "build context is decided by the build command, which golive cannot see (goreleaser "
         "builds its dockers in a staging folder of the listed files only, so those are "
         "skipped); the rule "
         "takes the Dockerfile's own directory as the context, and accepts a .dockerignore (or "
         ".containerignore) there, a '<Dockerfile>.dockerignore' beside the Dockerfile, or one "
         "in the context directory of a compose service that builds it. Contexts set only in "
         "CI scripts are not seen, so when a directory above the Dockerfile (often the "
         "repository root) has a .dockerignore the check is unverified: CI may build from "
         "there.",
     .remediation =
         "Add .dockerignore next to the Dockerfile, for example: '.git', '.env*', "
         "'node_modules', 'dist', '*.log', 'Dockerfile*', '.dockerignore'; or invert it with "
         "'*' followed by '!' lines for what the build needs.",
     .also = ""},
    check};

}  // namespace golive::rules::container
