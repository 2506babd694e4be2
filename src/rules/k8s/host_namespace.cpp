#include <array>
#include <string>
#include <utility>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kNamespaces = {{
    {"hostNetwork", "the node's network stack: every local port and interface"},
    {"hostPID", "the node's process table: it can see and signal every process"},
    {"hostIPC", "the node's IPC namespace: shared memory of every other process"},
}};

void check(ObjectReport& report, const WorkloadSite& site) {
  // A DaemonSet is a node agent (an exporter, a CNI, a log shipper): some need the host's
  // namespaces by design, so for them it is a question for a waiver, not positive evidence of
  // a defect.
  bool node_agent = site.object.kind == "DaemonSet";
  for (const auto& [key, effect] : kNamespaces) {
    const parse::Node* field = path_to(&site.pod_spec, {key});
    if (field == nullptr || !field->truthy()) continue;
    std::string message = site.object.label() + " sets " + std::string(key) +
                          ": true, so its pods share " + std::string(effect);
    if (node_agent) {
      report.report(site.object.where(*field),
                    message + "; a node agent may need it: if so, say why in a waiver", "",
                    Severity::kWarning);
    } else {
      report.report(site.object.where(*field), message);
    }
  }
}

}  // namespace

extern const Rule kHostNamespace;
const Rule kHostNamespace{
    .meta =
        {.id = "k8s/host-namespace",
         .section = "k8s",
         .title = "Pods do not share the host's namespaces",
         .severity = Severity::kError,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "hostNetwork, hostPID and hostIPC remove a pod from its own Linux namespaces. With "
             "hostNetwork it binds the node's ports, bypasses NetworkPolicy and reaches services "
             "listening on localhost (the kubelet, cloud metadata proxies); with hostPID it sees, "
             "signals and can ptrace every process on the node, reading their environments and "
             "secrets; with hostIPC it reads other processes' shared memory. Application workloads "
             "never need them: there it is an error. The node agents that do (CNI, monitoring "
             "exporters) run as DaemonSets, where it is a warning that a waiver saying why "
             "answers.",
         .remediation =
             "Remove hostNetwork, hostPID and hostIPC from the pod spec (they default to false); "
             "expose ports through a Service, use hostPort or a NodePort only where a port on the "
             "node itself is required.",
         .also = "kube-linter host-network, host-pid and host-ipc, Polaris hostNetworkSet, "
                 "hostPIDSet and hostIPCSet, Checkov CKV_K8S_19, CKV_K8S_17 and CKV_K8S_18",
         .inspects = Inspects::kWorkload},
    .check_workload = check};

}  // namespace golive::rules::k8s
