#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

using Labels = std::map<std::string, std::string>;

bool subset(const Labels& wanted, const Labels& labels) {
  for (const auto& [key, value] : wanted) {
    auto it = labels.find(key);
    if (it == labels.end() || it->second != value) return false;
  }
  return true;
}

bool monitor_selects(const model::ScrapeMonitor& monitor, const Labels& labels) {
  return !monitor.selector_known || subset(monitor.match_labels, labels);
}

// A Service is scraped when a ServiceMonitor selects its labels or a PodMonitor selects the
// pods its selector names.
bool service_covered(const model::MetricsTarget& service, const model::PrometheusFacts& facts) {
  for (const auto& monitor : facts.monitors) {
    const Labels& labels = monitor.selects_pods ? service.selector : service.labels;
    if (monitor_selects(monitor, labels)) return true;
  }
  return false;
}

bool workload_covered(const model::MetricsTarget& workload, const model::PrometheusFacts& facts) {
  for (const auto& monitor : facts.monitors) {
    if (monitor.selects_pods && monitor_selects(monitor, workload.labels)) return true;
  }
  for (const auto& service : facts.targets) {
    if (service.kind != "Service" || service.selector.empty()) continue;
    if (subset(service.selector, workload.labels) && service_covered(service, facts)) return true;
  }
  return false;
}

bool scrape_config_covers(const model::MetricsTarget& target, const model::PrometheusFacts& facts) {
  for (const auto& config : facts.configs) {
    if (config.kubernetes_discovery) return true;
    for (const auto& entry : config.static_targets) {
      std::string_view host = entry.target;
      host = host.substr(0, host.find_first_of(":/"));
      if (host == target.name || host.rfind(target.name + ".", 0) == 0) return true;
    }
  }
  return false;
}

// A workload whose pods a metrics-exposing Service selects is reported through the Service.
bool reported_through_service(const model::MetricsTarget& workload,
                              const model::PrometheusFacts& facts) {
  for (const auto& service : facts.targets) {
    if (service.kind == "Service" && service.exposes_metrics && !service.selector.empty() &&
        subset(service.selector, workload.labels))
      return true;
  }
  return false;
}

void check(RuleContext& context) {
  if (!require_service(context)) return;
  const auto& facts = context.model().prometheus;
  bool any = false;
  for (const auto& target : facts.targets) {
    if (!target.exposes_metrics) continue;
    any = true;
    bool service = target.kind == "Service";
    if (!service && reported_through_service(target, facts)) continue;
    if (scrape_config_covers(target, facts)) continue;
    if (service ? service_covered(target, facts) : workload_covered(target, facts)) continue;
    context.report(target.kind + " '" + target.name + "' exposes metrics (" + target.evidence +
                       ") but no ServiceMonitor, PodMonitor or Prometheus scrape config "
                       "targets it",
                   target.path, target.line);
  }
  if (!any) {
    context.not_applicable(
        "no Kubernetes Service or workload exposes a metrics port or a prometheus.io/scrape "
        "annotation");
  }
}

}  // namespace

extern const Rule kMissingServiceMonitor;
const Rule kMissingServiceMonitor{
    {.id = "observability/missing-service-monitor",
     .section = "observability",
     .title = "Services that expose metrics are scraped",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 003 P3-01, 004 T030",
     .rationale =
         "A metrics endpoint nobody scrapes feeds no alert and no dashboard; the gap shows only "
         "when an alert that should have fired stays silent. golive finds Kubernetes Services "
         "and workloads with a port named metrics, http-metrics or https-metrics or the "
         "annotation prometheus.io/scrape: \"true\", and looks for what scrapes them: a "
         "ServiceMonitor (or VMServiceScrape) whose matchLabels select the Service, a PodMonitor "
         "(or VMPodScrape) that selects the pods, or a prometheus.yml with a static target named "
         "after the Service or a kubernetes_sd_configs job (golive does not evaluate relabeling, "
         "so any Kubernetes discovery counts). Namespaces and namespaceSelector are not "
         "compared, and selectors with matchExpressions count as matching.",
     .remediation =
         "Add a ServiceMonitor beside the Service: 'apiVersion: monitoring.coreos.com/v1, kind: "
         "ServiceMonitor, spec: {selector: {matchLabels: {app: api}}, endpoints: [{port: "
         "metrics}]}'.",
     .also = "kube-prometheus",
     .service_practice = true},
    check};

}  // namespace golive::rules::observability
