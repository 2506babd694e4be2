#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  const model::TextDocument* readme = root_readme(context.model());
  if (readme == nullptr) return context.not_applicable("no README at the root");
  if (heading_line_with(readme->text,
                        {"quickstart", "quick start", "getting started", "installation", "install",
                         "usage", "setup", "set-up", "running", "how to run", "build"}) > 0) {
    return;
  }
  context.report(
      "README has no quickstart section (no heading such as 'Quickstart', 'Getting started' "
      "or 'Usage')",
      readme->path, 1);
}

}  // namespace

extern const Rule kReadmeMissingQuickstart;
const Rule kReadmeMissingQuickstart{
    {.id = "docs/readme-missing-quickstart",
     .section = "docs",
     .title = "README has a quickstart",
     .severity = Severity::kWarning,
     .seeds = "000 T016, 000 T060, 000 T103",
     .rationale = "A reviewer must be able to follow the README from a clean machine to a running "
                  "service; the seeds verify readiness by having someone do exactly that.",
     .remediation =
         "Add a '## Quickstart' section to the README with the exact commands to install, "
         "configure, run and test the service.",
     .also = ""},
    check};

}  // namespace golive::rules::docs
