#include "model/image_ref.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& compose : context.model().compose_files) {
    if (is_development_compose(context.model(), compose.path)) continue;
    for (const auto& service : compose.services) {
      // With build: the image names what the build produces, not what is pulled.
      if (service.image.empty() || service.builds) continue;
      model::ImageRef ref = model::parse_image_ref(service.image);
      if (ref.templated) continue;  // decided by the environment at 'compose up'
      any = true;
      if (ref.pinned_by_digest() || (!ref.tag.empty() && ref.tag != "latest")) continue;
      std::string why = ref.tag.empty() ? "with no tag, so each pull takes whatever 'latest' is"
                                        : "by the 'latest' tag, which moves with each release";
      context.report("service '" + service.name + "' in " + compose.path + " runs '" +
                         service.image + "' " + why,
                     compose.path, service.image_line, 0, "image: " + service.image);
    }
  }
  if (!any) context.not_applicable("no production compose service pulls a literal image");
}

}  // namespace

extern const Rule kComposeLatestImage;
const Rule kComposeLatestImage{
    {.id = "container/compose-latest-image",
     .section = "container",
     .title = "Compose images name a tag other than latest",
     .severity = Severity::kError,
     .seeds = "000 T005, 003 P4-05, 002 §3",
     .rationale =
         "'image: postgres' or 'image: redis:latest' pulls whatever is newest when the host "
         "first pulls it or someone runs 'docker compose pull': a database can jump a major "
         "version, whose data directory the old one cannot read, and two hosts run different "
         "versions of the same file. The rule reports services of production compose files "
         "(see container/compose-missing-restart for which files those are) whose image has no "
         "tag or the tag 'latest' and no digest. Services that also 'build:' are skipped (the "
         "image names the build's result), as are images set by ${VARIABLES}.",
     .remediation =
         "Name the release the service was tested with, and preferably its digest: 'image: "
         "postgres:16.2' or 'image: postgres:16.2@sha256:<digest>'; let Dependabot "
         "(package-ecosystem: docker-compose) or Renovate propose updates.",
     .also = "kube-score container-image-tag (the same check for Kubernetes)"},
    check};

}  // namespace golive::rules::container
