#include <algorithm>

#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// A step that checks the deployed service: a smoke test, a health probe, post-deploy tests.
bool checks_service(const model::Step& step) {
  if (step.is(model::StepKind::kSmokeTest) || step.is(model::StepKind::kLoadTest) ||
      step.is(model::StepKind::kTest)) {
    return true;
  }
  std::string name = core::to_lower(step.name);
  for (std::string_view word : {"smoke", "health", "sanity"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool any = false;
  for (const auto& deploy : model.deploy_jobs()) {
    // Per pull request previews are not what goes live.
    bool preview_only = !deploy.targets.empty() &&
                        std::all_of(deploy.targets.begin(), deploy.targets.end(),
                                    [](const Target& t) { return t.tier == Tier::kPreview; });
    if (preview_only) continue;
    any = true;
    auto after = steps_after(model, deploy);
    if (std::any_of(after.begin(), after.end(),
                    [](const model::Step* step) { return checks_service(*step); })) {
      continue;
    }
    std::string path = deploy.workflow->path;
    int line = deploy.job->line;
    std::string how;
    if (deploy.callee != nullptr) {
      how = " through " + deploy.callee->path;
    } else if (!deploy.steps.empty()) {
      const DeployStep& last = deploy.steps.back();
      line = last.line;
      how = " with '" + core::excerpt(last.command, 60) + "'";
    }
    context.report(
        deploy.describe() + " deploys" + how + " but no smoke test checks the service afterwards",
        path, line);
  }
  if (!any) context.not_applicable("no CI job deploys");
}

}  // namespace

extern const Rule kNoSmokeTest;
const Rule kNoSmokeTest{
    {.id = "deploy/no-smoke-test",
     .section = "deploy",
     .title = "Deploys are followed by a smoke test",
     .severity = Severity::kWarning,
     .seeds = "000 T040, 000 T013, 004 T023",
     .rationale =
         "A deploy that succeeded only says the manifests were applied; a smoke test (a request "
         "to the health endpoint, a few critical API calls) after it says the service actually "
         "answers, and is what triggers a rollback when it does not. golive looks after the "
         "deploy step in the same job and in the jobs that need it (in GitLab CI, later "
         "stages) for a smoke test (a 'smoke' script, curl to /health or /healthz, helm test, "
         "k6), a step named smoke or health check, or tests run against the deployment.",
     .remediation =
         "Add a step after the deploy, e.g. '- name: Smoke test' with 'run: curl --fail --retry 10 "
         "--retry-delay 6 https://staging.example.com/healthz' (or 'helm test <release>'), or a "
         "'smoke' job with 'needs: [deploy]'; GitLab: a job in a stage after deploy.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
