#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty()) {
    return context.not_applicable(
        "no GitHub Actions or GitLab CI pipelines (ci/missing-workflow reports that)");
  }
  if (gates::repository_runs(model, gates::is_secret_scan)) return;
  gates::Anchor anchor = gates::ci_anchor(model);
  context.report(
      "no CI workflow scans for committed secrets (gitleaks, trufflehog, detect-secrets)",
      anchor.path, anchor.line);
}

}  // namespace

extern const Rule kMissingSecretScanning;
const Rule kMissingSecretScanning{
    {.id = "supply-chain/missing-secret-scanning",
     .section = "supply-chain",
     .title = "CI scans for committed secrets",
     .severity = Severity::kWarning,
     .seeds = "000 T010, 003 P2-05, 004 T046",
     .rationale =
         "A token pushed in a commit is exposed to everyone with read access, and to the world "
         "once the repository is public or forked; a secret scan on every push and pull request "
         "catches it while it can still be rotated quietly, and a pre-commit hook alone is "
         "skipped with --no-verify.",
     .remediation =
         "Add a job that checks out with 'fetch-depth: 0' and runs '- uses: "
         "gitleaks/gitleaks-action@<sha>' (or 'trufflehog git file://. --since-commit "
         "${{ github.event.pull_request.base.sha }} --fail'); on GitLab include "
         "'Jobs/Secret-Detection.gitlab-ci.yml'. GitHub's own secret scanning and push "
         "protection are repository settings no file shows: if they are on, record a waiver.",
     .also = "GitLab Secret Detection, GitHub secret scanning"},
    check};

}  // namespace golive::rules::supply_chain
