#include "model/k8s_index.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/strings.h"
#include "model/model.h"

namespace golive::model {

void for_each_workload(const RepoModel& model,
                       const std::function<void(const WorkloadSite&)>& visit) {
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      const parse::Node* pod_spec = pod_spec_of(object);
      if (pod_spec == nullptr || !pod_spec->is_map()) continue;
      visit({environment, object, *pod_spec});
    }
  }
}

void for_each_container(const RepoModel& model, bool include_init,
                        const std::function<void(const ContainerSite&)>& visit) {
  for_each_workload(model, [&](const WorkloadSite& site) {
    for (const auto& container : containers_of(site.pod_spec)) {
      if (container.init && !include_init) continue;
      visit({site.environment, site.object, site.pod_spec, container});
    }
  });
}

bool has_workloads(const RepoModel& model) {
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      const parse::Node* pod_spec = pod_spec_of(object);
      if (pod_spec != nullptr && pod_spec->is_map()) return true;
    }
  }
  return false;
}
namespace {

constexpr std::array<std::string_view, 12> kDevWords = {
    "dev",  "development", "local", "test", "testing", "qa",
    "kind", "minikube",    "e2e",   "ci",   "sandbox", "demo"};

constexpr std::array<std::string_view, 6> kScalableKinds = {
    "Deployment", "StatefulSet",      "ReplicaSet",
    "Rollout",    "DeploymentConfig", "ReplicationController"};

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

const std::string* label_value(const Labels& labels, const std::string& key) {
  for (const auto& [name, value] : labels) {
    if (name == key) return &value;
  }
  return nullptr;
}

}  // namespace

std::string namespace_of(const RenderedObject& object) {
  return object.namespace_name.empty() ? "default" : object.namespace_name;
}

bool same_namespace(const RenderedObject& a, const RenderedObject& b) {
  return a.namespace_name.empty() || b.namespace_name.empty() ||
         a.namespace_name == b.namespace_name;
}

bool is_dev_environment(const K8sEnvironment& environment) {
  std::string lower = core::to_lower(environment.name);
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find_first_of("/-_.", start);
    if (end == std::string::npos) end = lower.size();
    std::string_view part = std::string_view(lower).substr(start, end - start);
    if (std::find(kDevWords.begin(), kDevWords.end(), part) != kDevWords.end()) return true;
    start = end + 1;
  }
  return false;
}

bool is_templated(std::string_view value) {
  return value.find('$') != std::string_view::npos || value.find("{{") != std::string_view::npos;
}

bool is_scalable_kind(std::string_view kind) {
  return std::find(kScalableKinds.begin(), kScalableKinds.end(), kind) != kScalableKinds.end();
}

const parse::Node* node_at(const parse::Node& node, std::initializer_list<std::string_view> keys) {
  const parse::Node* at = &node;
  for (std::string_view key : keys) {
    if (!at->is_map()) return nullptr;
    at = at->find(key);
    if (at == nullptr) return nullptr;
  }
  return at;
}

std::string scalar_at(const parse::Node& node, std::initializer_list<std::string_view> keys) {
  const parse::Node* at = node_at(node, keys);
  return at != nullptr && at->is_scalar() ? at->value : "";
}

std::string annotation(const RenderedObject& object, std::string_view key) {
  const parse::Node* annotations = node_at(object.node, {"metadata", "annotations"});
  if (annotations == nullptr || !annotations->is_map()) return "";
  return annotations->get(key);
}

SourceLine where_key(const RenderedObject& object, const parse::Node& entry) {
  SourceLine where = object.where(entry);
  if (entry.key_mark.line > 0) where.line = entry.key_mark.line;
  return where;
}

