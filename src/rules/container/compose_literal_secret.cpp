#include "rules/container/container_facts.h"
#include "rules/rule.h"
#include "rules/secret_words.h"

namespace golive::rules::container {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& compose : context.model().compose_files) {
    bool development = is_named_development_compose(context.model(), compose.path) ||
                       only_backing_services(compose);
    for (const auto& service : compose.services) {
      for (const auto& var : service.environment) {
        any = true;
        if (!var.has_value || is_indirect_value(var.value)) continue;
        bool value_shaped = looks_like_secret_value(var.value);
        // Development files hold throwaway local passwords; only real credentials count there.
        if (!value_shaped && (development || !looks_like_secret_name(var.name))) continue;
        bool placeholder = !value_shaped && declares_placeholder(var.value);
        std::string what = value_shaped  ? "a value shaped like a credential"
                           : placeholder ? "a placeholder"
                                         : "a literal secret";
        context.report(
            "service '" + service.name + "' in " + compose.path + " sets " + var.name + " to " +
                what + " (" + redact(var.value) + ") in the file" +
                (placeholder ? "; deployed unchanged, it runs with a value anyone can read"
                             : " instead of passing it in"),
            compose.path, var.line, 0, var.name + "=" + redact(var.value));
        // Not a leaked credential: a known value until someone replaces it.
        if (placeholder) context.findings().back().severity = Severity::kWarning;
      }
    }
  }
  if (!any) context.not_applicable("no compose service sets environment variables");
}

}  // namespace

extern const Rule kComposeLiteralSecret;
const Rule kComposeLiteralSecret{
    {.id = "container/compose-literal-secret",
     .section = "container",
     .title = "No literal secrets in compose environment",
     .severity = Severity::kError,
     .seeds = "000 T005, 003 P4-05, 002 §1",
     .rationale =
         "A password or token written in a compose file is readable by everyone with the "
         "repository, stays in its history after it is changed, and is visible in 'docker "
         "inspect' of every container. The rule reports environment entries (mapping or "
         "'KEY=value' list form) whose name looks like a secret (see container/secret-in-env-arg "
         "for the words) and whose value is a literal rather than empty, '${VAR}' interpolation, "
         "or a /run/secrets/ path (a value that says it is a placeholder, such as changeme, "
         "<password> or foobar, is a warning: no leak, but a known value once deployed), and any "
         "value shaped like a real credential (AKIA..., ghp_..., "
         "a private key, a URL with a password) whatever its name. Compose files for "
         "development and tests (*.dev.*, *.test.*, *.override.*, files under dev/, test/, "
         "ci/, examples/ ...), and files that only start stock backing services (postgres, "
         "redis, ...) for local use, are only checked for credential-shaped values, since "
         "throwaway local passwords are their norm. Values are shown redacted.",
     .remediation =
         "Rotate the secret if it was ever real. Interpolate it from the environment or an "
         "untracked .env file ('POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}'), or use "
         "compose secrets: 'secrets: [db_password]' with the image's *_FILE variable "
         "('POSTGRES_PASSWORD_FILE: /run/secrets/db_password').",
     .also = "checkov CKV_SECRET_* (generic secrets), gitleaks"},
    check};

}  // namespace golive::rules::container
