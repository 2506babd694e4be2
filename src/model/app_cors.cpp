// Application facts, part 2: CORS configuration in code, and infrastructure config (nginx,
// ingress-nginx, traefik, CORS settings in env files and values). See app_extractors.h.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "core/strings.h"
#include "model/app_extractors.h"
#include "model/k8s.h"
#include "model/model.h"

namespace golive::model::app {
namespace {

using C = AppCapability;

// ---- extractor: CORS configuration in code ---------------------------------------------------

enum class Window : std::uint8_t {
  kCallArgs,   // the arguments of the call the match opens
  kStatement,  // up to the next ';' (builder chains)
  kLines,      // the next lines (setter-style configuration objects)
  kFile,       // the whole file (settings modules)
};

enum class DefaultOrigin : std::uint8_t {
  kNone,             // no origin is allowed unless configured
  kWhenUnset,        // empty arguments, or an inline options object that names no origin
  kWhenNoOriginArg,  // any arguments that name no origin (flask-cors CORS(app), @CrossOrigin)
  kAlways,           // the call itself allows every origin
};

struct CorsPattern {
  Eco eco;
  std::string_view regex;
  std::string_view source;
  Window window;
  DefaultOrigin default_origin;
};

const std::array kCorsPatterns = {
    CorsPattern{Eco::kNode, R"(\bcors\s*\()", "cors()", Window::kCallArgs,
                DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kNode, R"(\bregister\s*\(\s*(?:cors|fastifyCors)\s*,)", "@fastify/cors",
                Window::kCallArgs, DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kNode, R"(\benableCors\s*\()", "nest enableCors()", Window::kCallArgs,
                DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kPython, R"(\badd_middleware\s*\(\s*CORSMiddleware\b)", "CORSMiddleware",
                Window::kCallArgs, DefaultOrigin::kNone},
    CorsPattern{Eco::kPython, R"(\bMiddleware\s*\(\s*CORSMiddleware\b)", "CORSMiddleware",
                Window::kCallArgs, DefaultOrigin::kNone},
    CorsPattern{Eco::kPython, R"(\bCORS\s*\()", "flask-cors CORS()", Window::kCallArgs,
                DefaultOrigin::kWhenNoOriginArg},
    CorsPattern{
        Eco::kPython,
        R"((?m)^\s*CORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL|ALLOWED_ORIGINS|ORIGIN_WHITELIST|ALLOW_CREDENTIALS)\s*=)",
        "django-cors-headers settings", Window::kFile, DefaultOrigin::kNone},
    CorsPattern{Eco::kGo, R"(\bcors\.New\s*\()", "cors.New()", Window::kCallArgs,
                DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kGo, R"(\bcors\.(?:AllowAll|Default)\s*\(\s*\))", "cors allow-all",
                Window::kFile, DefaultOrigin::kAlways},
    CorsPattern{Eco::kGo, R"(\bhandlers\.CORS\s*\()", "gorilla handlers.CORS()", Window::kCallArgs,
                DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kGo, R"(\bmiddleware\.CORSWithConfig\s*\()", "echo CORSWithConfig",
                Window::kCallArgs, DefaultOrigin::kWhenUnset},
    CorsPattern{Eco::kGo, R"(\bmiddleware\.CORS\s*\(\s*\))", "echo CORS()", Window::kFile,
                DefaultOrigin::kAlways},
    CorsPattern{Eco::kJava, R"(@CrossOrigin\b)", "@CrossOrigin", Window::kCallArgs,
                DefaultOrigin::kWhenNoOriginArg},
    CorsPattern{Eco::kJava, R"(\bnew\s+CorsConfiguration\s*\()", "CorsConfiguration",
                Window::kLines, DefaultOrigin::kNone},
    CorsPattern{Eco::kJava, R"(\.addMapping\s*\()", "CorsRegistry mapping", Window::kStatement,
                DefaultOrigin::kNone},
    CorsPattern{Eco::kAny, R"((?i)['"]Access-Control-Allow-Origin['"]\s*[,:=]\s*['"]\*['"])",
                "Access-Control-Allow-Origin header", Window::kFile, DefaultOrigin::kAlways},
};

