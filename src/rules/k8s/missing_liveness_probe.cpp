#include <algorithm>
#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

const parse::Node* probe_of(const model::ContainerView& container, std::string_view key) {
  const parse::Node* probe = path_to(container.node, {key});
  return probe != nullptr && probe->is_map() ? probe : nullptr;
}

// What a probe checks, ignoring its timing: "httpGet /healthz on port 8080"; "" when it has
// no handler golive knows.
std::string handler_of(const parse::Node& probe) {
  if (const parse::Node* http = probe.find("httpGet"); http != nullptr && http->is_map()) {
    return "httpGet " + http->get("path", "/") + " on port " + http->get("port");
  }
  if (const parse::Node* tcp = probe.find("tcpSocket"); tcp != nullptr && tcp->is_map()) {
    return "tcpSocket on port " + tcp->get("port");
  }
  if (const parse::Node* grpc = probe.find("grpc"); grpc != nullptr && grpc->is_map()) {
    std::string service = grpc->get("service");
    return "grpc on port " + grpc->get("port") + (service.empty() ? "" : " for " + service);
  }
  const parse::Node* command = path_to(&probe, {"exec", "command"});
  if (command != nullptr && command->is_seq()) {
    std::string out = "exec";
    for (const auto& word : command->children) out += " " + word.value;
    return out;
  }
  return "";
}

void check(RuleContext& context) {
  bool long_running = false;
  EnvironmentReporter reporter(context);
  for_each_workload(context.model(), [&](const WorkloadSite& site) {
    if (runs_to_completion(site.object, site.pod_spec)) return;
    auto containers = regular_containers(site.pod_spec);
    if (containers.empty()) return;
    long_running = true;
    bool any = std::any_of(containers.begin(), containers.end(), [](const auto& container) {
      return probe_of(container, "livenessProbe") != nullptr;
    });
    if (!any) {
      std::string message = containers.size() == 1
                                ? describe(site.object, containers[0]) + " has no livenessProbe"
                                : "no container of " + site.object.label() + " (" +
                                      quoted_names(containers) + ") has a livenessProbe";
      bool startup = std::any_of(containers.begin(), containers.end(), [](const auto& container) {
        return probe_of(container, "startupProbe") != nullptr;
      });
      if (startup) message += "; a startupProbe only runs until the container has started";
      reporter.add(site.environment, site.object.where(*containers[0].node), message);
    }
    for (const auto& container : containers) {
      const parse::Node* liveness = probe_of(container, "livenessProbe");
      const parse::Node* readiness = probe_of(container, "readinessProbe");
      if (liveness == nullptr || readiness == nullptr) continue;
      std::string handler = handler_of(*liveness);
      if (handler.empty() || handler != handler_of(*readiness)) continue;
      reporter.add(site.environment, key_where(site.object, *liveness),
                   describe(site.object, container) +
                       " uses the same check for its livenessProbe and readinessProbe (" + handler +
                       "), so a failure that should only take it out of rotation "
                       "restarts it");
    }
  });
  if (!long_running) {
    context.not_applicable("no long-running Kubernetes workload (Jobs and CronJobs need none)");
  }
}

}  // namespace

extern const Rule kMissingLivenessProbe;
const Rule kMissingLivenessProbe{
    {.id = "k8s/missing-liveness-probe",
     .section = "k8s",
     .title = "Long-running pods have a distinct liveness probe",
     .severity = Severity::kWarning,
     .seeds = "004 T050",
     .rationale =
         "A process that deadlocks or stops making progress without exiting keeps its pod "
         "Running forever; only a liveness probe makes the kubelet restart it. A startupProbe "
         "does not replace it: it only holds the other probes off until the container has "
         "started. Jobs, CronJobs and run-to-completion Pods are skipped, and unlike kube-score "
         "golive also asks it of workers that no Service selects, since they hang as well. One "
         "probe per pod suffices. The same rule reports kube-score's pod-probes-identical: a "
         "liveness probe that checks exactly what the readiness probe checks (same httpGet "
         "path and port, tcpSocket port, grpc port or exec command; timings aside) restarts "
         "every pod when a shared dependency such as the database blips, turning a partial "
         "degradation into a crash loop.",
     .remediation =
         "Add a livenessProbe that fails only when the process itself is broken and a restart "
         "would help, never on a dependency: 'livenessProbe: {httpGet: {path: /livez, port: "
         "http}, periodSeconds: 10, failureThreshold: 6}', with a startupProbe for slow "
         "starts. Give the readinessProbe its own endpoint (/ready) that may check dependencies.",
     .also = "kube-score pod-probes and pod-probes-identical, kube-linter no-liveness-probe, "
             "Polaris livenessProbeMissing, Checkov CKV_K8S_8"},
    check};

}  // namespace golive::rules::k8s
