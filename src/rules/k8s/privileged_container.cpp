#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  const parse::Node* privileged = security_setting(site, "privileged", false);
  if (privileged == nullptr || !privileged->truthy()) return;
  report.report(site.object.where(*privileged),
                describe(site.object, site.container) +
                    " runs privileged, with every capability and the host's devices");
}

}  // namespace

extern const Rule kPrivilegedContainer;
const Rule kPrivilegedContainer{
    .meta =
        {.id = "k8s/privileged-container",
         .section = "k8s",
         .title = "No container runs privileged",
         .severity = Severity::kError,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "'privileged: true' turns off the container's isolation: it gets every Linux "
             "capability, every device under /dev, no seccomp or AppArmor confinement, and can "
             "mount the host's disks or load kernel modules. Whoever compromises the process owns "
             "the node and every pod on it. Application workloads never need it; node agents that "
             "do (CNI plugins, storage drivers) should say so with a waiver.",
         .remediation =
             "Remove 'privileged: true' (or set it to false) and grant only what the process "
             "needs: a single capability under 'capabilities: {add: [NET_BIND_SERVICE]}', a device "
             "plugin, or a hostPath mounted read-only.",
         .also = "kube-score container-security-context-privileged, kube-linter "
                 "privileged-container, Polaris runAsPrivileged, Checkov CKV_K8S_16",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
