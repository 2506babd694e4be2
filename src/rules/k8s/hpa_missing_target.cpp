#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* hpa : index.of_kind("HorizontalPodAutoscaler")) {
      any = true;
      const parse::Node* target = node_at(hpa->node, {"spec", "scaleTargetRef"});
      if (target == nullptr || !target->is_map()) {
        const parse::Node* spec = node_at(hpa->node, {"spec"});
        reporter.add(environment, spec != nullptr ? where_key(*hpa, *spec) : hpa->where(),
                     hpa->label() + " has no scaleTargetRef, so it scales nothing");
        continue;
      }
      std::string kind = target->get("kind");
      std::string name = target->get("name");
      if (is_templated(kind) || is_templated(name)) continue;
      if (!name.empty() && index.find(kind, name, *hpa) != nullptr) continue;
      const parse::Node* name_node = target->find("name");
      std::string message = name.empty() ? hpa->label() + " has a scaleTargetRef without a name"
                                         : hpa->label() + " scales " + (kind.empty() ? "?" : kind) +
                                               "/" + name + ", which is not in the environment";
      reporter.add(environment, hpa->where(name_node != nullptr ? *name_node : *target), message,
                   kind + "/" + name);
    }
  }
  if (!any) context.not_applicable("no HorizontalPodAutoscaler in any environment");
}

}  // namespace

extern const Rule kHpaMissingTarget;
const Rule kHpaMissingTarget{
    {.id = "k8s/hpa-missing-target",
     .section = "k8s",
     .title = "HorizontalPodAutoscalers scale a workload that exists",
     .severity = Severity::kError,
     .seeds = "004 T036-T040",
     .rationale =
         "An autoscaler whose scaleTargetRef names no object (a renamed Deployment, a "
         "kustomize namePrefix the reference missed, the wrong kind) does nothing: the "
         "workload stays at its static replica count under load, and the cluster only reports "
         "the failure in the HPA's events. golive resolves the kind and name in the same "
         "environment and namespace as the HPA; templated names are skipped.",
     .remediation =
         "Point spec.scaleTargetRef at the workload as it is rendered, e.g. '{apiVersion: "
         "apps/v1, kind: Deployment, name: api}', and check the rendered names with "
         "'kustomize build overlays/prod | grep -A3 scaleTargetRef'.",
     .also = "kube-score horizontalpodautoscaler-has-target, kube-linter "
             "dangling-horizontalpodautoscaler"},
    check};

}  // namespace golive::rules::k8s
