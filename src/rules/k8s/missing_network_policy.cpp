#include <map>
#include <set>

#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// Policies that apply in their own namespace: Kubernetes, Calico and Cilium.
bool is_namespaced_policy(std::string_view kind) {
  return kind == "NetworkPolicy" || kind == "CiliumNetworkPolicy";
}

// Policies that apply to every namespace of the cluster.
bool is_cluster_policy(std::string_view kind) {
  return kind == "CiliumClusterwideNetworkPolicy" || kind == "GlobalNetworkPolicy" ||
         kind == "AdminNetworkPolicy" || kind == "BaselineAdminNetworkPolicy";
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    std::set<std::string> covered;
    bool cluster_wide = false;
    // Namespace -> its workloads, in document order.
    std::map<std::string, std::vector<const model::RenderedObject*>> workloads;
    std::vector<std::string> order;
    for (const auto& object : environment.objects) {
      if (is_namespaced_policy(object.kind)) covered.insert(namespace_of(object));
      if (is_cluster_policy(object.kind)) cluster_wide = true;
      if (!model::is_workload_kind(object.kind)) continue;
      any = true;
      auto& list = workloads[namespace_of(object)];
      if (list.empty()) order.push_back(namespace_of(object));
      list.push_back(&object);
    }
    if (cluster_wide) continue;
    for (const auto& name : order) {
      if (covered.count(name) != 0) continue;
      const auto& list = workloads[name];
      std::string others;
      if (list.size() == 2) others = " and 1 other workload";
      if (list.size() > 2) others = " and " + std::to_string(list.size() - 1) + " other workloads";
      reporter.add(environment, list.front()->where(),
                   "namespace '" + name + "' runs " + list.front()->label() + others +
                       " but has no NetworkPolicy, so every pod accepts traffic from any pod "
                       "in the cluster");
    }
  }
  if (!any) context.not_applicable("no environment runs a workload");
}

}  // namespace

extern const Rule kMissingNetworkPolicy;
const Rule kMissingNetworkPolicy{
    {.id = "k8s/missing-network-policy",
     .section = "k8s",
     .title = "Namespaces that run workloads have a NetworkPolicy",
     .severity = Severity::kWarning,
     .seeds = "004 T042",
     .rationale =
         "Kubernetes networking is open by default: without a NetworkPolicy any pod in the "
         "cluster, including a compromised one in another namespace or environment, can "
         "reach every pod and port of this namespace, and the pods can reach anything. A "
         "default-deny policy plus explicit allows is the baseline isolation between "
         "environments and services. golive checks each namespace that runs workloads (the "
         "object's namespace, 'default' when unset) in each environment for a NetworkPolicy "
         "(Kubernetes or Calico) or CiliumNetworkPolicy; a cluster-wide policy "
         "(CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy, AdminNetworkPolicy) "
         "covers all namespaces. It reports once per namespace, at its first workload.",
     .remediation =
         "Add a default-deny policy to the namespace ('kind: NetworkPolicy, spec: "
         "{podSelector: {}, policyTypes: [Ingress, Egress]}') and allow what each service "
         "needs: ingress from the ingress controller's namespace, egress to DNS and its "
         "database.",
     .also = "kube-score pod-networkpolicy, kube-linter non-isolated-pod, Polaris "
             "missingNetworkPolicy"},
    check};

}  // namespace golive::rules::k8s
