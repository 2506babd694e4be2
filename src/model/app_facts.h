#pragma once
// What the application code says about how it runs in production: the instrumentation,
// runtime-security and health libraries it uses, its CORS settings, and the load tests that
// exercise it. Read once per file during the walk (learn_app_facts); the library knowledge
// lives in data tables, one small extractor per kind of evidence (app_libraries.cpp,
// app_cors.cpp, app_load_tests.cpp; declared in the internal header app_extractors.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/file_text.h"

namespace golive::model {

struct RepoModel;
struct SourceFile;

// What a piece of evidence shows the service does.
enum class AppCapability : std::uint8_t {
  kMetrics,
  kTracing,
  kStructuredLogging,
  kCorrelationId,
  kErrorTracking,
  kSecurityHeaders,
  kRateLimiting,
  kHealthRoute,
};

std::string_view capability_name(AppCapability capability);

// The application ecosystems golive reads code of: node, python, go, java ("" for none).
// Node covers js/ts/mjs/cjs/jsx/tsx, java covers Java and Kotlin.
std::string_view app_ecosystem_of_path(std::string_view path);
// The same for a dependency manifest's ecosystem (npm -> node, maven/gradle -> java).
std::string_view app_ecosystem_of_manifest(std::string_view manifest_ecosystem);

// One place that shows a capability: a dependency, an import, a call, a route, a config line.
struct AppEvidence {
  AppCapability capability = AppCapability::kMetrics;
  std::string ecosystem;  // node, python, go, java; nginx, kubernetes for infrastructure config
  std::string path;
  int line = 0;
  std::string library;  // what was recognised: "prom-client", "nginx limit_req", "route /healthz"
  bool dependency = false;  // declared in a manifest rather than seen in code or config
};

// A CORS configuration site: a middleware call, an annotation, a settings block, an env value.
struct CorsSetting {
  std::string ecosystem;  // node, python, go, java, kubernetes, config
  std::string path;
  int line = 0;
  std::string source;  // "cors()", "CORSMiddleware", "ingress-nginx annotations", "CORS_ORIGIN"
  bool wildcard_origin = false;     // any origin is allowed ("*", origin: true, allow-all)
  bool allows_credentials = false;  // cookies and Authorization are sent cross-origin
  bool production = false;          // the file's path or name says prod, production or live
  bool config_value = false;        // an environment or values setting, not code
};

// A load-test script: k6, Locust, Artillery, Gatling or JMeter.
struct LoadTestScript {
  std::string tool;
  std::string path;
  int line = 0;                 // where the script shows what it is (import, config:, class)
  int thresholds_line = 0;      // where pass/fail thresholds are declared; 0 when none
  std::string thresholds_hint;  // what a threshold looks like for this tool, for messages
};

// Application source files per ecosystem (tests, examples, vendored code and load tests left out).
struct AppSourceSummary {
  std::string ecosystem;
  size_t files = 0;
  std::string first_path;
};

struct AppFacts {
  std::vector<AppSourceSummary> sources;
  std::vector<AppEvidence> evidence;
  std::vector<CorsSetting> cors;
  std::vector<LoadTestScript> load_tests;

  void merge(AppFacts& part);
  [[nodiscard]] bool has_sources() const { return !sources.empty(); }
  // The first evidence of a capability in path order, or nullptr.
  [[nodiscard]] const AppEvidence* first(AppCapability capability) const;
  // "node, python": the ecosystems that have application source.
  [[nodiscard]] std::string source_ecosystems() const;
};

// Build-time hook, called once per text file with its content.
void learn_app_facts(const SourceFile& file, const FileText& text, RepoModel& model);

// Code files larger than this, or minified, are not scanned for libraries.
inline constexpr size_t kMaxScannedSourceBytes = size_t{300} * 1024;

}  // namespace golive::model
