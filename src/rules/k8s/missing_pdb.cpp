#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

bool has_policy(const model::RenderedObject& pdb) {
  const parse::Node* spec = node_at(pdb.node, {"spec"});
  return spec != nullptr && spec->is_map() &&
         (spec->find("minAvailable") != nullptr || spec->find("maxUnavailable") != nullptr);
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    if (!environment.production) continue;
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* workload : index.workloads()) {
      if (!is_scalable_kind(workload->kind)) continue;
      bool scaled = index.autoscaler_of(*workload) != nullptr;
      std::optional<int> replicas = replicas_of(*workload).count;
      if (!scaled && (!replicas || *replicas < 2)) continue;
      any = true;
      Labels labels = pod_labels(*workload);
      const model::RenderedObject* without_policy = nullptr;
      bool covered = false;
      for (const auto* pdb : index.of_kind("PodDisruptionBudget")) {
        if (!same_namespace(*pdb, *workload)) continue;
        auto selector =
            LabelSelector::from_label_selector(node_at(pdb->node, {"spec", "selector"}));
        if (!selector.known()) {
          covered = true;  // a templated selector: nothing can be said
          break;
        }
        if (!selector.matches(labels)) continue;
        if (has_policy(*pdb)) {
          covered = true;
          break;
        }
        without_policy = pdb;
      }
      if (covered) continue;
      std::string why =
          scaled ? "is autoscaled" : "runs " + std::to_string(*replicas) + " replicas";
      if (without_policy != nullptr) {
        reporter.add(environment, without_policy->where(),
                     without_policy->label() + " selects the pods of " + workload->label() +
                         " but sets neither minAvailable nor maxUnavailable, so it allows "
                         "every eviction");
      } else {
        reporter.add(environment, workload->where(),
                     workload->label() + " " + why +
                         " in production but no PodDisruptionBudget selects its pods");
      }
    }
  }
  if (!any)
    context.not_applicable("no production workload runs two or more replicas or is autoscaled");
}

}  // namespace

extern const Rule kMissingPdb;
const Rule kMissingPdb{
    {.id = "k8s/missing-pdb",
     .section = "k8s",
     .title = "Replicated production workloads have a PodDisruptionBudget",
     .severity = Severity::kWarning,
     .seeds = "004 T036-T043",
     .rationale =
         "Node upgrades, autoscaler scale-downs and drains evict pods through the eviction "
         "API, which only holds back when a PodDisruptionBudget says how many pods must stay. "
         "Without one, a drain may evict every replica of a Deployment at once, and two "
         "replicas protect nothing. golive checks production environments (a prod, production, "
         "prd or live segment) for Deployments, StatefulSets, ReplicaSets and Rollouts with two "
         "or more replicas or an autoscaler, and matches each PDB's selector (matchLabels and "
         "matchExpressions) with the pod template labels in the same namespace. A PDB that "
         "sets neither minAvailable nor maxUnavailable allows every eviction and does not "
         "count.",
     .remediation =
         "Add a PodDisruptionBudget beside the workload: 'apiVersion: policy/v1, kind: "
         "PodDisruptionBudget, spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}' "
         "with the labels of the pod template.",
     .also = "kube-score deployment-has-poddisruptionbudget, kube-score "
             "statefulset-has-poddisruptionbudget, kube-score poddisruptionbudget-has-policy, "
             "Polaris missingPodDisruptionBudget"},
    check};

}  // namespace golive::rules::k8s
