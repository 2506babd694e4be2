#include <optional>
#include <string>

#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// The fewest pods the Deployment runs: the minReplicas of an HPA that scales it (1 when
// unset), else spec.replicas (1 when unset); nullopt when templated.
std::optional<long long> replicas_of(const model::K8sEnvironment& environment,
                                     const model::RenderedObject& deployment) {
  for (const auto& hpa : environment.objects) {
    if (hpa.kind != "HorizontalPodAutoscaler") continue;
    const parse::Node* target = path_to(&hpa.node, {"spec", "scaleTargetRef"});
    if (target == nullptr || target->get("kind") != "Deployment" ||
        target->get("name") != deployment.name)
      continue;
    const parse::Node* minimum = path_to(&hpa.node, {"spec", "minReplicas"});
    return minimum == nullptr ? 1 : integer_of(minimum);
  }
  const parse::Node* replicas = path_to(&deployment.node, {"spec", "replicas"});
  return replicas == nullptr ? 1 : integer_of(replicas);
}

// A maxUnavailable or maxSurge as a pod count: a count, or a percentage of replicas rounded as
// the Deployment controller does (down for maxUnavailable, up for maxSurge); 25% when unset;
// nullopt when templated.
std::optional<long long> pods_of(const parse::Node* node, long long replicas, bool round_up) {
  long long percent = 25;
  if (node != nullptr) {
    std::string_view text = core::trim(node->value);
    if (text.empty() || text.back() != '%') return integer_of(node);
    auto written = parse_integer(text.substr(0, text.size() - 1));
    if (!written) return std::nullopt;
    percent = *written;
  }
  return (percent * replicas + (round_up ? 99 : 0)) / 100;
}

void check(RuleContext& context) {
  bool served = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    for (const auto& deployment : environment.objects) {
      if (deployment.kind != "Deployment") continue;
      const model::RenderedObject* service = service_for(environment, deployment);
      if (service == nullptr) continue;
      served = true;
      auto replicas = replicas_of(environment, deployment);
      if (!replicas || *replicas <= 0) continue;
      std::string pods = std::to_string(*replicas) + (*replicas == 1 ? " replica" : " replicas");
      const parse::Node* strategy = path_to(&deployment.node, {"spec", "strategy"});
      const parse::Node* type = path_to(strategy, {"type"});
      if (type != nullptr && type->value == "Recreate") {
        reporter.add(environment, deployment.where(*type),
                     deployment.label() +
                         " uses the Recreate strategy: every pod stops before "
                         "a new one starts, so each rollout is an outage for " +
                         service->label());
        continue;
      }
      const parse::Node* node = path_to(strategy, {"rollingUpdate", "maxUnavailable"});
      const parse::Node* surge_node = path_to(strategy, {"rollingUpdate", "maxSurge"});
      auto unavailable = pods_of(node, *replicas, false);
      auto surge = pods_of(surge_node, *replicas, true);
      if (!unavailable || !surge) continue;
      // With nothing to surge and nothing to take down, the controller takes one pod down.
      if (*surge == 0 && *unavailable == 0 && *replicas == 1) {
        reporter.add(environment,
                     surge_node != nullptr ? deployment.where(*surge_node) : deployment.where(),
                     deployment.label() + " allows no surge pod with " + pods +
                         ", so Kubernetes stops the old pod before starting a new one and " +
                         service->label() + " has nothing to serve it meanwhile");
        continue;
      }
      if (*unavailable < *replicas) continue;
      std::string written = node != nullptr ? node->value : "25%";
      if (written != std::to_string(*unavailable)) {
        written += " (" + std::to_string(*unavailable) + " pods)";
      }
      reporter.add(environment, node != nullptr ? deployment.where(*node) : deployment.where(),
                   deployment.label() + " allows maxUnavailable " + written + " with " + pods +
                       ": a rollout may stop every pod serving " + service->label() +
                       " before a new one is ready");
    }
  }
  if (!served) context.not_applicable("no Service selects the pods of a Deployment");
}

}  // namespace

extern const Rule kDowntimeStrategy;
const Rule kDowntimeStrategy{
    {.id = "k8s/downtime-strategy",
     .section = "k8s",
     .title = "Deployments roll out without downtime",
     .severity = Severity::kWarning,
     .seeds = "004 T050",
     .rationale =
         "A Deployment that a Service sends traffic to must keep a ready pod through every "
         "rollout. The Recreate strategy stops all old pods before starting new ones, so each "
         "deploy is an outage. A RollingUpdate takes down up to maxUnavailable pods at once: "
         "when that reaches the replica count (maxUnavailable: 1 with 1 replica, or 100%), "
         "nothing is left serving while the new pods start. Kubernetes' defaults are safe: "
         "maxUnavailable 25% rounds down (0 pods for 1 to 3 replicas) and maxSurge 25% rounds "
         "up (1 pod), so an unset strategy with 1 replica surges a new pod first and is not "
         "reported here (that a single replica is one node failure from an outage is "
         "k8s/single-replica-production's concern). maxSurge 0 with 1 replica is reported: "
         "when both resolve to 0 pods the controller takes one pod down anyway. The "
         "replica count is the minReplicas of a HorizontalPodAutoscaler that scales the "
         "Deployment, else spec.replicas (1 when unset). Deployments that no Service selects "
         "(workers) are skipped, as in kube-score's deployment-strategy. A warning in every "
         "environment, since one severity fits all.",
     .remediation =
         "Use a rolling update that surges before it removes: 'strategy: {type: RollingUpdate, "
         "rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}', with a readinessProbe so a new "
         "pod only replaces an old one once it serves. Keep Recreate only where two versions "
         "must never run together, and schedule those deploys in a maintenance window.",
     .also = "kube-score deployment-strategy, kube-linter no-rolling-update-strategy"},
    check};

}  // namespace golive::rules::k8s
