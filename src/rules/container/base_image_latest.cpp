#include "model/image_ref.h"
#include "rules/container/container_facts.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

void check(ObjectReport& report, const model::DockerfileModel& dockerfile) {
  const parse::Dockerfile& file = dockerfile.parsed;
  for (const auto& base : external_bases(file)) {
    report.applies();
    const model::ImageRef& ref = base.ref;
    const parse::DockerStage& stage = file.stages[base.stage];
    if (ref.pinned_by_digest() || (!ref.tag.empty() && ref.tag != "latest")) continue;
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
             "binary too. Skipped: FROM scratch, FROM an earlier stage's name, and FROM $ARG when "
             "the ARG has no default (its value comes from the build command); an ARG default is "
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
