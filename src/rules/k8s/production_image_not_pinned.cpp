#include <string>

#include "model/image_builds.h"
#include "model/image_ref.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  bool production = false;
  EnvironmentReporter reporter(context);
  for_each_container(context.model(), true, [&](const ContainerSite& site) {
    if (!site.environment.production) return;
    production = true;
    const parse::Node* image = path_to(site.container.node, {"image"});
    if (image == nullptr || !image->is_scalar() || image->value.empty()) return;
    model::ImageRef ref = model::parse_image_ref(image->value);
    if (ref.templated || model::tagged_at_deploy(context.model(), image->value) ||
        ref.pinned_by_digest())
      return;
    reporter.add(site.environment, site.object.where(*image),
                 describe(site.object, site.container) + " runs '" + image->value +
                     "' in production without a digest",
                 image->value);
  });
  if (!production) {
    context.not_applicable(
        "no production Kubernetes environment (a path or overlay named prod, production, prd "
        "or live) runs a workload");
  }
}

}  // namespace

extern const Rule kProductionImageNotPinned;
const Rule kProductionImageNotPinned{
    {.id = "k8s/production-image-not-pinned",
     .section = "k8s",
     .title = "Production images are pinned by digest",
     .severity = Severity::kWarning,
     .seeds = "002 §3",
     .rationale =
         "A tag is a pointer anyone with push access can move: a release tag re-pushed, a "
         "registry compromise or a mistaken CI run changes what production runs without a "
         "change to the repository. A digest (@sha256:...) names the exact image that was "
         "built, scanned and signed, makes every node run the same bytes, and makes a rollback "
         "restore exactly the previous image. golive asks it of the environments it takes for "
         "production (a manifest directory or Kustomize overlay named prod, production, prd or "
         "live); the message names them. Images whose value is templated ($VAR, {{ }}) are "
         "decided elsewhere and skipped. A warning: a fixed release tag is hardening left to "
         "do, not a defect; a mutable tag such as latest is k8s/image-latest, an error.",
     .remediation =
         "Have the pipeline pin the digest it built: in the production overlay 'images: "
         "[{name: ghcr.io/acme/api, newTag: 1.4.2, digest: sha256:<digest>}]' (kustomize edit "
         "set image ghcr.io/acme/api:1.4.2@sha256:<digest>), or write 'image: "
         "ghcr.io/acme/api:1.4.2@sha256:<digest>'; 'docker buildx imagetools inspect' prints "
         "it.",
     .also = "Checkov CKV_K8S_43, kube-linter latest-tag (partly)"},
    check};

}  // namespace golive::rules::k8s
