#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  if (root_readme(context.model()) != nullptr) return;
  context.report("the repository has no README at its root");
}

}  // namespace

extern const Rule kMissingReadme;
const Rule kMissingReadme{
    {.id = "docs/missing-readme",
     .section = "docs",
     .title = "Repository has a README",
     .severity = Severity::kWarning,
     .seeds = "000 T016, 000 T060",
     .rationale =
         "The README is the first thing an operator or a new engineer opens during an incident or "
         "an onboarding; without it nobody knows what the service is or how to run it.",
     .remediation =
         "Add README.md at the repository root: what the service does, a quickstart, how to "
         "test and deploy it, and where its runbooks live.",
     .also = "scorecard (none), repolinter readme-file-exists"},
    check};

}  // namespace golive::rules::docs
