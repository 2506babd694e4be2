#include <set>
#include <utility>

#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// The first job of a reusable workflow call that deploys without declaring an environment.
const model::Job* callee_job_without_environment(const DeployJob& deploy) {
  for (const model::Job* job : deploy.callee_jobs) {
    if (job->environment.empty()) return job;
  }
  return nullptr;
}

using Reported = std::set<std::pair<std::string, int>>;

void check_github(RuleContext& context, const DeployJob& deploy, const Target& target,
                  Reported& reported) {
  if (deploy.callee == nullptr) {
    if (!deploy.job->uses.empty() || !deploy.job->environment.empty()) return;
    if (!reported.insert({deploy.workflow->path, deploy.job->line}).second) return;
    context.report(deploy.describe() + " deploys to " + target_text(target) +
                       " with no environment, so no approval rule can protect it; add " +
                       approval_snippet(*deploy.workflow, "production"),
                   deploy.workflow->path, deploy.job->line, 0, target.name);
    return;
  }
  const model::Job* inner = callee_job_without_environment(deploy);
  // A reusable workflow that can also be dispatched by hand is reported once.
  if (inner == nullptr || !reported.insert({deploy.callee->path, inner->line}).second) return;
  context.report("job '" + inner->id + "' in " + deploy.callee->path + ", called by " +
                     deploy.describe() + ", deploys to " + target_text(target) +
                     " with no environment; add 'environment: ${{ inputs.environment }}' to it",
                 deploy.callee->path, inner->line, 0, target.name);
}

void check_gitlab(RuleContext& context, const DeployJob& deploy, const Target& target) {
  const Schedule& schedule = deploy.schedule;
  if (!schedule.on_main_push && !schedule.on_release) return;
  context.report(deploy.describe() + " deploys to " + target_text(target) +
                     " automatically, with no 'when: manual' gate",
                 deploy.workflow->path, deploy.job->line, 0, target.name);
}

void check(RuleContext& context) {
  bool any = false;
  Reported reported;
  for (const auto& deploy : context.model().deploy_jobs()) {
    const Target* target = deploy.target(Tier::kProduction);
    if (target == nullptr) continue;
    any = true;
    if (deploy.workflow->system == model::CiSystem::kGitlabCi) {
      check_gitlab(context, deploy, *target);
    } else {
      check_github(context, deploy, *target, reported);
    }
  }
  if (!any) context.not_applicable("no CI job deploys to production");
}

}  // namespace

extern const Rule kProductionWithoutApproval;
const Rule kProductionWithoutApproval{
    {.id = "deploy/production-without-approval",
     .section = "deploy",
     .title = "Production deploys wait for an approval",
     .severity = Severity::kWarning,
     .seeds = "001 T105, 004 T023",
     .rationale =
         "A production deploy nobody approves ships whatever reached the branch or tag, at "
         "whatever time. In GitHub Actions approvals (required reviewers, wait timers, branch "
         "rules) are environment protection rules: they live in the repository settings, which "
         "golive cannot read, and they only apply to a job that names the environment, so an "
         "'environment:' on the production job is the evidence golive checks; make sure the "
         "environment really has required reviewers. In GitLab CI the evidence is a manual job "
         "('when: manual'). A production deploy is known by its environment (production, prod, "
         "live), its job name or its command arguments (--namespace production, "
         "values-prod.yaml).",
     .remediation =
         "GitHub: add 'environment: { name: production, url: https://<your production URL> }' "
         "to the production deploy job (for a reusable deploy workflow, 'environment: ${{ "
         "inputs.environment }}' on its job) and add required reviewers to the production "
         "environment in Settings > Environments. GitLab: add 'when: manual' to the production "
         "job (or to its rule) and protect the production environment.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
