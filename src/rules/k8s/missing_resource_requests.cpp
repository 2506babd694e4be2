#include <string>
#include <vector>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// Kubernetes copies a limit into an unset request, and a LimitRange default fills either.
bool requested(const ContainerSite& site, std::string_view resource) {
  const parse::Node* resources = path_to(site.container.node, {"resources"});
  return quantity_set(path_to(resources, {"requests", resource})) ||
         quantity_set(path_to(resources, {"limits", resource})) ||
         limit_range_default(site.environment, site.object, "defaultRequest", resource) ||
         limit_range_default(site.environment, site.object, "default", resource);
}

void check(ObjectReport& report, const ContainerSite& site) {
  std::vector<std::string> missing;
  for (std::string_view resource : {"cpu", "memory"}) {
    if (!requested(site, resource)) missing.emplace_back(resource);
  }
  if (missing.empty()) return;
  std::string what = missing.size() == 2 ? "cpu or memory request" : missing[0] + " request";
  report.report(site.object.where(*site.container.node),
                describe(site.object, site.container) + " has no " + what);
}

}  // namespace

extern const Rule kMissingResourceRequests;
const Rule kMissingResourceRequests{
    .meta =
        {.id = "k8s/missing-resource-requests",
         .section = "k8s",
         .title = "Containers request CPU and memory",
         .severity = Severity::kWarning,
         .seeds = "004 T017, 004 T022",
         .rationale =
             "The scheduler places a pod by its requests. A container without a memory request is "
             "packed onto a node as if it needed none, is the first the kubelet evicts under "
             "memory "
             "pressure (BestEffort or Burstable class), and gives the HorizontalPodAutoscaler no "
             "base for a utilization target; without a cpu request it gets the smallest share of a "
             "busy node. Init containers count: the pod's request is the larger of the init and "
             "the "
             "regular containers'. A request may come from a limit (Kubernetes copies an unset "
             "request from the limit) or from a LimitRange default in the namespace; both pass. A "
             "missing memory request is the graver of the two, but a rule has one severity: this "
             "one is a warning, and the message says which request is missing.",
         .remediation =
             "Set both requests on every container, from observed usage (kubectl top pod, or the "
             "p95 of container_memory_working_set_bytes): 'resources: {requests: {cpu: 100m, "
             "memory: 256Mi}, limits: {memory: 256Mi}}'. A LimitRange with defaultRequest in the "
             "namespace covers containers you do not own.",
         .also = "kube-score container-resources, kube-linter unset-cpu-requirements and "
                 "unset-memory-requirements, Polaris cpuRequestsMissing and memoryRequestsMissing, "
                 "Checkov CKV_K8S_10 and CKV_K8S_12",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
