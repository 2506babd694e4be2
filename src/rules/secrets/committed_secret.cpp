#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "rules/rule.h"
#include "secrets/rules.h"

namespace golive::rules::secrets {
namespace {

// Formats that say nothing about who issued the value: a private key, a password in a URL or an
// assignment, a JWT. In a test, fixture, example, vendored copy, docs or template they are
// almost always made up for the purpose; a provider's token (AKIA..., ghp_...) is not.
bool generic_format(std::string_view rule_id) {
  static constexpr std::string_view kGeneric[] = {"secrets/private-key",
                                                  "secrets/private-key-escaped",
                                                  "secrets/putty-private-key",
                                                  "secrets/jwt",
                                                  "secrets/jwt-secret",
                                                  "secrets/generic-password",
                                                  "secrets/generic-password-unquoted",
                                                  "secrets/generic-secret",
                                                  "secrets/generic-secret-unquoted",
                                                  "secrets/postgres-url-password",
                                                  "secrets/mysql-url-password",
                                                  "secrets/mongodb-url-password",
                                                  "secrets/redis-url-password",
                                                  "secrets/amqp-url-password",
                                                  "secrets/db-url-password-other",
                                                  "secrets/service-url-password",
                                                  "secrets/database-url-password",
                                                  "secrets/jdbc-url-password",
                                                  "secrets/basic-auth-url",
                                                  "secrets/authorization-basic",
                                                  "secrets/curl-basic-auth",
                                                  "secrets/sshpass-password",
                                                  "secrets/mysql-cli-password"};
  std::string id = core::starts_with(rule_id, "secrets/") ? std::string(rule_id)
                                                          : "secrets/" + std::string(rule_id);
  return std::find(std::begin(kGeneric), std::end(kGeneric), id) != std::end(kGeneric);
}

// Formats whose value is meant to ship in client code: a Sentry DSN with only its public key
// lets anyone send events, which is what it is for (one with a secret key is another format).
bool public_by_design(std::string_view rule_id) { return rule_id == "secrets/sentry-dsn"; }

bool illustrative_role(walk::PathRole role) {
  switch (role) {
    case walk::PathRole::kTest:
    case walk::PathRole::kFixture:
    case walk::PathRole::kExample:
    case walk::PathRole::kVendor:
    case walk::PathRole::kDocs:
      return true;
    default:
      return false;
  }
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool examples = context.profile() == model::Profile::kExamples;
  for (const auto& found : model.secret_findings) {
    walk::PathRole role = model.role_of(found.path);
    if (examples && role == walk::PathRole::kProduct) role = walk::PathRole::kExample;
    const model::SourceFile* file = model.file(found.path);
    bool env_template = file != nullptr && file->kind == walk::FileKind::kEnvTemplate;
    bool generic = generic_format(found.rule_id);
    bool made_up = generic && (illustrative_role(role) || env_template || found.declared_fake);
    std::string where =
        found.in_test_path               ? " (in a test path)"
        : found.declared_fake && made_up ? " (in a file that declares its keys made up)"
        : made_up
            ? " (in " + std::string(env_template ? "an env template" : walk::role_name(role)) +
                  " files, where such values are usually made up)"
            : "";
    context.report(
        found.description + " committed: " + found.redacted + where + " (" + found.rule_id + ")",
        found.path, found.line, found.column);
    // A provider's token in a test is still a leak (a warning); a value whose shape names no
    // issuer in a test or an illustrative file is almost always made up (info). A format whose
    // own severity is a warning (a generic password assignment, a public Sentry DSN, a JWT)
    // stays one elsewhere.
    Severity& severity = context.findings().back().severity;
    if (public_by_design(found.rule_id)) {
      severity = Severity::kInfo;
      context.findings().back().message += "; such a value is public by design";
    } else if (made_up || (generic && found.in_test_path)) {
      severity = Severity::kInfo;
    } else if (found.in_test_path || found.severity == golive::secrets::SecretSeverity::kWarning) {
      severity = Severity::kWarning;
    }
  }
}

// The formats table on the docs page comes from the detector's own rule table.
std::string formats_table() {
  std::string out =
      "## Formats\n\nEach format is a rule of `golive secrets`; suppress one with "
      "`golive:ignore secrets/<id> -- reason`.\n\n| id | what | severity |\n|---|---|---|\n";
  for (const auto& rule : golive::secrets::builtin_rules()) {
    out += "| `secrets/" + std::string(rule.id) + "` | " + std::string(rule.description) + " | " +
           (rule.severity == golive::secrets::SecretSeverity::kError ? "error" : "warning") +
           " |\n";
  }
  return out;
}

}  // namespace

extern const Rule kCommittedSecret;
const Rule kCommittedSecret{
    {.id = "secrets/committed-secret",
     .section = "secrets",
     .title = "No secret is committed to the working tree",
     .severity = Severity::kError,
     .seeds = "000 T022, 003 P2-05",
     .rationale =
         "A credential in a repository is readable by everyone with a clone, a fork or a CI log, "
         "and stays in the history after it is deleted. The detector matches over 100 credential "
         "formats in one pass, then keeps only values with the entropy of a real secret that are "
         "not placeholders (EXAMPLE, xxxx, ${VAR}, <your-token>). Secrets are reported in every "
         "file: test keys leak as easily. Each is reported at its format's own severity (the "
         "formats table below): provider tokens are errors, shapes that name no issuer "
         "(generic password and secret assignments, JWTs, bearer headers, public Sentry DSNs) "
         "are warnings. Where values are usually made up they are lowered: formats that name no "
         "issuer (private keys, passwords in URLs or assignments, JWTs) under test paths and in "
         "tests, fixtures, examples (every file of a repository whose profile is examples), "
         "vendored code, docs, env templates, and files that declare their keys made up "
         "(localhost.key, snakeoil.pem, a header saying 'test-only keys, not real "
         "credentials') are info; a provider's token under a test path is a warning. A "
         "provider's token (AKIA..., ghp_..., sk_live_...) outside test paths is an error, also "
         "in examples, docs and vendored code, and so is anything in a template that is "
         "deployed "
         "(a Helm chart's templates/). Run 'golive secrets --history' to look "
         "through every commit.",
     .remediation =
         "Rotate the secret first, since it is already exposed; then remove it, load it from the "
         "environment or a secrets manager, and purge it from history if the repository is "
         "public. Accept a false positive with 'golive:ignore secrets/<rule> -- reason' on its "
         "line or the line above.",
     .also = "gitleaks, trufflehog, detect-secrets, Nosey Parker"},
    check,
    formats_table};

}  // namespace golive::rules::secrets
