#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

void check(RuleContext& context) {
  auto disabled = context.model().files_of(walk::FileKind::kDisabledWorkflow);
  if (disabled.empty() && context.model().workflows.empty()) {
    return context.not_applicable("no GitHub workflows");
  }
  for (const auto* file : disabled) {
    context.report("workflow file is disabled by its name, so it never runs", file->path, 1);
  }
}

}  // namespace

extern const Rule kDisabledWorkflow;
const Rule kDisabledWorkflow{
    {.id = "ci/disabled-workflow",
     .section = "ci",
     .title = "No workflow is left disabled",
     .severity = Severity::kWarning,
     .seeds = "000 T001",
     .rationale =
         "A workflow renamed to *.yml.disabled usually held a gate (tests, security scans) that "
         "someone switched off while it was failing and never switched back on.",
     .remediation =
         "Fix and re-enable the workflow by renaming it back to .yml, or delete it if it is "
         "truly obsolete; GitHub can disable a workflow without renaming it.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
