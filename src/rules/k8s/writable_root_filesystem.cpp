#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  if (is_windows_pod(site.pod_spec)) return;
  const parse::Node* read_only = security_setting(site, "readOnlyRootFilesystem", false);
  if (read_only != nullptr && read_only->truthy()) return;
  std::string who = describe(site.object, site.container);
  if (read_only != nullptr) {
    report.report(site.object.where(*read_only), who + " sets readOnlyRootFilesystem: false");
  } else {
    report.report(site.object.where(*site.container.node),
                  who +
                      " does not set readOnlyRootFilesystem: true, so its root filesystem "
                      "is writable");
  }
}

}  // namespace

extern const Rule kWritableRootFilesystem;
const Rule kWritableRootFilesystem{
    .meta =
        {.id = "k8s/writable-root-filesystem",
         .section = "k8s",
         .title = "Containers have a read-only root filesystem",
         .severity = Severity::kWarning,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "A writable root filesystem lets an attacker who gets code execution drop tools, "
             "replace binaries or plant a web shell that persists until the pod is replaced, and "
             "lets the app itself write state that vanishes on restart and fills the node's disk. "
             "With 'readOnlyRootFilesystem: true' every write must go to a declared volume. The "
             "field exists only on the container's securityContext; Kubernetes defaults it to "
             "false. Init containers count; Windows pods are skipped.",
         .remediation =
             "Set 'securityContext: {readOnlyRootFilesystem: true}' and mount an emptyDir where "
             "the "
             "app must write: 'volumeMounts: [{name: tmp, mountPath: /tmp}]' with 'volumes: "
             "[{name: tmp, emptyDir: {}}]'.",
         .also = "kube-score container-security-context-readonlyrootfilesystem, kube-linter "
                 "no-read-only-root-fs, Polaris notReadOnlyRootFilesystem, Checkov CKV_K8S_22",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
