#include <algorithm>
#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

bool has_probe(const model::ContainerView& container) {
  const parse::Node* probe = path_to(container.node, {"readinessProbe"});
  return probe != nullptr && !probe->is_null();
}

void check(RuleContext& context) {
  bool long_running = false;
  bool served = false;
  EnvironmentReporter reporter(context);
  for_each_workload(context.model(), [&](const WorkloadSite& site) {
    if (runs_to_completion(site.object, site.pod_spec)) return;
    auto containers = regular_containers(site.pod_spec);
    if (containers.empty()) return;
    long_running = true;
    const model::RenderedObject* service = service_for(site.environment, site.object);
    if (service == nullptr) return;  // a worker: no traffic for a probe to gate
    served = true;
    if (std::any_of(containers.begin(), containers.end(), has_probe)) return;
    std::string message = containers.size() == 1
                              ? describe(site.object, containers[0]) + " has no readinessProbe"
                              : "no container of " + site.object.label() + " (" +
                                    quoted_names(containers) + ") has a readinessProbe";
    // A node agent behind a headless Service (clusterIP: None) is found per pod, by a scraper
    // or a client that knows the node it wants: nothing load-balances across its pods, so a
    // missing probe there is a warning.
    const parse::Node* cluster_ip = path_to(&service->node, {"spec", "clusterIP"});
    bool headless = cluster_ip != nullptr && cluster_ip->is_scalar() && cluster_ip->value == "None";
    if (site.object.kind == "DaemonSet" && headless) {
      reporter.add(site.environment, site.object.where(*containers[0].node),
                   message + "; " + service->label() +
                       " is headless, so only clients that look up its pods one by one see it",
                   "", Severity::kWarning);
      return;
    }
    reporter.add(site.environment, site.object.where(*containers[0].node),
                 message + ", yet " + service->label() + " sends it traffic");
  });
  if (!long_running) {
    context.not_applicable("no long-running Kubernetes workload (Jobs and CronJobs need none)");
  } else if (!served) {
    context.not_applicable(
        "no Service selects the pods of a long-running workload, so no traffic needs gating");
  }
}

}  // namespace

extern const Rule kMissingReadinessProbe;
const Rule kMissingReadinessProbe{
    {.id = "k8s/missing-readiness-probe",
     .section = "k8s",
     .title = "Served pods have a readiness probe",
     .severity = Severity::kError,
     .seeds = "004 T050",
     .rationale =
         "Without a readiness probe a container counts as ready the moment its process starts, "
         "so a Service sends requests to pods that are still booting, and a rolling update "
         "removes old pods as soon as new ones start, even when the new version never comes "
         "up: the rollout itself causes the outage that maxUnavailable: 0 was meant to "
         "prevent. As in kube-score, the probe matters only for pods that receive traffic: a "
         "workload that no Service selects (a queue worker) is skipped, as are Jobs, CronJobs "
         "and bare Pods that run to completion. A DaemonSet behind a headless Service (a node "
         "agent its scraper finds pod by pod) is a warning. One probe per pod suffices (a pod is "
         "ready "
         "when all its containers are, and a sidecar without a probe is ready once running); "
         "init containers are not probed.",
     .remediation =
         "Add a readinessProbe to the serving container that checks the app can take "
         "requests, without restarting anything: 'readinessProbe: {httpGet: {path: /ready, "
         "port: http}, periodSeconds: 5, failureThreshold: 3}'. Keep it cheap and let it fail "
         "while the app cannot serve (warming caches, draining on shutdown).",
     .also = "kube-score pod-probes, kube-linter no-readiness-probe, Polaris "
             "readinessProbeMissing, Checkov CKV_K8S_9"},
    check};

}  // namespace golive::rules::k8s
