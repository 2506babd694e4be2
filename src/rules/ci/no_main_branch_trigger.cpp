#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

bool runs_on_branch_push(const model::Workflow& workflow) {
  const model::Trigger* push = workflow.trigger("push");
  return push != nullptr && !push->tags_only();
}

void check(RuleContext& context) {
  const auto& workflows = context.model().workflows;
  if (workflows.empty()) return context.not_applicable("no GitHub workflows");
  for (const auto& workflow : workflows) {
    if (runs_on_branch_push(workflow) || workflow.trigger("merge_group") != nullptr) {
      return;
    }
  }
  const auto& first = workflows.front();
  context.report("no workflow runs on push, so main itself is never checked after a merge",
                 first.path, first.triggers.empty() ? first.line : first.triggers.front().line);
}

}  // namespace

extern const Rule kNoMainBranchTrigger;
const Rule kNoMainBranchTrigger{
    {.id = "ci/no-main-branch-trigger",
     .section = "ci",
     .title = "CI runs on the main branch",
     .severity = Severity::kWarning,
     .seeds = "000 T001, 003 P1-01",
     .rationale =
         "Two pull requests that pass alone can break main together; running CI on main after "
         "each merge catches it before a deploy picks the commit up.",
     .remediation = "Add 'push: { branches: [main] }' to the 'on:' triggers of the CI workflow.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
