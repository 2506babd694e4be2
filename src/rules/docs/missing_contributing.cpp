#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_inheritable_community_doc(context, {"CONTRIBUTING"}, "CONTRIBUTING guide");
}

}  // namespace

extern const Rule kMissingContributing;
const Rule kMissingContributing{
    {.id = "docs/missing-contributing",
     .section = "docs",
     .title = "Repository has a CONTRIBUTING guide",
     .severity = Severity::kInfo,
     .seeds = "000 T016, 000 T060",
     .rationale = "Contributors, including engineers from other teams fixing an incident, need to "
                  "know how to build, test and propose a change. On GitHub the owner's .github "
                  "repository may provide the file for all its repositories; golive cannot see "
                  "it, so in a repository with a .github/ folder a missing file is unverified.",
     .remediation = "Add CONTRIBUTING.md (root, docs/ or .github/) with how to set up, test, and "
                    "open a pull request.",
     .also = "repolinter contributing-file-exists"},
    check};

}  // namespace golive::rules::docs
