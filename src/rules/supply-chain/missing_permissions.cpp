#include <algorithm>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// A reusable workflow runs with what its caller grants, so its caller is where to look.
bool only_called(const model::Workflow& workflow) {
  return !workflow.triggers.empty() &&
         std::all_of(workflow.triggers.begin(), workflow.triggers.end(),
                     [](const model::Trigger& t) { return t.event == "workflow_call"; });
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions || only_called(workflow)) continue;
    any = true;
    if (workflow.permissions) continue;
    std::vector<std::string> open;
    const model::Job* first = nullptr;
    for (const auto& job : workflow.jobs) {
      if (job.permissions) continue;
      if (first == nullptr) first = &job;
      open.push_back("'" + job.id + "'");
    }
    if (first == nullptr) continue;
    std::string jobs = open.size() == 1 ? "job " + open.front() : "jobs " + core::join(open, ", ");
    context.report("workflow " + workflow.path + " sets no top-level permissions and " + jobs +
                       (open.size() == 1 ? " sets" : " set") +
                       " none either, so the GITHUB_TOKEN gets the repository default "
                       "(write-all on older repositories)",
                   workflow.path, first->line);
  }
  if (!any) context.not_applicable("no GitHub workflow with its own triggers");
}

}  // namespace

extern const Rule kMissingPermissions;
const Rule kMissingPermissions{
    {.id = "supply-chain/missing-permissions",
     .section = "supply-chain",
     .title = "Workflows declare least-privilege permissions",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "Without a permissions block the GITHUB_TOKEN gets the repository's default, which "
         "is read-write on every scope for repositories and organisations created before "
         "2023. Any step that is compromised (a dependency's install script, an unpinned "
         "action) can then push code, cut releases or approve pull requests.",
     .remediation =
         "Add 'permissions: { contents: read }' at the top of the workflow and grant more only "
         "to the job that needs it, e.g. 'permissions: { contents: read, packages: write }' on "
         "the publish job; set the repository default to read-only under Settings > Actions.",
     .also = "scorecard Token-Permissions, zizmor excessive-permissions"},
    check};

}  // namespace golive::rules::supply_chain
