#include <array>
#include <set>

#include "model/env_reads.h"
#include "rules/rule.h"

namespace golive::rules::secrets {
namespace {

// Variables that libraries, SDKs and images read by convention, without a read in the code:
// libpq (PG*), database images (POSTGRES_*, MYSQL_*, ...), cloud SDKs, OpenTelemetry, Sentry,
// Datadog, proxies, runtimes and Spring's relaxed binding.
constexpr std::array<std::string_view, 24> kConventionPrefixes = {
    "PG",         "POSTGRES_",  "MYSQL_",      "MARIADB_",        "MONGO_INITDB_", "AWS_",
    "AZURE_",     "GOOGLE_",    "GCLOUD_",     "OTEL_",           "SENTRY_",       "DD_",
    "NEW_RELIC_", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",        "NODE_OPTIONS",  "PYTHON",
    "JAVA_",      "SPRING_",    "GUNICORN_",   "WEB_CONCURRENCY", "COMPOSE_",      "DOCKER_"};

bool read_by_convention(std::string_view name) {
  for (std::string_view prefix : kConventionPrefixes) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool templates = false;
  for (const auto& env : model.env_files) templates = templates || env.is_template;
  if (!templates) return context.not_applicable("no .env.example or .env.sample");
  if (model.env.reads.empty())
    return context.not_applicable(
        "the code reads no environment variable golive recognises, so unused ones cannot be "
        "told apart");
  std::set<std::string, std::less<>> used;
  for (const auto& read : model.env.reads) used.insert(read.name);
  for (const auto& compose : model.compose_files) {
    for (const auto& service : compose.services) {
      for (const auto& variable : service.environment) used.insert(variable.name);
    }
  }
  for (const auto& env : model.env_files) {
    if (!env.is_template) continue;
    for (const auto& entry : env.parsed.entries) {
      if (used.count(entry.name) > 0 || model.env.config_references.count(entry.name) > 0 ||
          model::is_platform_variable(entry.name) || read_by_convention(entry.name))
        continue;
      context.report(entry.name + " is listed in " + env.path +
                         " but no code, compose file, manifest or script reads it",
                     env.path, entry.line);
    }
  }
}

}  // namespace

extern const Rule kEnvVarUnused;
const Rule kEnvVarUnused{
    {.id = "secrets/env-var-unused",
     .section = "secrets",
     .title = "Every variable in .env.example is used",
     .severity = Severity::kInfo,
     .seeds = "001 T111, 002 §1",
     .rationale =
         "A variable in .env.example that nothing reads is a leftover: operators set and rotate "
         "it for nothing, and the template stops being a trustworthy list. A variable counts "
         "as used when code reads it (see secrets/env-var-not-documented for the forms "
         "recognised), a compose service's environment names it, or a compose file, "
         "Dockerfile, manifest, Helm template, CI workflow, Makefile or shell script mentions "
         "it as $X or ${X}. Variables read by libraries and images by convention (PG*, "
         "POSTGRES_*, MYSQL_*, AWS_*, OTEL_*, SENTRY_*, proxies, SPRING_*, ...) are never "
         "reported. The rule applies only when golive recognises at least one read in the code.",
     .remediation =
         "Remove the variable from the template, or, if a library reads it implicitly, add a "
         "comment in the template naming the library.",
     .also = ""},
    check};

}  // namespace golive::rules::secrets
