#include "model/app_facts.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>

#include "core/paths.h"
#include "core/strings.h"
#include "model/coverage.h"
#include "model/model.h"

namespace golive::model {
namespace {

using core::base_name;
using core::ends_with;
using core::starts_with;

// ---- small helpers ---------------------------------------------------------------------------

int line_at(std::string_view text, const char* at) {
  return core::line_of_offset(text, static_cast<size_t>(at - text.data()));
}

std::string_view sv(const re2::StringPiece& piece) { return {piece.data(), piece.size()}; }

// ---- which files are application source ----------------------------------------------------

enum class Eco : std::uint8_t { kNode, kPython, kGo, kJava, kAny };
constexpr std::array<std::string_view, 4> kEcoNames = {"node", "python", "go", "java"};

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

// ---- the library table -----------------------------------------------------------------------

enum class How : std::uint8_t {
  kDependency,  // a package name in the ecosystem's manifests
  kImport,      // a module imported in code (the import syntax comes from the ecosystem)
  kCode,        // an RE2 pattern searched in code and in the ecosystem's config files
};

struct LibrarySignal {
  Eco eco;
  AppCapability capability;
  How how;
  std::string_view pattern;  // package, module or RE2 pattern
  std::string_view name;     // what to call it; the pattern when empty
};

using C = AppCapability;

// Route paths that answer health, readiness and liveness probes.
#define GOLIVE_HEALTH_PATH \
  "health|healthz|healthcheck|health-check|ready|readyz|readiness|livez|liveness"

// Every library golive recognises, by ecosystem and capability. Dependency names are matched as
// whole package names (Python names lower-cased with '_' as '-'); imports follow each language's
// syntax and also match submodules.
const std::array kLibraries = {
    // --- node: metrics
    LibrarySignal{Eco::kNode, C::kMetrics, How::kDependency, "prom-client", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kImport, "prom-client", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kDependency, "express-prom-bundle", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kImport, "express-prom-bundle", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kDependency, "@opentelemetry/sdk-metrics", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kImport, "@opentelemetry/sdk-metrics", ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kDependency, "@opentelemetry/exporter-prometheus",
                  ""},
    LibrarySignal{Eco::kNode, C::kMetrics, How::kDependency, "fastify-metrics", ""},
    // --- node: tracing
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "@opentelemetry/sdk-node", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kImport, "@opentelemetry/sdk-node", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "@opentelemetry/sdk-trace-node", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kImport, "@opentelemetry/sdk-trace-node", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "@opentelemetry/sdk-trace-base", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency,
                  "@opentelemetry/auto-instrumentations-node", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "dd-trace", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kImport, "dd-trace", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "jaeger-client", ""},
    LibrarySignal{Eco::kNode, C::kTracing, How::kDependency, "elastic-apm-node", ""},
    // --- node: structured logging
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kDependency, "pino", ""},
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kImport, "pino", ""},
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kDependency, "pino-http", ""},
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kDependency, "bunyan", ""},
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kImport, "bunyan", ""},
    LibrarySignal{Eco::kNode, C::kStructuredLogging, How::kCode, R"(\bformat\.json\s*\()",
                  "winston format.json()"},
    // --- node: correlation ids
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kDependency, "express-request-id", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kImport, "express-request-id", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kDependency, "cls-rtracer", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kImport, "cls-rtracer", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kDependency, "express-correlation-id", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kDependency, "correlation-id", ""},
    LibrarySignal{Eco::kNode, C::kCorrelationId, How::kCode, R"(\b(?:genReqId|requestIdHeader)\b)",
                  "fastify request ids"},
    // --- node: error tracking
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@sentry/node", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kImport, "@sentry/node", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@sentry/nextjs", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@sentry/nestjs", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@sentry/aws-serverless", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "rollbar", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kImport, "rollbar", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@bugsnag/js", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@bugsnag/node", ""},
    LibrarySignal{Eco::kNode, C::kErrorTracking, How::kDependency, "@honeybadger-io/js", ""},
    // --- node: security headers
    LibrarySignal{Eco::kNode, C::kSecurityHeaders, How::kDependency, "helmet", ""},
    LibrarySignal{Eco::kNode, C::kSecurityHeaders, How::kImport, "helmet", ""},
    LibrarySignal{Eco::kNode, C::kSecurityHeaders, How::kDependency, "@fastify/helmet", ""},
    LibrarySignal{Eco::kNode, C::kSecurityHeaders, How::kDependency, "koa-helmet", ""},
    LibrarySignal{Eco::kNode, C::kSecurityHeaders, How::kDependency, "lusca", ""},
    // --- node: rate limiting
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "express-rate-limit", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kImport, "express-rate-limit", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "rate-limiter-flexible", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kImport, "rate-limiter-flexible", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "@fastify/rate-limit", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "koa-ratelimit", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "@nestjs/throttler", ""},
    LibrarySignal{Eco::kNode, C::kRateLimiting, How::kDependency, "express-slow-down", ""},
    // --- node: health routes (express, fastify, koa, nest)
    LibrarySignal{
        Eco::kNode, C::kHealthRoute, How::kCode,
        R"(\.(?:get|all|head|route|use)\s*\(\s*['"`]((?:/[\w.:-]+)*/(?:)" GOLIVE_HEALTH_PATH
        R"()/?)['"`])",
        "route"},
    LibrarySignal{Eco::kNode, C::kHealthRoute, How::kCode,
                  R"(\burl\s*:\s*['"`]((?:/[\w.:-]+)*/(?:)" GOLIVE_HEALTH_PATH R"()/?)['"`])",
                  "route"},
    LibrarySignal{Eco::kNode, C::kHealthRoute, How::kDependency, "@godaddy/terminus", ""},
    LibrarySignal{Eco::kNode, C::kHealthRoute, How::kDependency, "@nestjs/terminus", ""},

    // --- python: metrics
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "prometheus-client", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kImport, "prometheus_client", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "prometheus-fastapi-instrumentator",
                  ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kImport, "prometheus_fastapi_instrumentator", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "django-prometheus", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "starlette-exporter", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "prometheus-flask-exporter", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kImport, "opentelemetry.sdk.metrics", ""},
    LibrarySignal{Eco::kPython, C::kMetrics, How::kDependency, "opentelemetry-exporter-prometheus",
                  ""},
    // --- python: tracing
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency, "opentelemetry-sdk", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency, "opentelemetry-distro", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency,
                  "opentelemetry-instrumentation-fastapi", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency,
                  "opentelemetry-instrumentation-flask", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency,
                  "opentelemetry-instrumentation-django", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kImport, "opentelemetry.sdk.trace", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kImport, "opentelemetry.instrumentation", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency, "ddtrace", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kImport, "ddtrace", ""},
    LibrarySignal{Eco::kPython, C::kTracing, How::kDependency, "jaeger-client", ""},
    // --- python: structured logging
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kDependency, "structlog", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kImport, "structlog", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kDependency, "python-json-logger", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kImport, "pythonjsonlogger", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kDependency, "json-logging", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kDependency, "ecs-logging", ""},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kCode, R"(\bserialize\s*=\s*True\b)",
                  "loguru serialize=True"},
    LibrarySignal{Eco::kPython, C::kStructuredLogging, How::kCode,
                  R"(\b(?:format|fmt)\s*=\s*['"]\{\\?")", "logging JSON format"},
    // --- python: correlation ids
    LibrarySignal{Eco::kPython, C::kCorrelationId, How::kDependency, "asgi-correlation-id", ""},
    LibrarySignal{Eco::kPython, C::kCorrelationId, How::kImport, "asgi_correlation_id", ""},
    LibrarySignal{Eco::kPython, C::kCorrelationId, How::kDependency, "django-guid", ""},
    LibrarySignal{Eco::kPython, C::kCorrelationId, How::kDependency, "django-log-request-id", ""},
    LibrarySignal{Eco::kPython, C::kCorrelationId, How::kDependency, "flask-request-id-header", ""},
    // --- python: error tracking
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kDependency, "sentry-sdk", ""},
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kImport, "sentry_sdk", ""},
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kDependency, "rollbar", ""},
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kImport, "rollbar", ""},
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kDependency, "bugsnag", ""},
    LibrarySignal{Eco::kPython, C::kErrorTracking, How::kDependency, "honeybadger", ""},
    // --- python: security headers
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kDependency, "flask-talisman", ""},
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kImport, "flask_talisman", ""},
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kDependency, "talisman", ""},
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kDependency, "secure", ""},
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kImport, "secure", ""},
    LibrarySignal{Eco::kPython, C::kSecurityHeaders, How::kDependency, "django-csp", ""},
    LibrarySignal{
        Eco::kPython, C::kSecurityHeaders, How::kCode,
        R"(\bSECURE_(?:HSTS_SECONDS|CONTENT_TYPE_NOSNIFF|SSL_REDIRECT|REFERRER_POLICY|CROSS_ORIGIN_OPENER_POLICY)\s*=)",
        "django SecurityMiddleware settings"},
    // --- python: rate limiting
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kDependency, "slowapi", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kImport, "slowapi", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kDependency, "django-ratelimit", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kImport, "django_ratelimit", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kDependency, "flask-limiter", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kImport, "flask_limiter", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kDependency, "fastapi-limiter", ""},
    LibrarySignal{Eco::kPython, C::kRateLimiting, How::kCode,
                  R"(\bDEFAULT_THROTTLE_(?:CLASSES|RATES)\b)", "django-rest-framework throttling"},
    // --- python: health routes (FastAPI, Flask, Starlette, Django)
    LibrarySignal{
        Eco::kPython, C::kHealthRoute, How::kCode,
        R"(\.(?:get|head|route|api_route|add_api_route|add_url_rule)\s*\(\s*['"]((?:/[\w.:{}-]+)*/(?:)" GOLIVE_HEALTH_PATH
        R"()/?)['"])",
        "route"},
    LibrarySignal{Eco::kPython, C::kHealthRoute, How::kCode,
                  R"(\b(?:re_)?path\s*\(\s*r?['"]\^?/?((?:[\w-]+/)*(?:)" GOLIVE_HEALTH_PATH
                  R"()/?)\$?['"])",
                  "route"},
    LibrarySignal{Eco::kPython, C::kHealthRoute, How::kDependency, "django-health-check", ""},

    // --- go: metrics
    LibrarySignal{Eco::kGo, C::kMetrics, How::kDependency, "github.com/prometheus/client_golang",
                  ""},
    LibrarySignal{Eco::kGo, C::kMetrics, How::kImport, "github.com/prometheus/client_golang", ""},
    LibrarySignal{Eco::kGo, C::kMetrics, How::kDependency, "go.opentelemetry.io/otel/sdk/metric",
                  ""},
    LibrarySignal{Eco::kGo, C::kMetrics, How::kImport, "go.opentelemetry.io/otel/sdk/metric", ""},
    LibrarySignal{Eco::kGo, C::kMetrics, How::kImport, "go.opentelemetry.io/otel/metric", ""},
    LibrarySignal{Eco::kGo, C::kMetrics, How::kDependency, "github.com/VictoriaMetrics/metrics",
                  ""},
    // --- go: tracing
    LibrarySignal{Eco::kGo, C::kTracing, How::kDependency, "go.opentelemetry.io/otel/sdk", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kImport, "go.opentelemetry.io/otel/sdk/trace", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kImport, "go.opentelemetry.io/otel/trace", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kImport,
                  "go.opentelemetry.io/contrib/instrumentation", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kDependency, "gopkg.in/DataDog/dd-trace-go.v1", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kImport, "gopkg.in/DataDog/dd-trace-go.v1", ""},
    LibrarySignal{Eco::kGo, C::kTracing, How::kDependency, "github.com/uber/jaeger-client-go", ""},
    // --- go: structured logging
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kDependency, "go.uber.org/zap", ""},
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kImport, "go.uber.org/zap", ""},
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kDependency, "github.com/rs/zerolog", ""},
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kImport, "github.com/rs/zerolog", ""},
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kCode, R"(\bslog\.NewJSONHandler\s*\()",
                  "slog JSON handler"},
    LibrarySignal{Eco::kGo, C::kStructuredLogging, How::kCode, R"(\blogrus\.JSONFormatter\b)",
                  "logrus JSONFormatter"},
    // --- go: correlation ids
    LibrarySignal{Eco::kGo, C::kCorrelationId, How::kImport, "github.com/gin-contrib/requestid",
                  ""},
    LibrarySignal{Eco::kGo, C::kCorrelationId, How::kCode, R"(\bmiddleware\.RequestID\b)",
                  "request id middleware"},
    // --- go: error tracking
    LibrarySignal{Eco::kGo, C::kErrorTracking, How::kDependency, "github.com/getsentry/sentry-go",
                  ""},
    LibrarySignal{Eco::kGo, C::kErrorTracking, How::kImport, "github.com/getsentry/sentry-go", ""},
    LibrarySignal{Eco::kGo, C::kErrorTracking, How::kDependency, "github.com/rollbar/rollbar-go",
                  ""},
    LibrarySignal{Eco::kGo, C::kErrorTracking, How::kDependency, "github.com/bugsnag/bugsnag-go",
                  ""},
    LibrarySignal{Eco::kGo, C::kErrorTracking, How::kDependency,
                  "github.com/honeybadger-io/honeybadger-go", ""},
    // --- go: security headers
    LibrarySignal{Eco::kGo, C::kSecurityHeaders, How::kDependency, "github.com/unrolled/secure",
                  ""},
    LibrarySignal{Eco::kGo, C::kSecurityHeaders, How::kImport, "github.com/unrolled/secure", ""},
    LibrarySignal{Eco::kGo, C::kSecurityHeaders, How::kImport, "github.com/gin-contrib/secure", ""},
    LibrarySignal{Eco::kGo, C::kSecurityHeaders, How::kCode,
                  R"(\bmiddleware\.Secure(?:WithConfig)?\s*\()", "echo Secure middleware"},
    // --- go: rate limiting
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kImport, "golang.org/x/time/rate", ""},
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kDependency, "github.com/didip/tollbooth", ""},
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kImport, "github.com/didip/tollbooth", ""},
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kDependency, "github.com/ulule/limiter", ""},
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kImport, "github.com/go-chi/httprate", ""},
    LibrarySignal{Eco::kGo, C::kRateLimiting, How::kCode, R"(\bmiddleware\.RateLimiter\w*\s*\()",
                  "echo RateLimiter middleware"},
    // --- go: health routes (net/http, gin, echo, chi)
    LibrarySignal{
        Eco::kGo,
        C::kHealthRoute, How::kCode,
        R"re(\b(?:HandleFunc|Handle|GET|Get|HEAD|Head|Any|Match)\s*\(\s*"((?:GET |HEAD )?(?:/[\w.:{}-]+)*/(?:)re" GOLIVE_HEALTH_PATH
        R"re()/?)")re",
        "route"},

    // --- java: metrics
    LibrarySignal{Eco::kJava, C::kMetrics, How::kDependency, "io.micrometer", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kDependency, "micrometer-registry-prometheus", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kImport, "io.micrometer.core", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kImport, "io.micrometer.prometheus", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kDependency, "io.prometheus", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kImport, "io.prometheus", ""},
    LibrarySignal{Eco::kJava, C::kMetrics, How::kImport, "io.opentelemetry.sdk.metrics", ""},
    // --- java: tracing
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "opentelemetry-sdk", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "opentelemetry-spring-boot-starter",
                  ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "opentelemetry-javaagent", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "micrometer-tracing-bridge-otel", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "micrometer-tracing-bridge-brave", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "spring-cloud-starter-sleuth", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "dd-trace-api", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kDependency, "io.jaegertracing", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kImport, "io.opentelemetry.api.trace", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kImport, "io.opentelemetry.sdk.trace", ""},
    LibrarySignal{Eco::kJava, C::kTracing, How::kImport, "io.micrometer.tracing", ""},
    // --- java: structured logging (also read in logback and log4j2 XML)
    LibrarySignal{Eco::kJava, C::kStructuredLogging, How::kDependency, "logstash-logback-encoder",
                  ""},
    LibrarySignal{Eco::kJava, C::kStructuredLogging, How::kDependency, "log4j-layout-template-json",
                  ""},
    LibrarySignal{
        Eco::kJava, C::kStructuredLogging, How::kCode,
        R"(\b(?:LogstashEncoder|LoggingEventCompositeJsonEncoder|classic\.encoder\.JsonEncoder)\b)",
        "logback JSON encoder"},
    LibrarySignal{Eco::kJava, C::kStructuredLogging, How::kCode,
                  R"(<(?:JsonLayout|JsonTemplateLayout|EcsLayout)\b)", "log4j2 JSON layout"},
    // --- java: correlation ids
    LibrarySignal{
        Eco::kJava, C::kCorrelationId, How::kCode,
        R"re(\bMDC\.put\s*\(\s*"(?:requestId|correlationId|request_id|correlation_id|traceId)")re",
        "MDC request id"},
    // --- java: error tracking
    LibrarySignal{Eco::kJava, C::kErrorTracking, How::kDependency, "io.sentry", ""},
    LibrarySignal{Eco::kJava, C::kErrorTracking, How::kImport, "io.sentry", ""},
    LibrarySignal{Eco::kJava, C::kErrorTracking, How::kDependency, "com.rollbar", ""},
    LibrarySignal{Eco::kJava, C::kErrorTracking, How::kDependency, "com.bugsnag", ""},
    LibrarySignal{Eco::kJava, C::kErrorTracking, How::kDependency, "io.honeybadger", ""},
    // --- java: security headers (Spring Security writes them by default)
    LibrarySignal{Eco::kJava, C::kSecurityHeaders, How::kDependency, "spring-boot-starter-security",
                  ""},
    LibrarySignal{
        Eco::kJava, C::kSecurityHeaders, How::kCode,
        R"((?:\.headers\s*\(\s*(?:\w+\s*->|\))|\b(?:contentSecurityPolicy|httpStrictTransportSecurity|frameOptions)\s*\())",
        "spring security headers()"},
    // --- java: rate limiting
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kDependency, "bucket4j-core", ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kDependency, "bucket4j_jdk17-core", ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kDependency, "com.bucket4j", ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kImport, "io.github.bucket4j", ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kDependency, "resilience4j-ratelimiter", ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kImport, "io.github.resilience4j.ratelimiter",
                  ""},
    LibrarySignal{Eco::kJava, C::kRateLimiting, How::kCode, R"(@RateLimiter\s*\()", "@RateLimiter"},
    // --- java: health routes (Spring MVC mappings, Spring Boot actuator)
    LibrarySignal{
        Eco::kJava, C::kHealthRoute, How::kCode,
        R"re(@(?:Get|Request)Mapping\s*\(\s*(?:(?:value|path)\s*=\s*)?[{\[]?\s*"((?:/[\w.{}-]+)*/(?:)re" GOLIVE_HEALTH_PATH
        R"re()/?)")re",
        "route"},
    LibrarySignal{Eco::kJava, C::kHealthRoute, How::kDependency, "spring-boot-starter-actuator",
                  "spring boot actuator /actuator/health"},

    // --- every ecosystem: headers written by hand
    LibrarySignal{Eco::kAny, C::kSecurityHeaders, How::kCode,
                  R"((?i)['"](?:Content-Security-Policy|Strict-Transport-Security)['"])",
                  "security headers set in code"},
    LibrarySignal{Eco::kAny, C::kCorrelationId, How::kCode,
                  R"((?i)['"]X-(?:Request|Correlation)-ID['"])", "X-Request-ID handling"},
};

