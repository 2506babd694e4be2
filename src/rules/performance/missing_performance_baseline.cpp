#include <re2/re2.h>

#include "core/strings.h"
#include "rules/observability/app_checks.h"
#include "rules/rule.h"

namespace golive::rules::performance {
namespace {

// Path words and headings of a performance baseline, load test results or SLO document.
const re2::RE2& path_regex() {
  static const re2::RE2 kRegex(
      R"((?i)(?:^|[/_.-])(?:perf(?:ormance)?[-_ ]?baselines?|baselines?|load[-_]?tests?[-_]results?|slos?|service[-_]level[-_]objectives?|capacity[-_]plan(?:ning)?)(?:[/_.-]|$))");
  return kRegex;
}

const re2::RE2& heading_regex() {
  static const re2::RE2 kRegex(
      R"((?im)^\s*#+[^\n]*\b(?:performance baselines?|baseline|load[- ]test results|slos?|service level objectives?)\b)");
  return kRegex;
}

void check(RuleContext& context) {
  if (!require_application(context)) return;
  for (const auto& doc : context.model().docs) {
    if (re2::RE2::PartialMatch(doc.path, path_regex())) return;
    if (re2::RE2::PartialMatch(doc.text, heading_regex())) return;
  }
  context.report(
      "no performance baseline document found (a doc about a performance baseline, load test "
      "results or SLOs)");
}

}  // namespace

extern const Rule kMissingPerformanceBaseline;
const Rule kMissingPerformanceBaseline{
    {.id = "performance/missing-performance-baseline",
     .section = "performance",
     .title = "A performance baseline with SLOs is documented",
     .severity = Severity::kWarning,
     .seeds = "000 T012, 001 T115, 003 P5-05",
     .rationale =
         "Without a recorded baseline (throughput, p95 and p99 latency, error rate at a known "
         "load) and the SLO it is judged against, nobody can tell whether a release made the "
         "service slower, or how much traffic it can take before it fails. golive looks for a "
         "document whose path mentions a performance baseline, load test results or SLOs, or "
         "with a heading about them.",
     .remediation =
         "Add docs/performance-baseline.md: the SLO (for example p95 < 500 ms and errors < 1% "
         "at 200 requests/s), the load test that measures it, and the results of the latest "
         "run with the date and the version tested.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::performance
