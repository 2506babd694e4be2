#include <string>

#include "model/image_builds.h"
#include "model/image_ref.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  const parse::Node* image = path_to(site.container.node, {"image"});
  if (image == nullptr || !image->is_scalar() || image->value.empty()) return;
  model::ImageRef ref = model::parse_image_ref(image->value);
  if (ref.templated || model::tagged_at_deploy(report.model(), image->value) ||
      ref.pinned_by_digest())
    return;
  std::string why;
  if (ref.untagged()) {
    why = " with no tag, which pulls whatever 'latest' is when the pod starts";
  } else if (ref.tag == "latest") {
    why = ", which pulls whatever 'latest' is when the pod starts";
  } else {
    return;
  }
  report.report(site.object.where(*image),
                describe(site.object, site.container) + " runs '" + image->value + "'" + why,
                image->value);
}

}  // namespace

extern const Rule kImageLatest;
const Rule kImageLatest{
    .meta =
        {.id = "k8s/image-latest",
         .section = "k8s",
         .title = "Images name a tag other than latest",
         .severity = Severity::kError,
         .seeds = "002 §3, 004 T041",
         .rationale =
             "An image tagged ':latest', or with no tag at all (which means latest), names "
             "whatever "
             "was pushed last. Pods started at different times, or rescheduled onto a new node, "
             "run "
             "different code under one manifest; a rollback to the previous manifest changes "
             "nothing; and nobody can tell from the repository which version is live. An image "
             "pinned by digest passes whatever its tag. Other floating tags (stable, main) are "
             "left to k8s/production-image-not-pinned, which asks production images for a digest.",
         .remediation =
             "Tag images with the release or commit they were built from and deploy that tag "
             "('image: ghcr.io/acme/api:1.4.2', or a Kustomize 'images: [{name: api, newTag: "
             "1.4.2}]' set by the pipeline), better with its digest: "
             "'ghcr.io/acme/api:1.4.2@sha256:<digest>'.",
         .also = "kube-score container-image-tag, kube-linter latest-tag, Polaris tagNotSpecified, "
                 "Checkov CKV_K8S_14",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
