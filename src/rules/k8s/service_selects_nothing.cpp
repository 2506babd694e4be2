#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <utility>

#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// The first selector entry that no pod template in reach carries: the label to fix. Null when
// each label exists somewhere but no pod has them all.
const parse::Node* unmatched_entry(const ObjectIndex& index, const model::RenderedObject& service,
                                   const parse::Node& selector) {
  for (const auto& entry : selector.children) {
    if (!entry.is_scalar()) continue;
    bool carried = false;
    for (const auto* workload : index.workloads()) {
      if (!same_namespace(*workload, service)) continue;
      for (const auto& [key, value] : pod_labels(*workload)) {
        if (key == entry.key && value == entry.value) carried = true;
      }
    }
    if (!carried) return &entry;
  }
  return nullptr;
}

// A custom resource, in the Service's namespace, of a kind whose operator creates pods golive
// never sees: Prometheus, Alertmanager, a Kafka or Postgres cluster, a Knative Service...
const model::RenderedObject* pod_creating_resource(const model::K8sEnvironment& environment,
                                                   const model::RenderedObject& service) {
  static constexpr std::string_view kKinds[] = {"Prometheus",
                                                "Alertmanager",
                                                "ThanosRuler",
                                                "Kafka",
                                                "KafkaNodePool",
                                                "Postgresql",
                                                "PostgresCluster",
                                                "Cluster",
                                                "RedisFailover",
                                                "RabbitmqCluster",
                                                "Elasticsearch",
                                                "Kibana",
                                                "MongoDBCommunity",
                                                "Keycloak",
                                                "Grafana",
                                                "OpenTelemetryCollector",
                                                "ClusterServiceVersion",
                                                "Rollout",
                                                "KnativeService"};
  for (const auto& object : environment.objects) {
    size_t slash = object.api_version.find('/');
    if (slash == std::string::npos) continue;
    std::string_view group(object.api_version.data(), slash);
    if (group.find('.') == std::string_view::npos || group.ends_with(".k8s.io")) continue;
    bool creates_pods =
        std::find(std::begin(kKinds), std::end(kKinds), object.kind) != std::end(kKinds) ||
        (object.kind == "Service" && group == "serving.knative.dev");
    if (creates_pods && same_namespace(object, service)) return &object;
  }
  return nullptr;
}

void check(RuleContext& context) {
  bool any = false;
  std::set<std::pair<std::string, int>> unverified;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* service : index.of_kind("Service")) {
      if (scalar_at(service->node, {"spec", "type"}) == "ExternalName") continue;
      const parse::Node* selector_node = node_at(service->node, {"spec", "selector"});
      auto selector = LabelSelector::from_map(selector_node);
      if (selector_node == nullptr || selector.empty() || !selector.known()) continue;
      any = true;
      if (!index.selected_workloads(selector, *service).empty()) continue;
      const parse::Node* entry = unmatched_entry(index, *service, *selector_node);
      model::SourceLine where =
          entry != nullptr ? service->where(*entry) : where_key(*service, *selector_node);
      if (const model::RenderedObject* custom = pod_creating_resource(environment, *service)) {
        if (unverified.insert({where.path, where.line}).second) {
          context.unverified(service->label() + " selects pods labelled " + selector.describe() +
                                 " that no workload here has; an operator may create them from " +
                                 custom->label() + " (" + custom->api_version +
                                 "), which golive cannot see",
                             where.path, where.line, selector.describe());
        }
        continue;
      }
      reporter.add(environment, where,
                   service->label() + " selects pods labelled " + selector.describe() +
                       " but no workload's pod template has those labels, so it has no "
                       "endpoints",
                   selector.describe());
    }
  }
  if (!any) context.not_applicable("no Service with a selector in any environment");
}

}  // namespace

extern const Rule kServiceSelectsNothing;
const Rule kServiceSelectsNothing{
    {.id = "k8s/service-selects-nothing",
     .section = "k8s",
     .title = "Service selectors match a workload's pods",
     .severity = Severity::kError,
     .seeds = "002 §2",
     .rationale =
         "A Service routes to the pods whose labels carry every key and value of its selector. "
         "When no pod template matches (a label renamed in one place, a kustomize "
         "commonLabels or labels transformer that changed the pods but not the selector, a "
         "typo), the Service has no endpoints: the Ingress returns 503 and in-cluster clients "
         "get connection refused, while every object applies cleanly. golive matches each "
         "selector with the pod template labels of the workloads in the same environment and "
         "namespace. Services without a selector (hand-managed Endpoints) and ExternalName "
         "Services are skipped. Pods an operator creates from a custom resource are not visible: "
         "when the Service's namespace holds a custom resource of a kind whose operator creates "
         "pods (Prometheus, Alertmanager, Kafka, a Postgres or RabbitMQ cluster, "
         "Elasticsearch, an OLM ClusterServiceVersion, an Argo Rollout, a Knative Service, ...) "
         "the check is unverified rather than failed.",
     .remediation =
         "Make the selector a subset of the pod template's labels, e.g. 'selector: {app: "
         "api}' with 'template: {metadata: {labels: {app: api}}}', and check the rendered "
         "output with 'kubectl get endpoints' after a deploy to staging.",
     .also = "kube-score service-targets-pod, kube-linter dangling-service"},
    check};

}  // namespace golive::rules::k8s
