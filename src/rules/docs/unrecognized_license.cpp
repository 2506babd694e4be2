#include "model/license_id.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  const model::TextDocument* license = model::root_license(context.model());
  if (license == nullptr) return context.not_applicable("no LICENSE file");
  if (!model::spdx_id_of(license->text).empty()) return;
  context.report(
      "the license text matches no known SPDX license; reviewers cannot tell its terms at a glance",
      license->path, 1);
}

}  // namespace

extern const Rule kUnrecognizedLicense;
const Rule kUnrecognizedLicense{
    {.id = "docs/unrecognized-license",
     .section = "docs",
     .title = "LICENSE is a recognisable SPDX license",
     .severity = Severity::kInfo,
     .seeds = "000 T016",
     .rationale =
         "A license review goes quickly when the text is a standard license; a modified or "
         "custom text needs a lawyer's reading before launch.",
     .remediation =
         "Use the unmodified text of a standard license, or add an 'SPDX-License-Identifier:' "
         "line naming it.",
     .also = "scorecard License"},
    check};

}  // namespace golive::rules::docs
