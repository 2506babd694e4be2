#include <string>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "rules/rule.h"
#include "rules/secret_words.h"

namespace golive::rules::secrets {
namespace {

// An env file named for development, tests or CI rather than for a deployment.
bool development_name(std::string_view path) {
  std::string name = core::to_lower(core::base_name(path));
  // .env.production.local, .env.staging: named for a deployment whatever else they say.
  if (core::contains(name, "prod") || core::contains(name, "stag") || core::contains(name, "live"))
    return false;
  for (std::string_view word : {"dev", "development", "local", "test", "testing", "ci", "e2e"}) {
    std::string suffix = "." + std::string(word);
    if (core::ends_with(name, suffix) || core::contains(name, suffix + ".")) return true;
  }
  return false;
}

void check(RuleContext& context) {
  const auto& env_files = context.model().env_files;
  bool any = false;
  for (const auto& env : env_files) {
    if (env.is_template) continue;
    any = true;
    const auto& entries = env.parsed.entries;
    if (entries.empty()) continue;  // comments only: nothing is committed
    // Variables whose value is, or looks like, a real secret.
    std::vector<const parse::EnvEntry*> secrets;
    bool credential_shaped = false;  // a value shaped like a real credential (AKIA..., a URL
                                     // with a password): an error whatever the file's name
    for (const auto& entry : entries) {
      bool named = looks_like_secret_name(entry.name) && !is_indirect_value(entry.value) &&
                   !is_placeholder_value(entry.value);
      // A password in a URL to this machine or a compose service is a development connection.
      bool shaped = looks_like_secret_value(entry.value) && !is_local_connection_url(entry.value);
      credential_shaped = credential_shaped || shaped;
      if (named || shaped) secrets.push_back(&entry);
    }
    std::string names;
    const auto* shown = secrets.empty() ? nullptr : &secrets;
    size_t count = shown != nullptr ? secrets.size() : entries.size();
    for (size_t i = 0; i < count && i < 3; ++i)
      names += (i > 0 ? ", " : "") + (shown != nullptr ? secrets[i]->name : entries[i].name);
    if (count > 3) names += ", ...";
    std::string variables =
        std::to_string(entries.size()) + " variable" + (entries.size() == 1 ? "" : "s");
    if (secrets.empty()) {
      // Configuration without secrets (ports, local URLs, placeholders): a practice, not a leak.
      context.report("environment file is committed (" + variables + ": " + names +
                         "), none with a secret-looking value",
                     env.path, entries.front().line, 1);
      context.findings().back().severity = Severity::kInfo;
      continue;
    }
    int line = secrets.front()->line;
    std::string message = "environment file is committed with " + std::to_string(secrets.size()) +
                          " secret-looking value" + (secrets.size() == 1 ? "" : "s") + " (" +
                          names + "; " + variables + " in all)";
    if (development_name(env.path) && !credential_shaped) {
      context.report(message + "; its name says it is for development or tests", env.path, line, 1);
      context.findings().back().severity = Severity::kWarning;
      continue;
    }
    if (context.profile() == model::Profile::kExamples && !credential_shaped) {
      context.report(message + "; the repository is a collection of examples", env.path, line, 1);
      context.findings().back().severity = Severity::kWarning;
      continue;
    }
    context.report(message, env.path, line, 1);
  }
  if (!any && env_files.empty()) context.not_applicable("no environment files");
}

}  // namespace

extern const Rule kCommittedEnvFile;
const Rule kCommittedEnvFile{
    {.id = "secrets/committed-env-file",
     .section = "secrets",
     .title = "No .env file is committed",
     .severity = Severity::kError,
     .seeds = "000 T022, 003 P2-05, 002 §1",
     .rationale =
         ".env files hold the real values of secrets and connection strings; once committed they "
         "live in every clone and in history, and must be rotated. An error when the file holds "
         "a secret-looking value (a secret-named variable with a literal that is not a "
         "placeholder such as 'changethis', or a value shaped like a credential); a warning when "
         "its name says it is for development or tests (.env.test, .env.development, not "
         "production or staging) and no value is shaped like a real credential; info "
         "when it holds only configuration (ports, local URLs, placeholders). A file with "
         "comments only is not reported.",
     .remediation =
         "Remove the file (git rm --cached), add '.env' to .gitignore, commit a .env.example "
         "with placeholder values instead, and rotate any secret it held.",
     .also = "gitleaks, trufflehog"},
    check};

}  // namespace golive::rules::secrets
