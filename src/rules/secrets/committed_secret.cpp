#include "rules/rule.h"
#include "secrets/rules.h"

namespace golive::rules::secrets {
namespace {

void check(RuleContext& context) {
  for (const auto& found : context.model().secret_findings) {
    context.report(found.description + " committed: " + found.redacted +
                       (found.in_test_path ? " (in a test path)" : "") + " (" + found.rule_id + ")",
                   found.path, found.line, found.column);
    // Test keys are reported but do not block: they are usually fakes, sometimes not.
    if (found.in_test_path) context.findings().back().severity = Severity::kWarning;
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
         "not placeholders (EXAMPLE, xxxx, ${VAR}, <your-token>). Findings under test and "
         "fixture paths are reported too: test keys leak as easily. Run 'golive secrets "
         "--history' to look through every commit.",
     .remediation =
         "Rotate the secret first, since it is already exposed; then remove it, load it from the "
         "environment or a secrets manager, and purge it from history if the repository is "
         "public. Accept a false positive with 'golive:ignore secrets/<rule> -- reason' on its "
         "line or the line above.",
     .also = "gitleaks, trufflehog, detect-secrets, Nosey Parker"},
    check,
    formats_table};

}  // namespace golive::rules::secrets
