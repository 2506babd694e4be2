// Application facts, part 3: load-test scripts (k6, Locust, Artillery, Gatling, JMeter). See
// app_extractors.h.
#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "core/paths.h"
#include "core/strings.h"
#include "model/app_extractors.h"
#include "model/model.h"

namespace golive::model::app {
namespace {

using core::base_name;
using core::ends_with;

// ---- extractor: load tests -------------------------------------------------------------------

struct LoadTestPattern {
  std::string_view tool;
  std::string_view needle;      // plain text every such script contains (a cheap filter)
  std::string_view extensions;  // space-separated file name endings
  std::string_view marker;      // RE2: what the script is
  std::string_view second;      // RE2 that must also match ("" for none)
  std::string_view thresholds;  // RE2: where it declares pass/fail thresholds
  std::string_view hint;
};

const std::array kLoadTestPatterns = {
    LoadTestPattern{"k6", "k6", ".js .mjs .ts",
                    R"(\bfrom\s+['"]k6(?:/[\w/-]+)?['"]|require\(\s*['"]k6)", "",
                    R"(\bthresholds\s*:)",
                    "export const options = { thresholds: { http_req_duration: ['p(95)<500'] } }"},
    LoadTestPattern{
        "locust", "locust", ".py", R"((?m)^\s*(?:from\s+locust\s+import|import\s+locust\b))", "",
        R"(\bprocess_exit_code\s*=|check[-_](?:fail[-_]ratio|avg[-_]response[-_]time|rps)\b)",
        "a quitting listener that sets environment.process_exit_code = 1 when "
        "stats.total.fail_ratio or get_response_time_percentile(0.95) is too high"},
    LoadTestPattern{"artillery", "scenarios", ".yml .yaml", R"((?m)^config\s*:)",
                    R"((?m)^scenarios\s*:)", R"((?m)^\s+ensure\s*:)",
                    "config: { ensure: { p95: 500, maxErrorRate: 1 } }"},
    LoadTestPattern{"gatling", "Simulation", ".scala .java .kt",
                    R"(\bextends\s+Simulation\b|:\s*Simulation\s*\(\s*\))", "",
                    R"(\.assertions\s*\()",
                    "setUp(...).assertions(global().responseTime().percentile(95).lt(500))"},
    LoadTestPattern{"jmeter", "jmeterTestPlan", ".jmx", R"(<jmeterTestPlan\b)", "",
                    R"(<DurationAssertion\b)", "a Duration Assertion on the samplers"},
};

bool has_extension(std::string_view name, std::string_view extensions) {
  for (const auto& extension : core::split(extensions, ' ')) {
    if (ends_with(name, extension)) return true;
  }
  return false;
}

struct LoadTestRegexes {
  std::unique_ptr<re2::RE2> marker;
  std::unique_ptr<re2::RE2> second;
  std::unique_ptr<re2::RE2> thresholds;
};

const std::array<LoadTestRegexes, kLoadTestPatterns.size()>& load_test_regexes() {
  static const auto kRegexes = [] {
    std::array<LoadTestRegexes, kLoadTestPatterns.size()> built;
    for (size_t i = 0; i < kLoadTestPatterns.size(); ++i) {
      const auto& pattern = kLoadTestPatterns[i];
      built[i].marker = std::make_unique<re2::RE2>(pattern.marker);
      if (!pattern.second.empty()) built[i].second = std::make_unique<re2::RE2>(pattern.second);
      built[i].thresholds = std::make_unique<re2::RE2>(pattern.thresholds);
    }
    return built;
  }();
  return kRegexes;
}

}  // namespace

bool scan_load_test(const SourceFile& file, std::string_view content, AppFacts& facts) {
  std::string_view name = base_name(file.path);
  for (size_t i = 0; i < kLoadTestPatterns.size(); ++i) {
    const LoadTestPattern& pattern = kLoadTestPatterns[i];
    if (!has_extension(name, pattern.extensions)) continue;
    if (content.find(pattern.needle) == std::string_view::npos) continue;
    const LoadTestRegexes& regexes = load_test_regexes()[i];
    re2::StringPiece at;
    if (!regexes.marker->Match(content, 0, content.size(), re2::RE2::UNANCHORED, &at, 1)) continue;
    if (regexes.second && !re2::RE2::PartialMatch(content, *regexes.second)) continue;
    LoadTestScript script{std::string(pattern.tool), file.path, line_at(content, at.data()), 0,
                          std::string(pattern.hint)};
    re2::StringPiece threshold;
    if (regexes.thresholds->Match(content, 0, content.size(), re2::RE2::UNANCHORED, &threshold, 1))
      script.thresholds_line = line_at(content, threshold.data());
    facts.load_tests.push_back(std::move(script));
    return true;
  }
  return false;
}

}  // namespace golive::model::app
