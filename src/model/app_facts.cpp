#include "model/app_facts.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/paths.h"
#include "core/strings.h"
#include "model/app_extractors.h"
#include "model/model.h"

// The extractors and the helpers they share are declared in app_extractors.h and defined in
// app_libraries.cpp, app_cors.cpp and app_load_tests.cpp; this file decides which of them read
// a file.
namespace golive::model {
namespace {

using app::Eco;
using app::kEcoNames;
using app::scan_code;
using app::scan_cors;
using app::scan_cors_config;
using app::scan_infra;
using app::scan_ingress_cors;
using app::scan_load_test;
using app::scan_manifest;
using core::base_name;
using core::ends_with;
using core::starts_with;

// ---- which files are application source ----------------------------------------------------
// Eco and kEcoNames are in app_extractors.h.

std::optional<Eco> eco_of_name(std::string_view name) {
  for (size_t i = 0; i < kEcoNames.size(); ++i) {
    if (kEcoNames[i] == name) return static_cast<Eco>(i);
  }
  return std::nullopt;
}

struct ExtensionEco {
  std::string_view extension;
  std::string_view ecosystem;
};

constexpr std::array kSourceExtensions = {
    ExtensionEco{".js", "node"},  ExtensionEco{".ts", "node"},   ExtensionEco{".mjs", "node"},
    ExtensionEco{".cjs", "node"}, ExtensionEco{".jsx", "node"},  ExtensionEco{".tsx", "node"},
    ExtensionEco{".mts", "node"}, ExtensionEco{".cts", "node"},  ExtensionEco{".py", "python"},
    ExtensionEco{".go", "go"},    ExtensionEco{".java", "java"}, ExtensionEco{".kt", "java"},
};

// Examples, fixtures, vendored code, docs and CI or developer tooling (hack/ scripts, .github/)
// say nothing about the service. Helm templates (ingress annotations) and generated routers do.
bool is_others_or_illustrative(walk::PathRole role) {
  return role == walk::PathRole::kExample || role == walk::PathRole::kFixture ||
         role == walk::PathRole::kVendor || role == walk::PathRole::kDocs ||
         role == walk::PathRole::kTooling;
}

// Declaration files (.d.ts) describe code; they hold none of their own.
bool is_declaration_file(std::string_view path) { return ends_with(core::to_lower(path), ".d.ts"); }

// Bundled or minified code: one enormous line. Not the code anyone wrote.
bool looks_minified(std::string_view path, std::string_view content) {
  if (path.find(".min.") != std::string_view::npos) return true;
  std::string_view head = content.substr(0, size_t{64} * 1024);
  if (head.size() < 4096) return false;
  return std::count(head.begin(), head.end(), '\n') < static_cast<long>(head.size() / 2000);
}

// ---- which extractors read a file ------------------------------------------------------------

bool is_nginx_config(const SourceFile& file, std::string_view content) {
  std::string lower = core::to_lower(file.path);
  std::string_view name = base_name(lower);
  bool conf = ends_with(name, ".conf") || ends_with(name, ".conf.template") ||
              ends_with(name, ".conf.tmpl");
  if (!conf) return false;
  return lower.find("nginx") != std::string::npos ||
         content.find("server {") != std::string::npos ||
         content.find("location ") != std::string::npos;
}

bool is_java_logging_config(std::string_view name) {
  return (starts_with(name, "logback") || starts_with(name, "log4j2")) && ends_with(name, ".xml");
}

bool yaml_like(const SourceFile& file) {
  return walk::is_yaml_kind(file.kind) || file.kind == walk::FileKind::kHelmTemplate;
}

void add_source(AppFacts& facts, std::string_view ecosystem, std::string_view path) {
  for (auto& source : facts.sources) {
    if (source.ecosystem == ecosystem) {
      ++source.files;
      return;
    }
  }
  facts.sources.push_back({std::string(ecosystem), 1, std::string(path)});
}

}  // namespace

std::string_view capability_name(AppCapability capability) {
  switch (capability) {
    case AppCapability::kMetrics:
      return "metrics";
    case AppCapability::kTracing:
      return "tracing";
    case AppCapability::kStructuredLogging:
      return "structured-logging";
    case AppCapability::kCorrelationId:
      return "correlation-id";
    case AppCapability::kErrorTracking:
      return "error-tracking";
    case AppCapability::kSecurityHeaders:
      return "security-headers";
    case AppCapability::kRateLimiting:
      return "rate-limiting";
    case AppCapability::kHealthRoute:
      return "health-route";
  }
  return "unknown";
}

std::string_view app_ecosystem_of_path(std::string_view path) {
  std::string_view name = base_name(path);
  for (const auto& entry : kSourceExtensions) {
    if (ends_with(name, entry.extension)) return entry.ecosystem;
  }
  return "";
}

std::string_view app_ecosystem_of_manifest(std::string_view manifest_ecosystem) {
  if (manifest_ecosystem == "npm") return "node";
  if (manifest_ecosystem == "python") return "python";
  if (manifest_ecosystem == "go") return "go";
  if (manifest_ecosystem == "maven" || manifest_ecosystem == "gradle") return "java";
  return "";
}

void AppFacts::merge(AppFacts& part) {
  for (auto& source : part.sources) {
    auto it = std::find_if(sources.begin(), sources.end(), [&](const AppSourceSummary& mine) {
      return mine.ecosystem == source.ecosystem;
    });
    if (it == sources.end()) {
      sources.push_back(std::move(source));
    } else {
      it->files += source.files;
    }
  }
  auto append = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  };
  append(evidence, part.evidence);
  append(cors, part.cors);
  append(load_tests, part.load_tests);
}

