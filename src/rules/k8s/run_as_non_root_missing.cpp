#include <string>

#include "model/image_builds.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  if (is_windows_pod(site.pod_spec)) return;
  const parse::Node* non_root = security_setting(site, "runAsNonRoot", true);
  const parse::Node* user = security_setting(site, "runAsUser", true);
  auto uid = integer_of(user);
  if (user != nullptr && !uid) return;  // templated: decided elsewhere
  std::string who = describe(site.object, site.container);
  if (non_root != nullptr && non_root->truthy()) {
    if (uid && *uid == 0) {
      report.report(site.object.where(*user),
                    who +
                        " sets runAsNonRoot: true with runAsUser: 0, so the kubelet refuses "
                        "to start it");
    }
    return;
  }
  if (uid && *uid > 0) return;
  if (uid) {
    report.report(site.object.where(*user), who + " runs as root (runAsUser: 0)");
  } else if (non_root != nullptr) {
    report.report(site.object.where(*non_root),
                  who +
                      " sets runAsNonRoot: false and no runAsUser, so it runs as the image's "
                      "user, root unless the image names another");
  } else {
    // An image built here whose Dockerfile names a non-root USER runs as that user.
    const parse::Node* image = site.container.node->find("image");
    std::string name = image != nullptr && image->is_scalar() ? image->value : "";
    const model::DockerfileModel* built =
        name.empty() ? nullptr : model::dockerfile_for_image(report.model(), name);
    if (built != nullptr && model::sets_non_root_user(*built)) return;
    if (!name.empty() && model::names_non_root_user(name)) return;
    std::string message = who +
                          " sets neither runAsNonRoot: true nor a non-zero runAsUser, so it runs "
                          "as the image's user, root unless the image names another";
    // Root is evident for an image built here without a non-root USER and for images known to
    // default to root; any other image may name its own user, which golive cannot see.
    if (built != nullptr || model::runs_as_root_by_default(name)) {
      report.report(site.object.where(*site.container.node), message);
      return;
    }
    report.report(
        site.object.where(*site.container.node),
        message + "; which user '" + name + "' names golive cannot see, so enforce non-root here",
        "", Severity::kWarning);
  }
}

}  // namespace

extern const Rule kRunAsNonRootMissing;
const Rule kRunAsNonRootMissing{
    .meta =
        {.id = "k8s/run-as-non-root-missing",
         .section = "k8s",
         .title = "Containers run as a non-root user",
         .severity = Severity::kError,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "A container runs as the user its image names, and most images name none: root. Root "
             "in a container is root on the host's kernel, one runtime or kernel bug away from the "
             "node, and can write anywhere in the image. 'runAsNonRoot: true' makes the kubelet "
             "refuse to start a container whose user is 0, whatever the image says; a non-zero "
             "runAsUser forces the user outright. Either passes, set on the container or on the "
             "pod's securityContext (the container's value wins). Init containers count; Windows "
             "pods (spec.os.name: windows) are skipped. Without either setting the finding is an "
             "error when root is evident (an image built in the repository whose Dockerfile "
             "names no non-root USER, or an image known to default to root: python, node, nginx, "
             "alpine, distroless, ...) and a warning for any other image, whose own USER golive "
             "cannot see. kube-score's "
             "container-security-context-user-group-id goes further and asks for a uid and gid "
             "above 10000; golive asks for non-root only.",
         .remediation =
             "Set it once for the pod and build the image with a numeric non-root USER: "
             "'securityContext: {runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, "
             "fsGroup: 10001}' under spec.template.spec.",
         .also = "kube-score container-security-context-user-group-id, kube-linter "
                 "run-as-non-root, Polaris runAsRootAllowed, Checkov CKV_K8S_23 and CKV_K8S_40",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
