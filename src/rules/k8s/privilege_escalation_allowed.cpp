#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  if (is_windows_pod(site.pod_spec)) return;
  const parse::Node* allow = security_setting(site, "allowPrivilegeEscalation", false);
  std::string who = describe(site.object, site.container);
  if (allow == nullptr) {
    report.report(site.object.where(*site.container.node),
                  who +
                      " does not set allowPrivilegeEscalation: false, and Kubernetes allows "
                      "escalation by default");
  } else if (allow->truthy()) {
    report.report(site.object.where(*allow), who + " sets allowPrivilegeEscalation: true");
  }
}

}  // namespace

extern const Rule kPrivilegeEscalationAllowed;
const Rule kPrivilegeEscalationAllowed{
    .meta =
        {.id = "k8s/privilege-escalation-allowed",
         .section = "k8s",
         .title = "Containers forbid privilege escalation",
         .severity = Severity::kWarning,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "allowPrivilegeEscalation controls the no_new_privs flag of the container's process. "
             "Unless it is set to false, a process can gain more privileges than its parent "
             "through "
             "setuid binaries (sudo, su, ping in many images) or file capabilities, which undoes a "
             "non-root user. Kubernetes defaults it to true, so only an explicit false passes; the "
             "field exists only on the container's securityContext, not the pod's. Init containers "
             "count; Windows pods are skipped. It is a warning: the flag closes one escalation "
             "path, while running privileged or as root (their own rules) hands privileges out "
             "directly.",
         .remediation =
             "Set 'securityContext: {allowPrivilegeEscalation: false}' on every container (it is "
             "part of the Kubernetes restricted Pod Security Standard, with runAsNonRoot, drop ALL "
             "capabilities and a RuntimeDefault seccomp profile).",
         .also = "kube-linter privilege-escalation-container, Polaris privilegeEscalationAllowed, "
                 "Checkov CKV_K8S_20",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
