#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    for (const auto& job : workflow.jobs) {
      if (job.uses.empty()) continue;
      any = true;
      ActionRef ref = parse_uses(job.uses);
      if (ref.local || !job.secrets_inherit) continue;
      std::string owner = ref.name.substr(0, ref.name.find('/'));
      context.report(
          "job '" + job.id + "' passes every secret of the repository to " + job.uses +
              " with 'secrets: inherit', a workflow of " + owner + " outside this repository",
          workflow.path, job.secrets_line > 0 ? job.secrets_line : job.line, 0, job.uses);
    }
  }
  if (!any) context.not_applicable("no job calls a reusable workflow");
}

}  // namespace

extern const Rule kSecretsInheritThirdParty;
const Rule kSecretsInheritThirdParty{
    {.id = "supply-chain/secrets-inherit-third-party",
     .section = "supply-chain",
     .title = "Reusable workflows from elsewhere get only the secrets they need",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "'secrets: inherit' hands every repository, environment and organisation secret the "
         "caller can see to the called workflow. When that workflow lives in another "
         "repository, whoever can change it (or move the ref it is called at) can read them "
         "all, including deploy keys it never needed.",
     .remediation =
         "Replace 'secrets: inherit' with the secrets the workflow declares, e.g. 'secrets: { "
         "NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }', and call it at a full commit SHA.",
     .also = "zizmor secrets-inherit"},
    check};

}  // namespace golive::rules::supply_chain
