#include <algorithm>

#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

std::string when_it_runs(const Schedule& schedule) {
  if (schedule.on_release && schedule.manual) return "only on release tags or by hand";
  if (schedule.on_release) return "only on release tags";
  if (schedule.manual) return "only when started by hand";
  return "but never on a push to main";
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty()) return context.not_applicable("no CI workflow");
  const auto& jobs = model.deploy_jobs();
  if (jobs.empty()) return context.not_applicable("no CI job deploys");
  bool previews_only = std::all_of(jobs.begin(), jobs.end(), [](const DeployJob& job) {
    return !job.targets.empty() &&
           std::all_of(job.targets.begin(), job.targets.end(),
                       [](const Target& t) { return t.tier == Tier::kPreview; });
  });
  if (previews_only) return context.not_applicable("CI deploys only pull request previews");
  const DeployJob* staging = nullptr;
  for (const auto& job : jobs) {
    if (!job.deploys_to(Tier::kStaging)) continue;
    if (job.schedule.on_main_push) return;
    if (staging == nullptr) staging = &job;
  }
  if (staging != nullptr) {
    const Target* target = staging->target(Tier::kStaging);
    context.report(staging->describe() + " deploys to " + target_text(*target) + " " +
                       when_it_runs(staging->schedule) +
                       ", so what is merged to main is not deployed to staging",
                   staging->workflow->path, staging->job->line);
    return;
  }
  const DeployJob* anchor = &jobs.front();
  for (const auto& job : jobs) {
    if (job.deploys_to(Tier::kProduction)) {
      anchor = &job;
      break;
    }
  }
  const Target* shown = anchor->target(Tier::kProduction);
  if (shown == nullptr && !anchor->targets.empty()) shown = &anchor->targets.front();
  std::string where =
      " (" + anchor->describe() + " deploys to " +
      (shown != nullptr ? target_text(*shown) : "an environment golive cannot name") + ")";
  context.report("no job deploys to a staging environment on pushes to main" + where,
                 anchor->workflow->path, anchor->job->line);
}

}  // namespace

extern const Rule kNoStagingDeploy;
const Rule kNoStagingDeploy{
    {.id = "deploy/no-staging-deploy",
     .section = "deploy",
     .title = "Merges to main deploy to staging",
     .severity = Severity::kWarning,
     .seeds = "001 T104, 004 T019, 000 T013",
     .rationale =
         "A staging environment that every merge to main reaches is where a release is "
         "exercised before production; when staging is updated by hand or only on release "
         "tags, production receives changes nobody has run anywhere else. golive knows a "
         "staging deploy by its environment (staging, stage, preprod, uat, qa, dev, test), its "
         "job name or its command arguments (--namespace staging, -f values-staging.yaml), and "
         "a push to main by the workflow triggers (push or workflow_run on main, master or "
         "develop) and the job's if:, or in GitLab CI by rules on the default branch.",
     .remediation =
         "Add a job that runs on 'push: { branches: [main] }' (GitLab: 'rules: [{ if: "
         "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH }]') with 'environment: { name: staging, url: "
         "https://staging.example.com }' and deploys the image built from that commit, e.g. "
         "'helm upgrade --install app ./chart -f values-staging.yaml --namespace staging "
         "--atomic --wait'.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
