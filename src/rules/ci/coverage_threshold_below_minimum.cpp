#include <cstdio>

#include "model/coverage.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

std::string percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g%%", value);
  return buffer;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& thresholds = model.coverage.thresholds;
  if (thresholds.empty()) return context.not_applicable("no coverage threshold is configured");
  const long minimum = context.option_int("minimum");
  for (const auto& threshold : thresholds) {
    if (threshold.value >= minimum) continue;
    context.report(threshold.tool + " enforces " + threshold.metric + " coverage of " +
                       percent(threshold.value) + ", below the " +
                       percent(static_cast<double>(minimum)) + " minimum",
                   threshold.path, threshold.line);
  }
}

}  // namespace

extern const Rule kCoverageThresholdBelowMinimum;
const Rule kCoverageThresholdBelowMinimum{
    {.id = "ci/coverage-threshold-below-minimum",
     .section = "ci",
     .title = "The coverage threshold meets the minimum",
     .severity = Severity::kWarning,
     .seeds = "002 §6",
     .rationale =
         "A threshold set well below what the team agreed (80% by default) passes while large "
         "parts of the code are never exercised; it often records the coverage of the day it "
         "was added and was never raised.",
     .remediation =
         "Raise the threshold to at least the minimum (80 by default) and add tests until it "
         "passes, or set the option 'ci/coverage-threshold-below-minimum.minimum' under "
         "'options:' in .golive.yml, with a comment giving the reason, if the project agreed "
         "on a different bar.",
     .also = "",
     .options = {{.name = "minimum",
                  .type = OptionType::kInteger,
                  .default_value = "80",
                  .doc = "The lowest coverage percentage a threshold may enforce. "
                         "'thresholds.coverage_min' in .golive.yml sets it too.",
                  .min = 0,
                  .max = 100}}},
    check};

}  // namespace golive::rules::ci
