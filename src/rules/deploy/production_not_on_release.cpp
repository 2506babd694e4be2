#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& deploy : context.model().deploy_jobs()) {
    const Target* target = deploy.target(Tier::kProduction);
    if (target == nullptr) continue;
    any = true;
    if (!deploy.schedule.on_main_push) continue;
    std::string note = deploy.declares_environment()
                           ? " (an environment approval may hold it, but every merge still "
                             "queues a production deploy)"
                           : "";
    context.report(deploy.describe() + " deploys to " + target_text(*target) + " " +
                       deploy.schedule.main_evidence +
                       " rather than on a release tag or a manual promotion" + note,
                   deploy.workflow->path, deploy.job->line, 0, target->name);
  }
  if (!any) context.not_applicable("no CI job deploys to production");
}

}  // namespace

extern const Rule kProductionNotOnRelease;
const Rule kProductionNotOnRelease{
    {.id = "deploy/production-not-on-release",
     .section = "deploy",
     .title = "Production is deployed from a release, not from every merge",
     .severity = Severity::kWarning,
     .seeds = "001 T105, 004 T023, 000 T013",
     .rationale =
         "When every push to main goes to production, production runs whatever was merged last, "
         "untested in staging and unnamed; a release tag (or a deliberate manual promotion) "
         "says which version production runs, gives it a changelog and a version to roll back "
         "to. golive reads the workflow triggers (push with a tags filter, release, "
         "workflow_dispatch) and the job's if: (startsWith(github.ref, 'refs/tags/')), or in "
         "GitLab CI the job's rules ($CI_COMMIT_TAG, when: manual) and only: tags.",
     .remediation =
         "Run the production job on release tags: 'on: { push: { tags: [\"v*\"] } }' or 'on: { "
         "release: { types: [published] } }', or gate it with 'if: startsWith(github.ref, "
         "'refs/tags/v')' (GitLab: 'rules: [{ if: $CI_COMMIT_TAG }]'), or make it a manual "
         "promotion (workflow_dispatch, GitLab 'when: manual'); keep the automatic deploy on "
         "main for staging.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
