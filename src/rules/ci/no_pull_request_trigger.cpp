#include <vector>

#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

void check(RuleContext& context) {
  const auto& workflows = context.model().workflows;
  if (workflows.empty()) return context.not_applicable("no GitHub workflows");
  for (const auto& workflow : workflows) {
    if (workflow.trigger("pull_request") != nullptr ||
        workflow.trigger("pull_request_target") != nullptr ||
        workflow.trigger("merge_group") != nullptr) {
      return;
    }
  }
  const auto& first = workflows.front();
  int line = first.triggers.empty() ? first.line : first.triggers.front().line;
  // Pull requests may be checked by a CI system golive does not read (Prow, Jenkins, ...).
  std::vector<model::OpaqueCi> foreign;
  for (const auto& opaque : context.model().opaque_ci()) {
    if (context.model().workflow_at(opaque.path) == nullptr) foreign.push_back(opaque);
  }
  if (!foreign.empty()) {
    return context.unverified("no workflow golive reads runs on pull_request; " +
                                  model::opaque_ci_text(foreign) + ", and it may check them",
                              first.path, line);
  }
  context.report("no workflow runs on pull_request, so changes are merged unchecked", first.path,
                 line);
}

}  // namespace

extern const Rule kNoPullRequestTrigger;
const Rule kNoPullRequestTrigger{
    {.id = "ci/no-pull-request-trigger",
     .section = "ci",
     .title = "CI runs on pull requests",
     .severity = Severity::kError,
     .seeds = "000 T010, 003 P1-01",
     .rationale = "Gates that run only after merge find problems once they are already on main; a "
                  "required check on every pull request stops them before.",
     .remediation =
         "Add 'pull_request:' to the 'on:' triggers of the CI workflow and make its jobs "
         "required status checks in the branch protection of main.",
     .also = "scorecard CI-Tests"},
    check};

}  // namespace golive::rules::ci
