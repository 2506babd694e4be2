#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_inheritable_community_doc(context, {"CODE_OF_CONDUCT", "CODE-OF-CONDUCT", "CONDUCT"},
                                    "CODE_OF_CONDUCT");
}

}  // namespace

extern const Rule kMissingCodeOfConduct;
const Rule kMissingCodeOfConduct{
    {.id = "docs/missing-code-of-conduct",
     .section = "docs",
     .title = "Repository has a CODE_OF_CONDUCT",
     .severity = Severity::kInfo,
     .seeds = "000 T016",
     .rationale = "An open-source launch is expected to state the behaviour the project expects "
                  "and how to report abuse. On GitHub the owner's .github "
                  "repository may provide the file for all its repositories; golive cannot see "
                  "it, so in a repository with a .github/ folder a missing file is unverified.",
     .remediation = "Add CODE_OF_CONDUCT.md (for example the Contributor Covenant) with a contact "
                    "for reports.",
     .also = "repolinter code-of-conduct-file-exists"},
    check};

}  // namespace golive::rules::docs
