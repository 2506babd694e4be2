#include <set>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"
#include "rules/supply-chain/update_config.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  std::set<std::string> ecosystems;
  for (const auto* manifest : updates::dependency_manifests(model))
    ecosystems.insert(manifest->name);
  if (ecosystems.empty()) {
    return context.not_applicable("no package manifests, so no third-party dependencies to scan");
  }
  if (model.workflows.empty()) {
    return context.not_applicable(
        "no GitHub Actions or GitLab CI pipelines (ci/missing-workflow reports that)");
  }
  if (gates::repository_runs(model, gates::is_sca)) return;
  gates::Anchor anchor = gates::ci_anchor(model);
  context.report(
      "no CI workflow scans the " + core::join({ecosystems.begin(), ecosystems.end()}, ", ") +
          " dependencies for known vulnerabilities (Dependabot alerts are not a CI gate)",
      anchor.path, anchor.line);
}

}  // namespace

extern const Rule kMissingSca;
const Rule kMissingSca{
    {.id = "supply-chain/missing-sca",
     .section = "supply-chain",
     .title = "CI scans dependencies for known vulnerabilities",
     .severity = Severity::kWarning,
     .seeds = "000 T010, 001 T112, 003 P2-04",
     .rationale =
         "Most vulnerable code in a service comes in through its dependencies. A software "
         "composition analysis step in CI stops a pull request that adds or keeps a dependency "
         "with a known CVE; Dependabot alerts only notify, after the merge, someone who may not "
         "look.",
     .remediation =
         "Add a dependency scan to the pull-request workflow, e.g. '- uses: "
         "actions/dependency-review-action@<sha>' on pull_request, or a step running "
         "'osv-scanner scan -r .', 'npm audit --audit-level=high', 'pip-audit' or 'govulncheck "
         "./...'; on GitLab include 'Jobs/Dependency-Scanning.gitlab-ci.yml'.",
     .also = "scorecard Vulnerabilities, GitLab Dependency Scanning"},
    check};

}  // namespace golive::rules::supply_chain
