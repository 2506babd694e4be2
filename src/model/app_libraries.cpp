// Application facts, part 1: the library table, and the extractors that read it (libraries,
// calls and routes in code; dependencies in manifests). See app_extractors.h.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/strings.h"
#include "model/app_extractors.h"
#include "model/model.h"

namespace golive::model::app {
namespace {

using core::starts_with;

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

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace golive::model::app
