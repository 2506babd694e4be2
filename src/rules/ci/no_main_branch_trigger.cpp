#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

// The settings under 'on: push:', or nullptr when the trigger has none.
const parse::Node* push_settings(const model::RepoModel& model, const model::Workflow& workflow) {
  for (const auto& set : model.yaml_files) {
    if (set.path != workflow.path || set.documents.empty()) continue;
    const parse::Node* on = set.documents.front().find("on");
    if (on == nullptr) on = set.documents.front().find("true");
    return on == nullptr ? nullptr : on->find("push");
  }
  return nullptr;
}

// GitHub runs a push trigger that filters only tags for tag pushes alone, never for a branch.
bool runs_on_branch_push(const model::RepoModel& model, const model::Workflow& workflow) {
  if (workflow.trigger("push") == nullptr) return false;
  const parse::Node* push = push_settings(model, workflow);
  if (push == nullptr) return true;
  bool tags = push->find("tags") != nullptr || push->find("tags-ignore") != nullptr;
  bool branches = push->find("branches") != nullptr || push->find("branches-ignore") != nullptr;
  return !tags || branches;
}

void check(RuleContext& context) {
  const auto& workflows = context.model().workflows;
  if (workflows.empty()) return context.not_applicable("no GitHub workflows");
  for (const auto& workflow : workflows) {
    if (runs_on_branch_push(context.model(), workflow) ||
        workflow.trigger("merge_group") != nullptr) {
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
