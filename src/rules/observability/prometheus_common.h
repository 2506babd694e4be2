#pragma once
// What the Prometheus rules of the observability section share: when they apply, the alerting
// rules, and the recognisers of the four golden signals (data, not if-chains).
#include <string_view>
#include <vector>

#include "model/prometheus.h"
#include "rules/rule.h"

namespace golive::rules::observability {

// True when the repository deploys a service; otherwise marks the rule not applicable.
bool require_service(RuleContext& context);

// The alerting rules, in file order; marks the rule not applicable when there are none.
std::vector<const model::PromRule*> require_alerts(RuleContext& context);

// Annotation keys that link an alert to its runbook.
const std::vector<std::string_view>& runbook_annotation_keys();

struct GoldenSignal {
  std::string_view name;  // "error rate"
  std::string_view example;
  std::vector<std::string_view> metric_words;    // substrings of a metric name
  std::vector<std::string_view> functions;       // PromQL functions that imply the signal
  std::vector<std::string_view> status_labels;   // labels whose 5xx values mean errors
  std::vector<std::string_view> matcher_values;  // substrings of any matcher value
};

const std::vector<GoldenSignal>& golden_signals();

// True when the alert's expression, or a recording rule it reads, shows the signal.
bool covers_signal(const model::PromRule& alert, const GoldenSignal& signal,
                   const model::PrometheusFacts& facts);

}  // namespace golive::rules::observability
