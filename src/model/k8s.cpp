#include "model/k8s.h"

#include <algorithm>
#include <array>

#include "core/strings.h"

namespace golive::model {
namespace {

constexpr std::array<std::string_view, 4> kProductionWords = {"prod", "production", "prd", "live"};

// ReplicationController is ReplicaSet's predecessor, still applied from older manifests.
constexpr std::array<std::string_view, 10> kWorkloadKinds = {
    "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",       "Job",
    "CronJob",    "Pod",         "Rollout",   "DeploymentConfig", "ReplicationController"};

const parse::Node* path_of(const parse::Node* node, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (node == nullptr || !node->is_map()) return nullptr;
    node = node->find(key);
  }
  return node;
}

}  // namespace

SourceLine RenderedObject::where(const parse::Node& node) const {
  // A mapping entry is found where its key is written; its value may start a line later.
  int line = !node.key.empty() && node.key_mark.line > 0 ? node.key_mark.line : node.mark.line;
  if (node.source < sources.size()) return {sources[node.source], line};
  return where();
}

bool is_production_name(std::string_view name) {
  std::string lower = core::to_lower(name);
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find_first_of("/-_.", start);
    if (end == std::string::npos) end = lower.size();
    std::string_view part = std::string_view(lower).substr(start, end - start);
    if (std::find(kProductionWords.begin(), kProductionWords.end(), part) != kProductionWords.end())
      return true;
    start = end + 1;
  }
  return false;
}

bool is_workload_kind(std::string_view kind) {
  return std::find(kWorkloadKinds.begin(), kWorkloadKinds.end(), kind) != kWorkloadKinds.end();
}

const parse::Node* pod_spec_of(const RenderedObject& object) {
  if (object.kind == "Pod") return path_of(&object.node, {"spec"});
  if (object.kind == "CronJob")
    return path_of(&object.node, {"spec", "jobTemplate", "spec", "template", "spec"});
  if (!is_workload_kind(object.kind)) return nullptr;
  return path_of(&object.node, {"spec", "template", "spec"});
}

const parse::Node* pod_metadata_of(const RenderedObject& object) {
  if (object.kind == "Pod") return path_of(&object.node, {"metadata"});
  if (object.kind == "CronJob")
    return path_of(&object.node, {"spec", "jobTemplate", "spec", "template", "metadata"});
  if (!is_workload_kind(object.kind)) return nullptr;
  return path_of(&object.node, {"spec", "template", "metadata"});
}

std::vector<ContainerView> containers_of(const parse::Node& pod_spec) {
  std::vector<ContainerView> out;
  for (auto [key, init] : {std::pair{"containers", false}, std::pair{"initContainers", true}}) {
    const parse::Node* list = pod_spec.is_map() ? pod_spec.find(key) : nullptr;
    if (list == nullptr || !list->is_seq()) continue;
    for (const auto& container : list->children) {
      if (!container.is_map()) continue;
      out.push_back({&container, container.get("name"), init});
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> labels_of(const parse::Node* map) {
  std::vector<std::pair<std::string, std::string>> out;
  if (map == nullptr || !map->is_map()) return out;
  for (const auto& entry : map->children) {
    if (entry.is_scalar()) out.emplace_back(entry.key, entry.value);
  }
  return out;
}

}  // namespace golive::model