// An origin list or value that is "*", or a setting that allows every origin.
const re2::RE2& wildcard_origin_regex() {
  static const re2::RE2 kRegex(
      R"((?i)(?:\w*origins?\w*['"]?\s*(?:[:=]|\()\s*(?:\[\]string\s*\{|(?:List|Set)\.of\s*\(|Arrays\.asList\s*\(|listOf\s*\(|arrayOf\s*\(|\[|\{|\()?\s*['"]\*['"]|\borigin\s*:\s*true\b|\bAllowAllOrigins\s*:\s*true\b|\bCORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True\b|\ballow_origin_regex\s*=\s*r?['"]\.\*['"]|^\s*['"]\*['"]))");
  return kRegex;
}

const re2::RE2& credentials_regex() {
  static const re2::RE2 kRegex(
      R"((?i)credentials['"]?\s*(?:[:=,]\s*['"]?true\b|\(\s*(?:true)?\s*\)))");
  return kRegex;
}

const re2::RE2& mentions_origin_regex() {
  static const re2::RE2 kRegex(R"((?i)origin)");
  return kRegex;
}

// The text between the '(' at or after from and its matching ')'.
std::string_view call_arguments(std::string_view text, size_t from) {
  size_t open = from;
  while (open < text.size() && text[open] != '(') {
    if (!std::isspace(static_cast<unsigned char>(text[open]))) return {};
    ++open;
  }
  if (open >= text.size()) return {};
  int depth = 0;
  size_t limit = std::min(text.size(), open + 8192);
  for (size_t i = open; i < limit; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return text.substr(open + 1, i - open - 1);
  }
  return text.substr(open + 1, limit - open - 1);
}

std::string_view window_of(const CorsPattern& pattern, std::string_view content,
                           const re2::StringPiece& match) {
  auto start = static_cast<size_t>(match.data() - content.data());
  size_t end = start + match.size();
  switch (pattern.window) {
    case Window::kCallArgs: {
      // The '(' the pattern ends with or contains opens the call.
      size_t paren = std::string_view(match.data(), match.size()).find('(');
      return call_arguments(content, paren == std::string_view::npos ? end : start + paren);
    }
    case Window::kStatement: {
      size_t semicolon = content.find(';', end);
      size_t stop =
          std::min(semicolon == std::string_view::npos ? content.size() : semicolon, end + 2048);
      return content.substr(start, stop - start);
    }
    case Window::kLines: {
      size_t stop = end;
      for (int lines = 0; lines < 20 && stop < content.size(); ++lines) {
        size_t next = content.find('\n', stop + 1);
        stop = next == std::string_view::npos ? content.size() : next;
      }
      return content.substr(start, stop - start);
    }
    case Window::kFile:
      return content;
  }
  return {};
}

const std::array<std::unique_ptr<re2::RE2>, kCorsPatterns.size()>& cors_regexes() {
  static const auto kRegexes = [] {
    std::array<std::unique_ptr<re2::RE2>, kCorsPatterns.size()> built;
    for (size_t i = 0; i < kCorsPatterns.size(); ++i)
      built[i] = std::make_unique<re2::RE2>(kCorsPatterns[i].regex);
    return built;
  }();
  return kRegexes;
}

}  // namespace

void scan_cors(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts) {
  // Cheap filter: every CORS site names CORS or an Access-Control header. One lower-cased copy
  // and three plain searches cost less than three case-insensitive passes.
  thread_local std::string lowered;
  lowered.assign(content);
  for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  if (lowered.find("cors") == std::string::npos &&
      lowered.find("crossorigin") == std::string::npos &&
      lowered.find("access-control-allow") == std::string::npos)
    return;
  const auto& regexes = cors_regexes();
  for (size_t i = 0; i < kCorsPatterns.size(); ++i) {
    const CorsPattern& pattern = kCorsPatterns[i];
    if (pattern.eco != Eco::kAny && pattern.eco != eco) continue;
    re2::StringPiece input(content.data(), content.size());
    re2::StringPiece match;
    size_t sites = 0;
    while (sites < 50 &&
           regexes[i]->Match(input, 0, input.size(), re2::RE2::UNANCHORED, &match, 1)) {
      ++sites;
      std::string_view window = window_of(pattern, content, match);
      std::string_view trimmed = core::trim(window);
      bool wildcard = re2::RE2::PartialMatch(window, wildcard_origin_regex());
      bool names_origin = re2::RE2::PartialMatch(window, mentions_origin_regex());
      switch (pattern.default_origin) {
        case DefaultOrigin::kNone:
          break;
        case DefaultOrigin::kWhenUnset:
          wildcard = wildcard || trimmed.empty() ||
                     (trimmed.find('{') != std::string_view::npos && !names_origin);
          break;
        case DefaultOrigin::kWhenNoOriginArg:
          wildcard = wildcard || !names_origin;
          break;
        case DefaultOrigin::kAlways:
          wildcard = true;
          break;
      }
      CorsSetting setting;
      setting.ecosystem = kEcoNames[static_cast<size_t>(eco)];
      setting.path = file.path;
      setting.line = line_at(content, match.data());
      setting.source = pattern.source;
      setting.wildcard_origin = wildcard;
      setting.allows_credentials = re2::RE2::PartialMatch(window, credentials_regex());
      setting.production = is_production_name(file.path);
      facts.cors.push_back(std::move(setting));
      if (pattern.window == Window::kFile) break;
      auto next = static_cast<size_t>(match.data() + match.size() - input.data());
      if (next == 0) break;
      input.remove_prefix(next);
    }
  }
}

// ---- extractor: infrastructure config (nginx, ingress, traefik) ------------------------------

namespace {

struct InfraSignal {
  AppCapability capability;
  std::string_view ecosystem;
  std::string_view regex;  // group 1, when present, is appended to the name
  std::string_view name;
};

const std::array kInfraSignals = {
    InfraSignal{
        C::kSecurityHeaders, "nginx",
        R"((?im)^\s*(?:add_header|more_set_headers)\s+['"]?(Content-Security-Policy|Strict-Transport-Security|X-Frame-Options|X-Content-Type-Options|Referrer-Policy)\b)",
        "nginx add_header"},
    InfraSignal{C::kRateLimiting, "nginx", R"((?m)^\s*(limit_req_zone|limit_req)\b)", "nginx"},
    InfraSignal{
        C::kRateLimiting, "kubernetes",
        R"(nginx\.ingress\.kubernetes\.io/(limit-rps|limit-rpm|limit-connections|global-rate-limit)['"]?\s*:)",
        "ingress-nginx"},
    InfraSignal{C::kRateLimiting, "kubernetes", R"((?m)^\s*(rateLimit)\s*:\s*$)",
                "traefik middleware"},
    InfraSignal{C::kSecurityHeaders, "kubernetes",
                R"((?m)^\s*(stsSeconds|contentSecurityPolicy|frameDeny|contentTypeNosniff)\s*:)",
                "traefik headers middleware"},
};

const std::vector<std::unique_ptr<re2::RE2>>& infra_regexes() {
  static const auto kRegexes = [] {
    std::vector<std::unique_ptr<re2::RE2>> built;
    built.reserve(kInfraSignals.size());
    for (const auto& signal : kInfraSignals)
      built.push_back(std::make_unique<re2::RE2>(signal.regex));
    return built;
  }();
  return kRegexes;
}

}  // namespace

void scan_infra(const SourceFile& file, std::string_view content, AppFacts& facts) {
  const auto& regexes = infra_regexes();
  for (size_t i = 0; i < kInfraSignals.size(); ++i) {
    const InfraSignal& signal = kInfraSignals[i];
    std::array<re2::StringPiece, 2> groups;
    if (!regexes[i]->Match(content, 0, content.size(), re2::RE2::UNANCHORED, groups.data(), 2))
      continue;
    std::string library(signal.name);
    if (!groups[1].empty()) library += " " + std::string(sv(groups[1]));
    add_evidence(facts, signal.capability, signal.ecosystem, file.path,
                 line_at(content, groups[0].data()), std::move(library), false);
  }
}

// ingress-nginx CORS annotations, one YAML document at a time. Unset origin and credentials
// take the controller's documented defaults: "*" and true.
void scan_ingress_cors(const SourceFile& file, std::string_view content, AppFacts& facts) {
  if (content.find("enable-cors") == std::string_view::npos) return;
  static const re2::RE2 kEnable(
      R"(nginx\.ingress\.kubernetes\.io/enable-cors['"]?\s*:\s*['"]?true)");
  static const re2::RE2 kOrigin(
      R"(nginx\.ingress\.kubernetes\.io/cors-allow-origin['"]?\s*:\s*([^\n]*))");
  static const re2::RE2 kCredentials(
      R"(nginx\.ingress\.kubernetes\.io/cors-allow-credentials['"]?\s*:\s*['"]?(\w+))");
  size_t start = 0;
  while (start < content.size()) {
    size_t separator = content.find("\n---", start);
    size_t end = separator == std::string_view::npos ? content.size() : separator + 1;
    std::string_view document = content.substr(start, end - start);
    re2::StringPiece at;
    if (kEnable.Match(document, 0, document.size(), re2::RE2::UNANCHORED, &at, 1)) {
      std::string origin_value;
      std::string credentials_value;
      bool origin_set = re2::RE2::PartialMatch(document, kOrigin, &origin_value);
      bool credentials_set = re2::RE2::PartialMatch(document, kCredentials, &credentials_value);
      CorsSetting setting;
      setting.ecosystem = "kubernetes";
      setting.path = file.path;
      setting.line = line_at(content, at.data());
      setting.source = "ingress-nginx cors annotations";
      setting.wildcard_origin = !origin_set || origin_value.find('*') != std::string::npos;
      setting.allows_credentials = !credentials_set || core::iequals(credentials_value, "true");
      setting.production = is_production_name(file.path);
      facts.cors.push_back(std::move(setting));
    }
    start = end;
  }
}

// CORS_ORIGIN=* and friends in env files, compose files, Kubernetes env and Helm values.
void scan_cors_config(const SourceFile& file, const FileText& text, AppFacts& facts) {
  std::string_view content = text.content();
  if (!core::contains_ci(content, "origin")) return;
  static const re2::RE2 kAssignment(
      R"((?i)^\s*-?\s*(?:export\s+)?['"]?(cors_?origins?|cors_?allowed_?origins|cors_?allow_?origins?|allowed_?origins)['"]?\s*[:=]\s*\[?\s*['"]?\*['"]?\s*\]?\s*(?:#.*)?$)");
  static const re2::RE2 kEnvName(
      R"((?i)^\s*-?\s*name\s*:\s*['"]?(cors_?origins?|cors_?allowed_?origins|cors_?allow_?origins?|allowed_?origins)['"]?\s*$)");
  static const re2::RE2 kEnvValue(R"(^\s*value\s*:\s*['"]?\*['"]?\s*$)");
  const auto& lines = text.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string key;
    int line = 0;
    if (re2::RE2::FullMatch(lines[i], kAssignment, &key)) {
      line = static_cast<int>(i) + 1;
    } else if (re2::RE2::FullMatch(lines[i], kEnvName, &key)) {
      // The value is on the next line that is not blank or a comment.
      size_t next = i + 1;
      while (next < lines.size() &&
             (core::trim(lines[next]).empty() || core::trim(lines[next]).front() == '#'))
        ++next;
      if (next < lines.size() && re2::RE2::FullMatch(lines[next], kEnvValue))
        line = static_cast<int>(next) + 1;
    }
    if (line == 0) continue;
    CorsSetting setting;
    setting.ecosystem = "config";
    setting.path = file.path;
    setting.line = line;
    setting.source = key;
    setting.wildcard_origin = true;
    setting.production = is_production_name(file.path);
    setting.config_value = true;
    facts.cors.push_back(std::move(setting));
  }
}

}  // namespace golive::model::app
