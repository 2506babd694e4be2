#include <string>

#include "model/image_ref.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for_each_container(context.model(), true, [&](const ContainerSite& site) {
    const parse::Node* policy = path_to(site.container.node, {"imagePullPolicy"});
    if (policy == nullptr || !policy->is_scalar() || policy->value.empty()) return;
    any = true;
    const std::string& value = policy->value;
    std::string who = describe(site.object, site.container);
    if (value.find('$') != std::string::npos || value.find("{{") != std::string::npos) return;
    if (value != "Always" && value != "IfNotPresent" && value != "Never") {
      reporter.add(site.environment, site.object.where(*policy),
                   who + " sets imagePullPolicy '" + value +
                       "', which is not Always, IfNotPresent or Never, so the API server "
                       "rejects the object",
                   value);
      return;
    }
    if (value == "Always") return;
    const parse::Node* image = path_to(site.container.node, {"image"});
    if (image == nullptr || !image->is_scalar() || image->value.empty()) return;
    model::ImageRef ref = model::parse_image_ref(image->value);
    if (ref.templated || ref.pinned_by_digest()) return;
    if (!ref.untagged() && !ref.floating_tag()) return;
    std::string names = ref.untagged() ? "'latest'" : "'" + ref.tag + "'";
    std::string effect =
        value == "Never"
            ? ", so each node runs whatever " + names + " was preloaded on it"
            : ", so a node that has pulled " + names + " before keeps running that old image";
    reporter.add(site.environment, site.object.where(*policy),
                 who + " runs the moving image '" + image->value + "' with imagePullPolicy " +
                     value + effect,
                 value);
  });
  if (!any) {
    context.not_applicable(
        "no container sets imagePullPolicy, and the defaults (Always for latest or untagged "
        "images, IfNotPresent otherwise) are consistent");
  }
}

}  // namespace

extern const Rule kPullPolicyInconsistent;
const Rule kPullPolicyInconsistent{
    {.id = "k8s/pull-policy-inconsistent",
     .section = "k8s",
     .title = "Image pull policy fits the image reference",
     .severity = Severity::kWarning,
     .seeds = "004 T017",
     .rationale =
         "imagePullPolicy decides whether the kubelet asks the registry for the image again. "
         "When it is unset Kubernetes picks a consistent one: Always for a ':latest' or "
         "untagged image, IfNotPresent for any other tag or a digest. Written by hand it can "
         "contradict the image: IfNotPresent or Never with a moving tag (latest, no tag, "
         "stable, main, ...) makes each node keep the first image it saw under that tag, so "
         "pods on different nodes run different builds and a new push reaches only new nodes. "
         "Always with a digest or a release tag is harmless (the registry answers with the "
         "same image; kube-score even asks for Always so that imagePullSecrets are checked), so "
         "golive accepts it, and it reports a value the API server rejects (such as 'always'). "
         "It differs from kube-score's container-image-pull-policy, which wants Always "
         "everywhere: golive reports only a policy that can run a stale image.",
     .remediation =
         "Deploy an immutable reference (a release tag or a digest) and leave imagePullPolicy "
         "unset or IfNotPresent; if a moving tag is truly needed, set 'imagePullPolicy: Always'.",
     .also = "kube-score container-image-pull-policy (stricter), Polaris pullPolicyNotAlways, "
             "Checkov CKV_K8S_15"},
    check};

}  // namespace golive::rules::k8s
