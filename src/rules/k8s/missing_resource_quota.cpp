#include <map>
#include <set>

#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    if (!environment.production) continue;
    std::set<std::string> bounded;
    std::map<std::string, const model::RenderedObject*> first_workload;
    std::vector<std::string> order;
    for (const auto& object : environment.objects) {
      if (object.kind == "ResourceQuota" || object.kind == "LimitRange")
        bounded.insert(namespace_of(object));
      if (!model::is_workload_kind(object.kind)) continue;
      any = true;
      if (first_workload.emplace(namespace_of(object), &object).second)
        order.push_back(namespace_of(object));
    }
    for (const auto& name : order) {
      if (bounded.count(name) != 0) continue;
      const auto* workload = first_workload[name];
      reporter.add(environment, workload->where(),
                   "production namespace '" + name + "' runs " + workload->label() +
                       " but has neither a ResourceQuota nor a LimitRange");
    }
  }
  if (!any) context.not_applicable("no production environment runs a workload");
}

}  // namespace

extern const Rule kMissingResourceQuota;
const Rule kMissingResourceQuota{
    {.id = "k8s/missing-resource-quota",
     .section = "k8s",
     .title = "Production namespaces have a ResourceQuota or LimitRange",
     .severity = Severity::kWarning,
     .seeds = "004 T043",
     .rationale =
         "A ResourceQuota caps what a namespace can claim in total (CPU, memory, pods, "
         "volumes), so a runaway HPA, a stuck CronJob or a leak in one release cannot starve "
         "the other workloads on shared nodes; a LimitRange gives containers that set no "
         "requests and limits a default, so they are neither BestEffort pods that are evicted "
         "first nor unbounded ones. golive checks every namespace that runs workloads in a "
         "production environment (a prod, production, prd or live segment) for either object; "
         "the namespace is the object's own, 'default' when unset. A quota applied by hand "
         "with kubectl is invisible here: commit it beside the manifests.",
     .remediation =
         "Add a ResourceQuota to the production namespace, e.g. 'kind: ResourceQuota, spec: "
         "{hard: {requests.cpu: \"8\", requests.memory: 12Gi, limits.memory: 12Gi}}', and a "
         "LimitRange with default requests and limits for containers.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s
