#pragma once
// How the rendered Kubernetes objects of an environment relate: the workloads and containers
// they run, objects indexed by kind, namespaces, label selectors matched against pod template
// labels, replica counts, and the autoscalers that own a workload's replica count. Links
// resolve only inside one environment. The index of each environment is derived once
// (RepoModel::object_index); rules read it.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/k8s.h"

namespace golive::model {

struct RepoModel;

// A workload (an object with a pod template) where an environment renders it.
struct WorkloadSite {
  const K8sEnvironment& environment;
  const RenderedObject& object;
  const parse::Node& pod_spec;
};

// A container of a workload.
struct ContainerSite {
  const K8sEnvironment& environment;
  const RenderedObject& object;
  const parse::Node& pod_spec;
  const ContainerView& container;
};

// Every workload of every environment, in order.
void for_each_workload(const RepoModel& model,
                       const std::function<void(const WorkloadSite&)>& visit);
// Every container of every workload; init containers only when include_init.
void for_each_container(const RepoModel& model, bool include_init,
                        const std::function<void(const ContainerSite&)>& visit);
// True when some environment renders a workload.
bool has_workloads(const RepoModel& model);

using Labels = std::vector<std::pair<std::string, std::string>>;

// The object's namespace, "default" when it sets none.
std::string namespace_of(const RenderedObject& object);
// Whether two objects land in one namespace: the same namespace, or either sets none (a
// manifest without a namespace goes wherever `kubectl apply -n` sends it).
bool same_namespace(const RenderedObject& a, const RenderedObject& b);

// An environment named for development work (dev, local, test, qa, sandbox, kind, minikube,
// e2e): a missing Ingress TLS there is not a go-live problem.
bool is_dev_environment(const K8sEnvironment& environment);

// A value decided elsewhere: $VAR, ${VAR}, {{ }} or a kustomize $(VAR).
bool is_templated(std::string_view value);

// Kinds whose pods all come from one template and scale by spec.replicas.
bool is_scalable_kind(std::string_view kind);

// The node at a path of map keys, or nullptr.
const parse::Node* node_at(const parse::Node& node, std::initializer_list<std::string_view> keys);
// The scalar under a path of map keys, or "".
std::string scalar_at(const parse::Node& node, std::initializer_list<std::string_view> keys);
// A metadata.annotations entry, or "".
std::string annotation(const RenderedObject& object, std::string_view key);

// Where a map entry's key was written ("spec:", "selector:"): for a block map, the line of the
// key rather than of its first child.
SourceLine where_key(const RenderedObject& object, const parse::Node& entry);

// An integer scalar ("3", not "3.5", "${N}" or "50%").
std::optional<int> int_value(const parse::Node* node);

// A PodDisruptionBudget's minAvailable/maxUnavailable: a count or a percentage.
struct IntOrPercent {
  int value = 0;
  bool percent = false;
};
std::optional<IntOrPercent> int_or_percent(const parse::Node* node);

// A Kubernetes label selector: matchLabels and matchExpressions (In, NotIn, Exists,
// DoesNotExist), or a Service's plain key/value map. An empty selector matches every pod.
class LabelSelector {
 public:
  // spec.selector of a PodDisruptionBudget, spec.podSelector of a NetworkPolicy.
  static LabelSelector from_label_selector(const parse::Node* node);
  // spec.selector of a Service.
  static LabelSelector from_map(const parse::Node* node);

  [[nodiscard]] bool empty() const { return labels_.empty() && expressions_.empty(); }
  // False when a value is templated or an operator is unknown: nothing can be said.
  [[nodiscard]] bool known() const { return known_; }
  [[nodiscard]] bool matches(const Labels& labels) const;
  // "app=api, tier in (web)"
  [[nodiscard]] std::string describe() const;

 private:
  struct Expression {
    std::string key;
    std::string op;
    std::vector<std::string> values;
  };
  Labels labels_;
  std::vector<Expression> expressions_;
  bool known_ = true;
};

// The labels of a workload's pod template (or of a Pod).
Labels pod_labels(const RenderedObject& workload);

// A workload's replica count: spec.replicas, 1 when unset; nullopt when templated.
struct Replicas {
  std::optional<int> count;
  const parse::Node* node = nullptr;  // the replicas value, nullptr when unset
};
Replicas replicas_of(const RenderedObject& workload);

// Ingresses: TLS set up by spec.tls or by a controller annotation (an ALB certificate-arn, GKE
// managed or pre-shared certificates, Traefik router.tls).
bool has_annotation_tls(const RenderedObject& ingress);
// Whether a TLS host (possibly "*.example.com") covers a rule's host.
bool tls_host_covers(std::string_view tls_host, std::string_view host);

class ObjectIndex {
 public:
  explicit ObjectIndex(const K8sEnvironment& environment);

  [[nodiscard]] const K8sEnvironment& environment() const { return environment_; }
  // Objects of a kind, in document order; empty when none.
  [[nodiscard]] const std::vector<const RenderedObject*>& of_kind(std::string_view kind) const;
  // The object of that kind and name in the namespace of `near`, or nullptr.
  [[nodiscard]] const RenderedObject* find(std::string_view kind, std::string_view name,
                                           const RenderedObject& near) const;
  // Objects with a pod template (is_workload_kind), in document order.
  [[nodiscard]] const std::vector<const RenderedObject*>& workloads() const { return workloads_; }
  // The HorizontalPodAutoscaler or KEDA ScaledObject whose scaleTargetRef names the workload.
  [[nodiscard]] const RenderedObject* autoscaler_of(const RenderedObject& workload) const;
  // The fewest replicas a workload runs: its autoscaler's minimum (HPA minReplicas, 1 by
  // default; KEDA minReplicaCount, 0 by default), else its replicas; nullopt when templated.
  [[nodiscard]] std::optional<int> minimum_replicas(const RenderedObject& workload) const;
  // Workloads in the selector's namespace whose pod labels it matches.
  [[nodiscard]] std::vector<const RenderedObject*> selected_workloads(
      const LabelSelector& selector, const RenderedObject& owner) const;

 private:
  const K8sEnvironment& environment_;
  std::map<std::string, std::vector<const RenderedObject*>, std::less<>> by_kind_;
  std::vector<const RenderedObject*> workloads_;
};

}  // namespace golive::model
