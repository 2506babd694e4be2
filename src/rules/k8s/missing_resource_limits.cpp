#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

bool limited(const ContainerSite& site, std::string_view resource) {
  return quantity_set(path_to(site.container.node, {"resources", "limits", resource})) ||
         limit_range_default(site.environment, site.object, "default", resource);
}

void check(ObjectReport& report, const ContainerSite& site) {
  if (limited(site, "memory")) return;
  std::string message = describe(site.object, site.container) + " has no memory limit";
  if (!limited(site, "cpu")) message += " (nor a cpu limit, which golive does not require)";
  report.report(site.object.where(*site.container.node), message);
}

}  // namespace

extern const Rule kMissingResourceLimits;
const Rule kMissingResourceLimits{
    .meta =
        {.id = "k8s/missing-resource-limits",
         .section = "k8s",
         .title = "Containers have a memory limit",
         .severity = Severity::kError,
         .seeds = "004 T017, 004 T022",
         .rationale =
             "Memory cannot be throttled, only reclaimed by killing: a container without a memory "
             "limit that leaks or spikes grows until the node runs out, and the kernel's OOM "
             "killer "
             "or the kubelet's eviction then takes down its neighbours too. With a limit only the "
             "offending container is OOM-killed and restarted. A cpu limit is different: an "
             "exhausted cpu budget throttles the container (CFS quota) rather than killing "
             "anything, "
             "and a cpu limit throttles even when the node has idle cores, which adds latency. "
             "Many "
             "teams leave cpu limits off on purpose and rely on cpu requests for fair sharing, so "
             "golive requires the memory limit only and mentions a missing cpu limit in the same "
             "message (kube-score requires both unless run with --ignore-container-cpu-limit). A "
             "LimitRange with a default memory limit in the namespace passes.",
         .remediation =
             "Set a memory limit on every container, usually equal to its memory request so the "
             "pod "
             "cannot be overcommitted: 'resources: {requests: {cpu: 100m, memory: 256Mi}, limits: "
             "{memory: 256Mi}}'. Add a cpu limit only where a noisy container must be capped.",
         .also = "kube-score container-resources, kube-linter unset-memory-requirements, Polaris "
                 "memoryLimitsMissing, Checkov CKV_K8S_13 (CKV_K8S_11 for cpu)",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
