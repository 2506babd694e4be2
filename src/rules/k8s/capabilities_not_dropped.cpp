#include <algorithm>
#include <array>
#include <string>

#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// "cap_sys_admin" -> "SYS_ADMIN"
std::string capability_name(std::string_view text) {
  std::string upper(core::trim(text));
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper.rfind("CAP_", 0) == 0) upper.erase(0, 4);
  return upper;
}

// Capabilities that amount to root on the node, or close to it.
constexpr std::array<std::string_view, 5> kDangerous = {"ALL", "SYS_ADMIN", "NET_ADMIN",
                                                        "SYS_MODULE", "SYS_PTRACE"};

void check(ObjectReport& report, const ContainerSite& site) {
  if (is_windows_pod(site.pod_spec)) return;
  std::string who = describe(site.object, site.container);
  const parse::Node* capabilities = security_setting(site, "capabilities", false);
  const parse::Node* drop = path_to(capabilities, {"drop"});
  bool drops_all = drop != nullptr && drop->is_seq() &&
                   std::any_of(drop->children.begin(), drop->children.end(), [](const auto& item) {
                     return capability_name(item.value) == "ALL";
                   });
  if (!drops_all) {
    if (drop != nullptr && drop->is_seq() && !drop->children.empty()) {
      std::string names;
      for (const auto& item : drop->children) names += (names.empty() ? "" : ", ") + item.value;
      report.report(key_where(site.object, *drop),
                    who + " drops only " + names + ", not ALL capabilities");
    } else {
      report.report(site.object.where(*site.container.node),
                    who +
                        " does not drop ALL capabilities, so it keeps the runtime's default "
                        "set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...)");
    }
  }
  const parse::Node* add = path_to(capabilities, {"add"});
  if (add == nullptr || !add->is_seq()) return;
  for (const auto& item : add->children) {
    std::string name = capability_name(item.value);
    if (std::find(kDangerous.begin(), kDangerous.end(), name) == kDangerous.end()) continue;
    report.report(
        site.object.where(item),
        who + " adds the capability " + name +
            (name == "ALL" ? ", every one the kernel has" : ", close to root on the node"),
        item.value);
  }
}

}  // namespace

extern const Rule kCapabilitiesNotDropped;
const Rule kCapabilitiesNotDropped{
    .meta =
        {.id = "k8s/capabilities-not-dropped",
         .section = "k8s",
         .title = "Containers drop all Linux capabilities",
         .severity = Severity::kWarning,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "Container runtimes grant a default set of Linux capabilities even to non-root "
             "processes that exec a setuid or file-capability binary: NET_RAW (spoofed packets, "
             "ARP and DNS poisoning inside the node's network), CHOWN, DAC_OVERRIDE, SETUID and "
             "more. Almost no application needs any of them. Dropping ALL and adding back the one "
             "that is needed (NET_BIND_SERVICE to bind a port below 1024) is the restricted Pod "
             "Security Standard. The rule also reports capabilities that are close to root on the "
             "node when added: ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE and SYS_PTRACE (Polaris's "
             "dangerousCapabilities and two more). Names are compared without case and without a "
             "CAP_ prefix; Windows pods are skipped.",
         .remediation =
             "Set 'securityContext: {capabilities: {drop: [ALL]}}' on every container, adding back "
             "only what the process needs ('add: [NET_BIND_SERVICE]'); move work that needs "
             "SYS_ADMIN or NET_ADMIN into a separate, reviewed node agent.",
         .also = "kube-linter drop-net-raw-capability, Polaris dangerousCapabilities and "
                 "insecureCapabilities, Checkov CKV_K8S_37, CKV_K8S_28 and CKV_K8S_39",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