#undef GOLIVE_HEALTH_PATH

std::string_view display_name(const LibrarySignal& signal) {
  return signal.name.empty() ? signal.pattern : signal.name;
}

std::string import_regex(Eco eco, std::string_view module) {
  std::string quoted = re2::RE2::QuoteMeta(std::string(module));
  switch (eco) {
    case Eco::kNode:
      return R"((?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"])" + quoted +
             R"(['"/])";
    case Eco::kPython:
      return R"((?m)^\s*(?:from|import)\s+)" + quoted + R"((?:[\s.,;]|$))";
    case Eco::kGo:
      return "\"" + quoted + R"((?:/[^"\s]*)?")";
    case Eco::kJava:
      return R"((?m)\bimport\s+(?:static\s+)?)" + quoted + R"((?:[.;\s]|$))";
    case Eco::kAny:
      break;
  }
  return quoted;
}

// The code patterns of one ecosystem in one RE2 set, with each pattern compiled alone to find
// where it matches once the set says that it does.
struct CodeScanner {
  std::unique_ptr<re2::RE2::Set> set;
  std::vector<std::unique_ptr<re2::RE2>> patterns;
  std::vector<const LibrarySignal*> signals;
};

const CodeScanner& scanner_for(Eco eco) {
  static const std::array<CodeScanner, 4> kScanners = [] {
    std::array<CodeScanner, 4> built;
    for (size_t e = 0; e < built.size(); ++e) {
      CodeScanner& scanner = built[e];
      scanner.set = std::make_unique<re2::RE2::Set>(re2::RE2::Options(), re2::RE2::UNANCHORED);
      for (const auto& signal : kLibraries) {
        if (signal.how == How::kDependency) continue;
        if (signal.eco != Eco::kAny && static_cast<size_t>(signal.eco) != e) continue;
        std::string regex = signal.how == How::kImport
                                ? import_regex(static_cast<Eco>(e), signal.pattern)
                                : std::string(signal.pattern);
        auto compiled = std::make_unique<re2::RE2>(regex);
        if (!compiled->ok() || scanner.set->Add(regex, nullptr) < 0) continue;
        scanner.patterns.push_back(std::move(compiled));
        scanner.signals.push_back(&signal);
      }
      scanner.set->Compile();
    }
    return built;
  }();
  return kScanners[static_cast<size_t>(eco)];
}