const AppEvidence* AppFacts::first(AppCapability capability) const {
  for (const auto& item : evidence) {
    if (item.capability == capability) return &item;
  }
  return nullptr;
}

std::string AppFacts::source_ecosystems() const {
  std::vector<std::string> names;
  for (const auto& source : sources) names.push_back(source.ecosystem);
  std::sort(names.begin(), names.end());
  return core::join(names, ", ");
}

void learn_app_facts(const SourceFile& file, const FileText& text, RepoModel& model) {
  std::string_view content = text.content();
  if (file.binary) return;
  if (is_others_or_illustrative(file.role)) return;
  AppFacts& facts = model.app;
  std::string_view name = base_name(file.path);

  if (content.size() <= kMaxScannedSourceBytes && scan_load_test(file, content, facts)) return;

  if (file.kind == walk::FileKind::kPackageManifest) {
    auto eco = eco_of_name(app_ecosystem_of_manifest(file.ecosystem));
    if (eco && file.role != walk::PathRole::kTest) scan_manifest(*eco, file, content, facts);
    return;
  }
  if (file.kind == walk::FileKind::kEnvTemplate) return;
  if (file.kind == walk::FileKind::kEnvFile) {
    scan_cors_config(file, text, facts);
    return;
  }
  if (content.size() > kMaxScannedSourceBytes) return;
  if (yaml_like(file)) {
    scan_infra(file, content, facts);
    scan_ingress_cors(file, content, facts);
    scan_cors_config(file, text, facts);
    return;
  }
  if (is_nginx_config(file, content)) {
    scan_infra(file, content, facts);
    return;
  }
  if (is_java_logging_config(name)) {
    scan_code(Eco::kJava, file, content, facts);
    return;
  }
  auto eco = eco_of_name(app_ecosystem_of_path(file.path));
  if (!eco || file.role == walk::PathRole::kTest || is_declaration_file(file.path) ||
      looks_minified(file.path, content))
    return;
  add_source(facts, kEcoNames[static_cast<size_t>(*eco)], file.path);
  scan_code(*eco, file, content, facts);
  scan_cors(*eco, file, content, facts);
}

}  // namespace golive::model
