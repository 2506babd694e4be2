#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

bool is_checked_kind(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "Rollout";
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    if (!environment.production) continue;
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* workload : index.workloads()) {
      if (!is_checked_kind(workload->kind)) continue;
      any = true;
      Replicas replicas = replicas_of(*workload);
      // Unknown (templated) counts are decided elsewhere; 0 is a workload switched off.
      if (!replicas.count || *replicas.count == 0 || *replicas.count >= 2) continue;
      if (index.autoscaler_of(*workload) != nullptr) continue;
      if (replicas.node != nullptr) {
        reporter.add(environment, workload->where(*replicas.node),
                     workload->label() +
                         " runs a single replica in production and no "
                         "HorizontalPodAutoscaler scales it",
                     "replicas: " + replicas.node->value);
      } else {
        reporter.add(environment, workload->where(),
                     workload->label() +
                         " sets no replicas, so it runs one pod in production, "
                         "and no HorizontalPodAutoscaler scales it");
      }
    }
  }
  if (!any)
    context.not_applicable("no production environment runs a Deployment, StatefulSet or Rollout");
}

}  // namespace

extern const Rule kSingleReplicaProduction;
const Rule kSingleReplicaProduction{
    {.id = "k8s/single-replica-production",
     .section = "k8s",
     .title = "Production workloads run at least two replicas",
     .severity = Severity::kError,
     .seeds = "004 T022, 004 T036-T040",
     .rationale =
         "A Deployment, StatefulSet or Argo Rollout with one pod is down whenever that pod is: "
         "during every rollout of a StatefulSet, every node drain, eviction, OOM kill or crash, "
         "and while a replacement is scheduled and warms up. Production needs at least two "
         "replicas, or a HorizontalPodAutoscaler (or KEDA ScaledObject) that owns the count. "
         "An unset spec.replicas means 1. golive checks environments whose name has a prod, "
         "production, prd or live segment (k8s/prod, overlays/production); replicas: 0 is "
         "read as a workload deliberately switched off, and a templated count is skipped.",
     .remediation =
         "Set 'replicas: 2' (or more) in the production overlay, for example a kustomize "
         "'replicas:' entry or a patch, or add a HorizontalPodAutoscaler with 'minReplicas: 2' "
         "whose scaleTargetRef names the workload, and spread the pods with a "
         "PodDisruptionBudget and topologySpreadConstraints.",
     .also = "kube-score deployment-replicas, kube-linter minimum-three-replicas, Polaris "
             "deploymentMissingReplicas"},
    check};

}  // namespace golive::rules::k8s