void add_evidence(AppFacts& facts, AppCapability capability, std::string_view ecosystem,
                  std::string_view path, int line, std::string library, bool dependency) {
  facts.evidence.push_back({capability, std::string(ecosystem), std::string(path), line,
                            std::move(library), dependency});
}

// ---- extractor: libraries, calls and routes in code ------------------------------------------

void scan_code(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts) {
  const CodeScanner& scanner = scanner_for(eco);
  std::vector<int> matched;
  if (!scanner.set->Match(content, &matched)) return;
  std::sort(matched.begin(), matched.end());
  for (int index : matched) {
    const re2::RE2& pattern = *scanner.patterns[static_cast<size_t>(index)];
    const LibrarySignal& signal = *scanner.signals[static_cast<size_t>(index)];
    std::array<re2::StringPiece, 2> groups;
    int count = std::min(2, pattern.NumberOfCapturingGroups() + 1);
    if (!pattern.Match(content, 0, content.size(), re2::RE2::UNANCHORED, groups.data(), count))
      continue;
    std::string library(display_name(signal));
    if (count == 2 && !groups[1].empty()) library += " " + std::string(sv(groups[1]));
    add_evidence(facts, signal.capability, kEcoNames[static_cast<size_t>(eco)], file.path,
                 line_at(content, groups[0].data()), std::move(library), false);
  }
}

