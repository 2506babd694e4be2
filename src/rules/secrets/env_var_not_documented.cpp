#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/paths.h"
#include "model/env_reads.h"
#include "rules/rule.h"

namespace golive::rules::secrets {
namespace {

struct Template {
  std::string directory;
  std::set<std::string, std::less<>> names;
};

void check(RuleContext& context) {
  const auto& model = context.model();
  std::map<std::string, Template> templates;  // by path
  for (const auto& env : model.env_files) {
    if (!env.is_template) continue;
    Template& entry = templates[env.path];
    entry.directory = std::string(core::directory_name(env.path));
    for (const auto& variable : env.parsed.entries) entry.names.insert(variable.name);
  }
  for (const auto& [path, name] : model.env.commented_template_names) {
    if (auto found = templates.find(path); found != templates.end())
      found->second.names.insert(name);
  }
  if (model.env.reads.empty())
    return context.not_applicable("the code reads no environment variable golive recognises");
  if (templates.empty())
    return context.not_applicable(
        "no .env.example or .env.sample (secrets/missing-env-example covers that)");
  std::map<std::string, std::pair<const model::EnvRead*, int>> missing;  // first read, count
  for (const auto& read : model.env.reads) {
    if (model::is_platform_variable(read.name)) continue;
    // The templates of the read's directory and its parents; every template when none is.
    bool scoped = false;
    bool documented = false;
    for (const auto& [path, entry] : templates) {
      if (!model::env_path_within(read.path, entry.directory)) continue;
      scoped = true;
      documented = documented || entry.names.count(read.name) > 0;
    }
    if (!scoped) {
      for (const auto& [path, entry] : templates)
        documented = documented || entry.names.count(read.name) > 0;
    }
    if (documented) continue;
    auto& slot = missing[read.name];
    if (slot.first == nullptr) slot.first = &read;
    ++slot.second;
  }
  std::vector<std::pair<const model::EnvRead*, int>> ordered;
  ordered.reserve(missing.size());
  for (const auto& [name, slot] : missing) ordered.push_back(slot);
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->path, a.first->line, a.first->name) <
           std::tie(b.first->path, b.first->line, b.first->name);
  });
  for (const auto& [read, count] : ordered) {
    std::string more =
        count > 1 ? " (and " + std::to_string(count - 1) + " more reads)" : std::string();
    context.report(
        read->name + " is read here (" + read->how + ")" + more + " but no .env.example lists it",
        read->path, read->line, read->column);
  }
}

}  // namespace

extern const Rule kEnvVarNotDocumented;
const Rule kEnvVarNotDocumented{
    {.id = "secrets/env-var-not-documented",
     .section = "secrets",
     .title = "Every variable the code reads is in .env.example",
     .severity = Severity::kWarning,
     .seeds = "001 T111, 002 §1, 004 T013",
     .rationale =
         "The .env.example is the list operators check each environment against; a variable "
         "missing from it is discovered in production, when the service crashes or silently "
         "falls back to a default. golive finds reads of process.env.X and process.env[\"X\"], "
         "import.meta.env.X, Deno.env.get, env(\"X\") in Prisma schemas, os.environ[\"X\"], "
         "os.environ.get, os.getenv, fields of pydantic BaseSettings classes (with env_prefix), "
         "Go os.Getenv and os.LookupEnv, Java and Kotlin System.getenv, and ${X} or "
         "${X:default} in Spring application*.properties and application*.yml (names in upper "
         "case only). Tests, build tool configs (*.config.*) and minified files are skipped, "
         "as are variables the platform sets (PATH, HOME, NODE_ENV, CI, GITHUB_*, ...). A "
         "read is checked against the templates in its directory and its parents, or every "
         "template when none is there; a name commented out in a template ('# SENTRY_DSN=') "
         "counts as documented. Without any template the rule does not apply: "
         "secrets/missing-env-example reports that once instead of once per variable. One "
         "finding per variable, at its first read.",
     .remediation =
         "Add the variable to .env.example with a placeholder value and a comment saying what "
         "it is and where the real value comes from; comment it out if it is optional.",
     .also = ""},
    check};

}  // namespace golive::rules::secrets
