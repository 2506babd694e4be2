#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  if (!require_service(context)) return;
  auto alerts = require_alerts(context);
  if (alerts.empty()) return;
  const auto& facts = context.model().prometheus;
  for (const auto& signal : golden_signals()) {
    bool covered = false;
    for (const auto* alert : alerts) {
      if (covers_signal(*alert, signal, facts)) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    context.report("no alert covers " + std::string(signal.name) + " (for example '" +
                   std::string(signal.example) + "')");
  }
}

}  // namespace

extern const Rule kMissingGoldenSignalAlerts;
const Rule kMissingGoldenSignalAlerts{
    {.id = "observability/missing-golden-signal-alerts",
     .section = "observability",
     .title = "Alerts cover error rate, latency, saturation and restarts",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 000 T051, 003 P3-01, 004 T030",
     .rationale =
         "The golden signals are what users feel: failed requests, slow requests, a resource "
         "about to run out, and pods that keep crashing. An alert set that misses one of them "
         "misses a whole class of outages. golive reads the metric names, functions and label "
         "matchers of each alert's expression (and of the recording rules it reads): error rate "
         "from 5xx status matchers and names with error, _failed or exception; latency from "
         "histogram_quantile and names with _duration_ or latency; saturation from cpu, memory, "
         "disk, filesystem, queue, pool and connection metrics; restarts from "
         "kube_pod_container_status_restarts_total and CrashLoopBackOff or OOMKilled reasons.",
     .remediation =
         "Add one alert per missing signal, for example 'increase(kube_pod_container_status_"
         "restarts_total[15m]) > 3' for restarts, each with for, severity and runbook_url.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
