#pragma once
// Internal to the application-facts reader; nothing outside src/model/app_*.cpp includes this.
// learn_app_facts (app_facts.cpp) decides which extractors read a file; the extractors live in
//   app_libraries.cpp   the library table: libraries, calls and routes in code, and dependencies
//                       in manifests
//   app_cors.cpp        CORS configuration in code, and infrastructure config (nginx, ingress,
//                       traefik, CORS settings in env files and values)
//   app_load_tests.cpp  load-test scripts
#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "model/app_facts.h"
#include "model/file_text.h"

namespace golive::model {

struct SourceFile;

namespace app {

// ---- small helpers ---------------------------------------------------------------------------

inline int line_at(std::string_view text, const char* at) {
  return core::line_of_offset(text, static_cast<size_t>(at - text.data()));
}

inline std::string_view sv(const re2::StringPiece& piece) { return {piece.data(), piece.size()}; }

// ---- application ecosystems ------------------------------------------------------------------

enum class Eco : std::uint8_t { kNode, kPython, kGo, kJava, kAny };
inline constexpr std::array<std::string_view, 4> kEcoNames = {"node", "python", "go", "java"};

// Appends one piece of evidence to facts (app_libraries.cpp).
void add_evidence(AppFacts& facts, AppCapability capability, std::string_view ecosystem,
                  std::string_view path, int line, std::string library, bool dependency);

// ---- extractors ------------------------------------------------------------------------------

// Libraries, calls and routes in code (app_libraries.cpp).
void scan_code(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts);
// Dependencies in manifests (app_libraries.cpp).
void scan_manifest(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts);

// CORS configuration in code (app_cors.cpp).
void scan_cors(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts);
// Infrastructure config: nginx, ingress-nginx and traefik (app_cors.cpp).
void scan_infra(const SourceFile& file, std::string_view content, AppFacts& facts);
// ingress-nginx CORS annotations, one YAML document at a time (app_cors.cpp).
void scan_ingress_cors(const SourceFile& file, std::string_view content, AppFacts& facts);
// CORS_ORIGIN=* and friends in env files, compose files, Kubernetes env and Helm values
// (app_cors.cpp).
void scan_cors_config(const SourceFile& file, const FileText& text, AppFacts& facts);

// A load-test script; true when the file is one (app_load_tests.cpp).
bool scan_load_test(const SourceFile& file, std::string_view content, AppFacts& facts);

}  // namespace app
}  // namespace golive::model
