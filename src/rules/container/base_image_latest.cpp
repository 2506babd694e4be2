#include <string>
#include <string_view>

#include "model/image_ref.h"
#include "rules/common.h"
#include "rules/container/container_facts.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

// True when a Dockerfile beside this one builds the untagged image: FROM acme/cloud-agent with
// Dockerfile.cloud-agent (or cloud-agent.Dockerfile) in the same folder is a local build chain,
// where the base is the image the same build just made.
bool built_beside(const model::RepoModel& model, const model::DockerfileModel& dockerfile,
                  const model::ImageRef& ref) {
  // Only an image with an owner of its own: 'FROM node' is Docker Hub's, whatever sits beside.
  if (!ref.untagged() || ref.repository.find('/') == std::string::npos ||
      ref.repository.starts_with("library/"))
    return false;
  std::string_view name = ref.repository;
  name = name.substr(name.rfind('/') + 1);
  std::string_view directory = directory_name(dockerfile.path);
  for (const auto& other : model.dockerfiles) {
    if (&other == &dockerfile || directory_name(other.path) != directory) continue;
    std::string_view other_name = base_name(other.path);
    if (other_name == "Dockerfile." + std::string(name) ||
        other_name == std::string(name) + ".Dockerfile")
      return true;
  }
  return false;
}

void check(ObjectReport& report, const model::DockerfileModel& dockerfile) {
  const parse::Dockerfile& file = dockerfile.parsed;
  for (const auto& base : external_bases(file)) {
    report.applies();
    const model::ImageRef& ref = base.ref;
    const parse::DockerStage& stage = file.stages[base.stage];
    if (ref.pinned_by_digest() || (!ref.tag.empty() && ref.tag != "latest")) continue;
    if (built_beside(report.model(), dockerfile, ref)) continue;
    const std::string& shown = base.shown;
    std::string why = ref.tag.empty() ? " with no tag, so each build pulls whatever 'latest' is"
                                      : ", which points at a new image with each release";
    // FROM ${BASE_IMAGE}: the untagged image is only a default that a build may override
    // (release builds often pass the digest they just built), so a warning.
    bool from_argument = stage.raw_image.find('$') != std::string::npos;
    report.report({dockerfile.path, stage.line},
                  stage_subject(file, base.stage, dockerfile.path) + " starts FROM " + shown + why +
                      (from_argument ? " unless the build passes another value" : ""),
                  "FROM " + stage.raw_image,
                  from_argument ? std::optional(Severity::kWarning) : std::nullopt);
  }
}

}  // namespace

extern const Rule kBaseImageLatest;
const Rule kBaseImageLatest{
    .meta =
        {.id = "container/base-image-latest",
         .section = "container",
         .title = "Base images name a tag other than latest",
         .severity = Severity::kError,
         .seeds = "003 P1-03, 002 §3",
         .rationale =
             "FROM with no tag, or with ':latest', builds on whatever the registry serves that "
             "day: "
             "a new major version of the OS, the language runtime or its libraries arrives in the "
             "next build without a code change or a review, and two builds of the same commit "
             "differ. Every stage is checked, since a build stage's compiler changes the shipped "
             "binary too. Skipped: FROM scratch, FROM an earlier stage's name, FROM an untagged "
             "image a Dockerfile beside it builds (FROM acme/agent with Dockerfile.agent in "
             "the same folder), and FROM $ARG when the ARG has no default (its value comes "
             "from the build command); an ARG default is "
             "resolved and checked, as a warning, since a build may pass another value (release "
             "builds often pass the digest they just built). Digest-pinned references pass.",
         .remediation =
             "Name a release tag, at least the major and minor version and the OS variant, and "
             "preferably its digest: 'FROM node:20.11-bookworm-slim@sha256:<digest>' ('docker "
             "buildx imagetools inspect node:20.11-bookworm-slim' prints it); let Dependabot "
             "(package-ecosystem: docker) or Renovate propose updates.",
         .also = "hadolint DL3006, hadolint DL3007, checkov CKV_DOCKER_7, trivy DS001",
         .inspects = Inspects::kDockerfile,
         .inapplicable_reason = "no Dockerfile starts from an external image"},
    .check_dockerfile = check};

}  // namespace golive::rules::container
