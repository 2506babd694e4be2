#include "rules/observability/prometheus_common.h"

#include <algorithm>
#include <set>

#include "core/strings.h"
#include "rules/common.h"

namespace golive::rules::observability {

bool require_service(RuleContext& context) {
  if (deploys_a_service(context.model())) return true;
  context.not_applicable(
      "the repository deploys no service (no Dockerfile, compose file, Kubernetes workload or "
      "Helm chart)");
  return false;
}

std::vector<const model::PromRule*> require_alerts(RuleContext& context) {
  std::vector<const model::PromRule*> alerts;
  for (const auto& rule : context.model().prometheus.rules) {
    if (rule.is_alert()) alerts.push_back(&rule);
  }
  if (alerts.empty()) {
    context.not_applicable(
        "the repository has no Prometheus alerting rule (rule files, PrometheusRule objects)");
  }
  return alerts;
}

const std::vector<std::string_view>& runbook_annotation_keys() {
  static const std::vector<std::string_view> kKeys = {"runbook_url", "runbook",  "runbook_link",
                                                      "runbookUrl",  "playbook", "playbook_url"};
  return kKeys;
}

const std::vector<GoldenSignal>& golden_signals() {
  static const std::vector<GoldenSignal> kSignals = {
      {"error rate",
       "rate(http_requests_total{code=~\"5..\"}[5m]) / rate(http_requests_total[5m]) > 0.05",
       {"error", "_failed", "failure", "5xx", "exception"},
       {},
       {"code", "status", "status_code", "http_status", "response_code", "status_class"},
       {}},
      {"latency",
       "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) "
       "> 0.5",
       {"_duration_", "duration_seconds", "latency", "response_time", "_seconds_bucket"},
       {"histogram_quantile"},
       {},
       {}},
      {"saturation",
       "container_memory_working_set_bytes / on(pod) kube_pod_container_resource_limits > 0.9",
       {"cpu", "memory", "disk", "filesystem", "queue", "pool", "connections", "saturation",
        "throttl", "heap", "utilization", "inflight", "in_flight"},
       {},
       {},
       {}},
      {"crash loops and restarts",
       "increase(kube_pod_container_status_restarts_total[15m]) > 3",
       {"restarts", "crashloop", "kube_pod_container_status_waiting", "oom_kill", "oomkill"},
       {},
       {},
       {"crashloopbackoff", "oomkilled"}},
  };
  return kSignals;
}

namespace {

bool shows(const parse::PromqlFacts& facts, const GoldenSignal& signal) {
  for (const auto& metric : facts.metrics) {
    std::string lower = core::to_lower(metric);
    for (std::string_view word : signal.metric_words) {
      if (lower.find(word) != std::string::npos) return true;
    }
  }
  for (const auto& function : facts.functions) {
    if (std::find(signal.functions.begin(), signal.functions.end(), function) !=
        signal.functions.end())
      return true;
  }
  for (const auto& matcher : facts.matchers) {
    if (matcher.op == "!=" || matcher.op == "!~") continue;
    std::string value = core::to_lower(matcher.value);
    bool status = std::find(signal.status_labels.begin(), signal.status_labels.end(),
                            matcher.label) != signal.status_labels.end();
    if (status && !value.empty() && value.front() == '5') return true;
    for (std::string_view word : signal.matcher_values) {
      if (value.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

bool covers_signal(const model::PromRule& alert, const GoldenSignal& signal,
                   const model::PrometheusFacts& facts) {
  // Follow recording rules: an alert on job:http_errors:ratio5m counts for what it records.
  std::vector<const parse::PromqlFacts*> pending = {&alert.facts};
  std::set<std::string> seen;
  while (!pending.empty()) {
    const parse::PromqlFacts* current = pending.back();
    pending.pop_back();
    if (shows(*current, signal)) return true;
    for (const auto& metric : current->metrics) {
      if (!seen.insert(metric).second) continue;
      for (const auto& rule : facts.rules) {
        if (rule.record == metric) pending.push_back(&rule.facts);
      }
    }
  }
  return false;
}

}  // namespace golive::rules::observability