std::optional<int> int_value(const parse::Node* node) {
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  std::string_view text = core::trim(node->value);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<IntOrPercent> int_or_percent(const parse::Node* node) {
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  std::string_view text = core::trim(node->value);
  bool percent = !text.empty() && text.back() == '%';
  if (percent) text.remove_suffix(1);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return IntOrPercent{value, percent};
}

LabelSelector LabelSelector::from_label_selector(const parse::Node* node) {
  LabelSelector selector;
  if (node == nullptr || !node->is_map()) return selector;
  selector.labels_ = labels_of(node->find("matchLabels"));
  if (const parse::Node* expressions = node->find("matchExpressions");
      expressions != nullptr && expressions->is_seq()) {
    for (const auto& item : expressions->children) {
      if (!item.is_map()) continue;
      Expression expression{item.get("key"), item.get("operator"), {}};
      if (const parse::Node* values = item.find("values"); values && values->is_seq()) {
        for (const auto& value : values->children) {
          if (value.is_scalar()) expression.values.push_back(value.value);
        }
      }
      selector.expressions_.push_back(std::move(expression));
    }
  }
  for (const auto& [key, value] : selector.labels_) {
    if (is_templated(key) || is_templated(value)) selector.known_ = false;
  }
  for (const auto& expression : selector.expressions_) {
    if (expression.op != "In" && expression.op != "NotIn" && expression.op != "Exists" &&
        expression.op != "DoesNotExist")
      selector.known_ = false;
    for (const auto& value : expression.values) {
      if (is_templated(value)) selector.known_ = false;
    }
  }
  return selector;
}

LabelSelector LabelSelector::from_map(const parse::Node* node) {
  LabelSelector selector;
  selector.labels_ = labels_of(node);
  for (const auto& [key, value] : selector.labels_) {
    if (is_templated(key) || is_templated(value)) selector.known_ = false;
  }
  return selector;
}

bool LabelSelector::matches(const Labels& labels) const {
  for (const auto& [key, value] : labels_) {
    const std::string* found = label_value(labels, key);
    if (found == nullptr || *found != value) return false;
  }
  for (const auto& expression : expressions_) {
    const std::string* found = label_value(labels, expression.key);
    if (expression.op == "In" && (found == nullptr || !contains(expression.values, *found)))
      return false;
    if (expression.op == "NotIn" && found != nullptr && contains(expression.values, *found))
      return false;
    if (expression.op == "Exists" && found == nullptr) return false;
    if (expression.op == "DoesNotExist" && found != nullptr) return false;
  }
  return true;
}

std::string LabelSelector::describe() const {
  std::vector<std::string> parts;
  for (const auto& [key, value] : labels_) parts.push_back(key + "=" + value);
  for (const auto& expression : expressions_) {
    std::string part = expression.key + " " + core::to_lower(expression.op);
    if (!expression.values.empty()) part += " (" + core::join(expression.values, ", ") + ")";
    parts.push_back(part);
  }
  return core::join(parts, ", ");
}

Labels pod_labels(const RenderedObject& workload) {
  const parse::Node* metadata = pod_metadata_of(workload);
  if (metadata == nullptr || !metadata->is_map()) return {};
  return labels_of(metadata->find("labels"));
}

Replicas replicas_of(const RenderedObject& workload) {
  Replicas replicas;
  replicas.node = node_at(workload.node, {"spec", "replicas"});
  if (replicas.node == nullptr || replicas.node->is_null()) {
    replicas.node = nullptr;
    replicas.count = 1;
    return replicas;
  }
  replicas.count = int_value(replicas.node);
  return replicas;
}

bool has_annotation_tls(const RenderedObject& ingress) {
  return !annotation(ingress, "alb.ingress.kubernetes.io/certificate-arn").empty() ||
         !annotation(ingress, "networking.gke.io/managed-certificates").empty() ||
         !annotation(ingress, "ingress.gcp.kubernetes.io/pre-shared-cert").empty() ||
         annotation(ingress, "traefik.ingress.kubernetes.io/router.tls") == "true";
}

bool tls_host_covers(std::string_view tls_host, std::string_view host) {
  if (core::iequals(tls_host, host)) return true;
  if (tls_host.size() < 3 || tls_host.substr(0, 2) != "*.") return false;
  size_t dot = host.find('.');
  return dot != std::string_view::npos && host.substr(0, dot) != "*" &&
         core::iequals(host.substr(dot + 1), tls_host.substr(2));
}

ObjectIndex::ObjectIndex(const K8sEnvironment& environment) : environment_(environment) {
  for (const auto& object : environment.objects) {
    by_kind_[object.kind].push_back(&object);
    if (is_workload_kind(object.kind)) workloads_.push_back(&object);
  }
}

const std::vector<const RenderedObject*>& ObjectIndex::of_kind(std::string_view kind) const {
  static const std::vector<const RenderedObject*> kNone;
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? kNone : it->second;
}

const RenderedObject* ObjectIndex::find(std::string_view kind, std::string_view name,
                                        const RenderedObject& near) const {
  for (const auto* object : of_kind(kind)) {
    if (object->name == name && same_namespace(*object, near)) return object;
  }
  return nullptr;
}

const RenderedObject* ObjectIndex::autoscaler_of(const RenderedObject& workload) const {
  for (const auto* hpa : of_kind("HorizontalPodAutoscaler")) {
    const parse::Node* target = node_at(hpa->node, {"spec", "scaleTargetRef"});
    if (target == nullptr || !target->is_map()) continue;
    if (target->get("kind") == workload.kind && target->get("name") == workload.name &&
        same_namespace(*hpa, workload))
      return hpa;
  }
  for (const auto* scaled : of_kind("ScaledObject")) {
    const parse::Node* target = node_at(scaled->node, {"spec", "scaleTargetRef"});
    if (target == nullptr || !target->is_map()) continue;
    if (target->get("kind", "Deployment") == workload.kind &&
        target->get("name") == workload.name && same_namespace(*scaled, workload))
      return scaled;
  }
  return nullptr;
}

std::optional<int> ObjectIndex::minimum_replicas(const RenderedObject& workload) const {
  if (const auto* autoscaler = autoscaler_of(workload)) {
    bool keda = autoscaler->kind == "ScaledObject";
    const parse::Node* minimum =
        node_at(autoscaler->node, {"spec", keda ? "minReplicaCount" : "minReplicas"});
    if (minimum == nullptr) return keda ? 0 : 1;
    return int_value(minimum);
  }
  return replicas_of(workload).count;
}

std::vector<const RenderedObject*> ObjectIndex::selected_workloads(
    const LabelSelector& selector, const RenderedObject& owner) const {
  std::vector<const RenderedObject*> out;
  for (const auto* workload : workloads_) {
    if (!same_namespace(*workload, owner)) continue;
    if (selector.matches(pod_labels(*workload))) out.push_back(workload);
  }
  return out;
}

}  // namespace golive::model
