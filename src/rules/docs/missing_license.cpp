#include "model/license_id.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  if (model::root_license(context.model()) == nullptr) {
    context.report("the repository has no LICENSE file at its root");
  }
}

}  // namespace

extern const Rule kMissingLicense;
const Rule kMissingLicense{
    {.id = "docs/missing-license",
     .section = "docs",
     .title = "Repository has a LICENSE",
     .severity = Severity::kWarning,
     .seeds = "000 T016, 000 T060",
     .rationale =
         "Without a license nobody, including the company's own other teams and auditors, knows "
         "on what terms the code may be used; a license review is part of going live.",
     .remediation = "Add a LICENSE file at the root with the full text of the chosen license (for "
                    "example MIT or Apache-2.0), or a proprietary notice for closed code.",
     .also = "scorecard License"},
    check};

}  // namespace golive::rules::docs