// ---- extractor: dependencies in manifests -----------------------------------------------------

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
         c == '/' || c == '@';
}

bool comment_line(std::string_view text, size_t at) {
  size_t start = text.rfind('\n', at);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view line = core::trim(text.substr(start, at - start));
  return starts_with(line, "#") || starts_with(line, "//") || starts_with(line, "<!--");
}

// The offset of name as a whole package name in text (not inside a longer name or a comment).
std::optional<size_t> find_package(std::string_view text, std::string_view name) {
  size_t from = 0;
  while (true) {
    size_t at = text.find(name, from);
    if (at == std::string_view::npos) return std::nullopt;
    size_t end = at + name.size();
    bool left = at == 0 || !is_name_char(text[at - 1]);
    bool right = end >= text.size() || !is_name_char(text[end]) ||
                 (text[end] == '.' && (end + 1 >= text.size() || !is_name_char(text[end + 1])));
    if (left && right && !comment_line(text, at)) return at;
    from = at + 1;
  }
}

void scan_manifest(Eco eco, const SourceFile& file, std::string_view content, AppFacts& facts) {
  std::string normalised = core::to_lower(content);
  // Python package names are case-insensitive and treat '_' and '-' alike.
  if (eco == Eco::kPython) std::replace(normalised.begin(), normalised.end(), '_', '-');
  for (const auto& signal : kLibraries) {
    if (signal.eco != eco || signal.how != How::kDependency) continue;
    std::string name = core::to_lower(signal.pattern);
    auto at = find_package(normalised, name);
    if (!at) continue;
    add_evidence(facts, signal.capability, kEcoNames[static_cast<size_t>(eco)], file.path,
                 core::line_of_offset(normalised, *at), std::string(display_name(signal)), true);
  }
}

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
