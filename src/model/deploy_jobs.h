#pragma once
// What the deploy rules share: which CI jobs deploy, to which environments, and when they run.
// Computed from model.workflows (GitHub Actions and GitLab CI share one shape) and, for what
// the CI model flattens (matrix values, workflow_dispatch options, GitLab rules and stages),
// from the parsed YAML the model keeps. Rules read the answers; none of this reads files.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "parse/shell.h"

namespace golive::model::deploy {

// What an environment is for, from its name: "production", "prod-eu", "values-staging.yaml".
enum class Tier { kUnknown, kPreview, kStaging, kProduction };

std::string_view tier_name(Tier tier);
// Classifies a name by its words (split on punctuation and camel case): prod, production, prd,
// live -> production; staging, stage, stg, preprod, uat, qa, dev, test, sandbox -> staging;
// review, preview, pr -> preview. In a job or step name "test" is what the job does, not where
// it deploys ("build-test-deploy"), so job_name ignores it.
Tier classify_name(std::string_view name, bool job_name = false);

// Where a deploy goes and how golive knows.
struct Target {
  Tier tier = Tier::kUnknown;
  std::string name;    // the environment name or the word that revealed it
  std::string source;  // "environment", "input", "job name", "step name", "command argument"
};

// How a message names a target: "environment 'prod-eu'", "production (job name 'deploy-prod')".
std::string target_text(const Target& target);

// When a job runs, after its workflow triggers, its own `if:` and those of the jobs it needs.
struct Schedule {
  bool on_main_push = false;  // automatically after a push or merge to the main branch
  bool on_release = false;    // on a release tag or a published release
  bool manual = false;        // started by a person: workflow_dispatch, GitLab when: manual
  std::string main_evidence;  // "push to main", "every pipeline", ...
};

// A deploy step and where it is written.
struct DeployStep {
  const model::Step* step = nullptr;
  const model::Job* job = nullptr;  // the job that holds the step (the callee's for a call)
  std::string path;                 // the file that holds the step
  size_t index = 0;                 // the step's index in its job
  std::string command;              // the deploy command or action, for messages
  int line = 0;                     // the line of that command
};

struct DeployJob {
  const model::Workflow* workflow = nullptr;  // where the job is written
  const model::Job* job = nullptr;
  // For a job that calls a local reusable workflow: that workflow and its deploying jobs.
  const model::Workflow* callee = nullptr;
  std::vector<const model::Job*> callee_jobs;
  std::vector<DeployStep> steps;  // in order; empty when only an environment says it deploys
  std::vector<Target> targets;
  Schedule schedule;

  [[nodiscard]] bool deploys_to(Tier tier) const;
  [[nodiscard]] const Target* target(Tier tier) const;
  // "job 'deploy' in .github/workflows/cd.yml"
  [[nodiscard]] std::string describe() const;
  // The environment names this job declares (its own, or its callee jobs'); GitLab and GitHub.
  [[nodiscard]] bool declares_environment() const;
};

// Every job that deploys: a recognised deploy step (helm, kubectl apply, argocd sync, ...), a
// deployment `environment:` (not github-pages, pypi and the like), a GitLab deploy-stage job, or
// a call of a reusable workflow that deploys. Jobs of a reusable workflow are reported through
// their callers; a reusable workflow that can also be dispatched by hand is listed on its own.
std::vector<DeployJob> find_deploy_jobs(const model::RepoModel& model);

// True when a step deploys: a deploy command in its script or in an input of the action it
// uses, a deploy action, or a local composite action with such a step.
bool is_deploy_step(const model::RepoModel& model, const model::Step& step);
// True when a line of script deploys; a dry run, a `kubectl rollout status` check, an echo or a
// comment does not.
bool is_deploy_line(std::string_view line);

// Jobs that run after job: those that need it (transitively) and, in GitLab, jobs without
// `needs:` in a later stage.
std::vector<const model::Job*> downstream_of(const model::RepoModel& model,
                                             const model::Workflow& workflow,
                                             const model::Job& job);
// Jobs that run before job: what it needs (transitively) and, in GitLab without `needs:`, the
// jobs of earlier stages.
std::vector<const model::Job*> upstream_of(const model::RepoModel& model,
                                           const model::Workflow& workflow, const model::Job& job);

// The steps that run after a deploy job deploys: the rest of each deploying job (all of it when
// only an environment says it deploys), then the jobs downstream of it (in the reusable
// workflow it calls and in its own workflow).
std::vector<const model::Step*> steps_after(const model::RepoModel& model, const DeployJob& deploy);
// The steps that run before it deploys: those before the first deploy step of each deploying
// job, then the jobs upstream of it.
std::vector<const model::Step*> steps_before(const model::RepoModel& model,
                                             const DeployJob& deploy);

// Files that say the repository ships something to run somewhere, best evidence first:
// Helm charts, Kustomize, Kubernetes manifests, Terraform, Dockerfiles (not dev containers,
// tests, examples or docs).
struct Deployable {
  std::string what;  // "a Helm chart", "Kubernetes manifests", ...
  std::string path;
  int line = 1;
};
std::vector<Deployable> find_deployables(const model::RepoModel& model);

// True when a step pushes a container image to a registry (docker push, build-push-action with
// push: true, kaniko, ko, ...): the hand-off to a deploy that lives elsewhere.
bool publishes_image(const model::Step& step);
// True when the repository builds container images (a Dockerfile or an image build step).
bool builds_images(const model::RepoModel& model);

// The YAML snippet that gives a GitHub job a protected environment or a GitLab job a manual
// gate, for messages.
std::string approval_snippet(const model::Workflow& workflow, std::string_view environment);

}  // namespace golive::model::deploy
