#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    any = true;
    bool untrusted = has_privileged_untrusted_trigger(workflow);
    std::string why = untrusted ? ", in a workflow that runs for outside contributors' events" : "";
    if (workflow.permissions && workflow.permissions->write_all) {
      context.report("workflow " + workflow.path +
                         " grants 'permissions: write-all' to every job's GITHUB_TOKEN" + why,
                     workflow.path, workflow.permissions->line);
    }
    for (const auto& job : workflow.jobs) {
      if (job.permissions && job.permissions->write_all) {
        context.report(
            "job '" + job.id + "' grants 'permissions: write-all' to its GITHUB_TOKEN" + why,
            workflow.path, job.permissions->line);
      }
    }
  }
  if (!any) context.not_applicable("no GitHub workflows");
}

}  // namespace

extern const Rule kWriteAllPermissions;
const Rule kWriteAllPermissions{
    {.id = "supply-chain/write-all-permissions",
     .section = "supply-chain",
     .title = "No workflow or job grants write-all",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "'permissions: write-all' gives the GITHUB_TOKEN write access to contents, packages, "
         "actions, deployments, pull requests and more. No job needs all of them, and every "
         "step of the job (third-party actions and build scripts included) can use the token.",
     .remediation =
         "Replace 'permissions: write-all' with the scopes the job uses, e.g. 'permissions: { "
         "contents: write }' for a release job or 'permissions: { contents: read, packages: "
         "write, id-token: write }' for an image push with keyless signing.",
     .also = "scorecard Token-Permissions, zizmor excessive-permissions"},
    check};

}  // namespace golive::rules::supply_chain
