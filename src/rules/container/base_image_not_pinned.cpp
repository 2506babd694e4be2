#include <algorithm>
#include <string>
#include <vector>

#include "core/strings.h"
#include "model/image_ref.h"
#include "rules/container/container_facts.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

void check(ObjectReport& report, const model::DockerfileModel& dockerfile) {
  const parse::Dockerfile& file = dockerfile.parsed;
  const std::vector<std::string>& own = report.model().tagged_images();
  for (const auto& base : external_bases(file)) {
    report.applies();
    const model::ImageRef& ref = base.ref;
    const parse::DockerStage& stage = file.stages[base.stage];
    // No tag or 'latest' is container/base-image-latest's finding.
    if (ref.pinned_by_digest() || ref.tag.empty() || ref.tag == "latest") continue;
    // The team's own image, tagged by the repository's build commands: whoever could move the
    // tag is the team itself.
    std::string name =
        core::to_lower(ref.registry.empty() ? ref.repository : ref.registry + "/" + ref.repository);
    if (std::binary_search(own.begin(), own.end(), name)) continue;
    const std::string& shown = base.shown;
    report.report({dockerfile.path, stage.line},
                  stage_subject(file, base.stage, dockerfile.path) + " starts FROM " + shown +
                      " by tag only, with no @sha256 digest; the publisher can move the tag "
                      "to a different image",
                  "FROM " + stage.raw_image);
  }
}

}  // namespace

extern const Rule kBaseImageNotPinned;
const Rule kBaseImageNotPinned{
    .meta =
        {.id = "container/base-image-not-pinned",
         .section = "container",
         .title = "Base images are pinned by digest",
         .severity = Severity::kWarning,
         .seeds = "003 P1-03, 002 §3",
         .rationale =
             "Tags are mutable: publishers rebuild 'python:3.12-slim' for every patch release and "
             "OS "
             "update, and a compromised or mistaken push changes every image built after it. Only "
             "a "
             "digest (@sha256:...) names exactly the bytes that were tested and scanned, so a "
             "rebuild of an old commit for a hotfix gives the same base. The rule reports each "
             "FROM "
             "of an external image that has a tag but no digest (untagged and ':latest' ones are "
             "container/base-image-latest's). Pinning trades automatic patching for "
             "reproducibility: pair it with a bot that proposes digest updates. An image the "
             "repository's own build commands tag ('-t "
             "acme/app:base' in CI, make targets, npm or shell scripts) is the team's own and "
             "is skipped.",
         .remediation =
             "Append the digest and keep the tag for readers: 'FROM "
             "python:3.12-slim@sha256:<digest>' "
             "('docker buildx imagetools inspect python:3.12-slim' prints it), and let Dependabot "
             "(package-ecosystem: docker) or Renovate (pinDigests) keep it current.",
         .also = "scorecard Pinned-Dependencies",
         .inspects = Inspects::kDockerfile,
         .inapplicable_reason = "no Dockerfile starts from an external image"},
    .check_dockerfile = check};

}  // namespace golive::rules::container
