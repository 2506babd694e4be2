#include "rules/rule.h"

namespace golive::rules::secrets {
namespace {

void check(RuleContext& context) {
  const auto& env_files = context.model().env_files;
  bool any = false;
  for (const auto& env : env_files) {
    if (env.is_template) continue;
    any = true;
    int line = env.parsed.entries.empty() ? 1 : env.parsed.entries.front().line;
    std::string names;
    for (size_t i = 0; i < env.parsed.entries.size() && i < 3; ++i) {
      names += (i > 0 ? ", " : "") + env.parsed.entries[i].name;
    }
    if (env.parsed.entries.size() > 3) names += ", ...";
    context.report("environment file is committed (" + std::to_string(env.parsed.entries.size()) +
                       " variables" + (names.empty() ? "" : ": " + names) + ")",
                   env.path, line, 1);
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
         "live in every clone and in history, and must be rotated.",
     .remediation =
         "Remove the file (git rm --cached), add '.env' to .gitignore, commit a .env.example "
         "with placeholder values instead, and rotate any secret it held.",
     .also = "gitleaks, trufflehog"},
    check};

}  // namespace golive::rules::secrets
