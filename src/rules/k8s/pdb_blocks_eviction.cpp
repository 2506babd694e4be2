#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// Pods a PDB keeps out of `replicas`: minAvailable percentages round up, as the disruption
// controller rounds them.
int required_pods(const IntOrPercent& min_available, int replicas) {
  if (!min_available.percent) return min_available.value;
  return (min_available.value * replicas + 99) / 100;
}

void check_pdb(const ObjectIndex& index, const model::RenderedObject& pdb,
               EnvironmentReporter& reporter) {
  const auto& environment = index.environment();
  const parse::Node* spec = node_at(pdb.node, {"spec"});
  if (spec == nullptr || !spec->is_map()) return;
  if (const parse::Node* max_node = spec->find("maxUnavailable")) {
    auto max_unavailable = int_or_percent(max_node);
    if (max_unavailable && max_unavailable->value == 0) {
      reporter.add(environment, pdb.where(*max_node),
                   pdb.label() + " sets maxUnavailable " + max_node->value +
                       ", so no pod it selects can ever be evicted and node drains hang",
                   "maxUnavailable: " + max_node->value);
    }
    return;
  }
  const parse::Node* min_node = spec->find("minAvailable");
  auto min_available = int_or_percent(min_node);
  if (!min_available) return;
  if (min_available->percent && min_available->value >= 100) {
    reporter.add(environment, pdb.where(*min_node),
                 pdb.label() + " sets minAvailable " + min_node->value +
                     ", so no pod it selects can ever be evicted and node drains hang",
                 "minAvailable: " + min_node->value);
    return;
  }
  auto selector = LabelSelector::from_label_selector(spec->find("selector"));
  if (!selector.known()) return;
  std::vector<std::string> blocked;
  for (const auto* workload : index.selected_workloads(selector, pdb)) {
    if (!is_scalable_kind(workload->kind)) continue;
    std::optional<int> minimum = index.minimum_replicas(*workload);
    if (!minimum || *minimum <= 0) continue;
    if (required_pods(*min_available, *minimum) < *minimum) continue;
    bool scaled = index.autoscaler_of(*workload) != nullptr;
    blocked.push_back(workload->label() + " runs " +
                      (scaled
                           ? "as few as " + std::to_string(*minimum) + " (its autoscaler's minimum)"
                           : std::to_string(*minimum)));
  }
  if (blocked.empty()) return;
  reporter.add(environment, pdb.where(*min_node),
               pdb.label() + " keeps minAvailable " + min_node->value + " but " +
                   core::join(blocked, " and ") +
                   ", so none of its pods can be evicted and node drains hang",
               "minAvailable: " + min_node->value);
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* pdb : index.of_kind("PodDisruptionBudget")) {
      any = true;
      check_pdb(index, *pdb, reporter);
    }
  }
  if (!any) context.not_applicable("no PodDisruptionBudget in any environment");
}

}  // namespace

extern const Rule kPdbBlocksEviction;
const Rule kPdbBlocksEviction{
    {.id = "k8s/pdb-blocks-eviction",
     .section = "k8s",
     .title = "PodDisruptionBudgets allow node drains",
     .severity = Severity::kError,
     .seeds = "004 T036-T043",
     .rationale =
         "A PodDisruptionBudget that allows zero disruptions makes every eviction fail: "
         "'kubectl drain', node pool upgrades and the cluster autoscaler wait forever (managed "
         "node upgrades time out or force-delete the pods anyway). That happens with "
         "maxUnavailable 0 or 0%, minAvailable 100%, or a minAvailable at or above the "
         "replicas of the workload it selects. With an autoscaler, golive compares against "
         "the autoscaler's minimum (HPA minReplicas, 1 when unset), the count the workload "
         "runs when the cluster is quiet, which is when maintenance happens. Percentages "
         "round up, as the disruption controller rounds them.",
     .remediation =
         "Allow at least one disruption: 'maxUnavailable: 1' (or a percentage such as 25%), "
         "or a minAvailable below the replica count, e.g. 'minAvailable: 1' for a Deployment "
         "with 2 replicas; raise the replicas if the service cannot lose a pod.",
     .also = "kube-linter pdb-max-unavailable, kube-linter pdb-min-available, Polaris "
             "pdbDisruptionsIsZero"},
    check};

}  // namespace golive::rules::k8s
