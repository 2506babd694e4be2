#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_inheritable_community_doc(context, {"SECURITY"}, "SECURITY policy (SECURITY.md)");
}

}  // namespace

extern const Rule kMissingSecurityPolicy;
const Rule kMissingSecurityPolicy{
    {.id = "docs/missing-security-policy",
     .section = "docs",
     .title = "Repository has a SECURITY policy",
     .severity = Severity::kWarning,
     .seeds = "001 T113, 000 T060",
     .rationale = "Researchers and users who find a vulnerability need a private way to report it; "
                  "without one, reports arrive as public issues. On GitHub the owner's .github "
                  "repository may provide the file for all its repositories; golive cannot see "
                  "it, so in a repository with a .github/ folder a missing file is unverified.",
     .remediation = "Add SECURITY.md (root, docs/ or .github/) saying which versions are supported "
                    "and how to report a vulnerability privately.",
     .also = "scorecard Security-Policy"},
    check};

}  // namespace golive::rules::docs
