#include <array>
#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// Host directories whose contents are the node's control: its config, kernel interfaces,
// devices, container runtime state and the kubelet's credentials.
constexpr std::array<std::string_view, 12> kSensitive = {"/etc",
                                                         "/root",
                                                         "/home",
                                                         "/proc",
                                                         "/sys",
                                                         "/boot",
                                                         "/dev",
                                                         "/run",
                                                         "/var/run",
                                                         "/var/lib/kubelet",
                                                         "/var/lib/docker",
                                                         "/var/lib/containerd"};

bool is_socket(std::string_view path) {
  return path.size() >= 5 && path.substr(path.size() - 5) == ".sock";
}

bool is_sensitive(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/" || is_socket(path)) return true;
  for (std::string_view prefix : kSensitive) {
    if (path == prefix || path.rfind(std::string(prefix) + "/", 0) == 0) return true;
  }
  return false;
}

// Whether some container (or init container) mounts the volume without readOnly: true.
bool mounted_writable(const parse::Node& pod_spec, const std::string& volume) {
  for (const auto& container : model::containers_of(pod_spec)) {
    const parse::Node* mounts = path_to(container.node, {"volumeMounts"});
    if (mounts == nullptr || !mounts->is_seq()) continue;
    for (const auto& mount : mounts->children) {
      if (!mount.is_map() || mount.get("name") != volume) continue;
      const parse::Node* read_only = mount.find("readOnly");
      if (read_only == nullptr || !read_only->truthy()) return true;
    }
  }
  return false;
}

void check(ObjectReport& report, const WorkloadSite& site) {
  const parse::Node* volumes = path_to(&site.pod_spec, {"volumes"});
  if (volumes == nullptr || !volumes->is_seq()) return;
  for (const auto& volume : volumes->children) {
    const parse::Node* host_path = path_to(&volume, {"hostPath"});
    if (host_path == nullptr || !host_path->is_map()) continue;
    const parse::Node* path = host_path->find("path");
    std::string text = path != nullptr ? path->value : "";
    std::string name = volume.get("name");
    std::string what =
        site.object.label() + " mounts the host path '" + text + "' (volume '" + name + "')";
    if (site.object.kind == "DaemonSet") {
      // A node agent may read the node; report what hands it the node's control.
      if (is_socket(text)) {
        what += ", a socket that controls the node's container runtime or agents";
      } else if (is_sensitive(text) && mounted_writable(site.pod_spec, name)) {
        what += " writable";
      } else {
        continue;
      }
    }
    report.report(path != nullptr ? site.object.where(*path) : key_where(site.object, *host_path),
                  what, text);
  }
}

}  // namespace

extern const Rule kHostPathVolume;
const Rule kHostPathVolume{
    .meta =
        {.id = "k8s/host-path-volume",
         .section = "k8s",
         .title = "Pods do not mount host paths",
         .severity = Severity::kError,
         .seeds = "003 P4-01, 004 T017, 004 T022",
         .rationale =
             "A hostPath volume mounts a directory of whatever node the pod lands on. For an "
             "application it ties data to one node (lost when the pod moves, mixed when two pods "
             "share a node), and it is the most common container escape: the container runtime's "
             "socket, /etc, /var/lib/kubelet or / give control of the node. Deployments, "
             "StatefulSets, Jobs and Pods are reported for every hostPath. DaemonSets are node "
             "agents (log shippers, exporters, CSI drivers) that legitimately read the node, so "
             "for them golive reports only a socket (*.sock) and a sensitive host directory (/, "
             "/etc, /proc, /sys, /dev, /run, /var/lib/kubelet, ...) mounted without readOnly: "
             "true. One severity fits both: error.",
         .remediation =
             "Store application data on a PersistentVolumeClaim, scratch space on an emptyDir, and "
             "configuration in a ConfigMap or Secret. A DaemonSet that must read the node mounts "
             "the narrowest path with 'readOnly: true' and never the runtime socket.",
         .also = "kube-linter host-mounts, sensitive-host-mounts and docker-sock, Polaris "
                 "hostPathSet, Checkov CKV_K8S_27",
         .inspects = Inspects::kWorkload},
    .check_workload = check};

}  // namespace golive::rules::k8s
