#include <array>

#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "rules/common.h"
#include "rules/release_tools.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

bool release_step(const std::vector<model::Step>& steps) {
  for (const auto& step : steps) {
    if (step.is(model::StepKind::kRelease)) return true;
  }
  return false;
}

// GitLab's release: keyword makes a job publish a release.
bool gitlab_release_job(const model::RepoModel& model, const model::Workflow& workflow) {
  const parse::Node* root = model.yaml_document(workflow.path);
  if (root == nullptr || !root->is_map()) return false;
  for (const auto& child : root->children) {
    if (child.is_map() && child.find("release") != nullptr) return true;
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty()) return context.not_applicable("no CI workflow");
  if (model.deployables().empty() && model.deploy_jobs().empty())
    return context.not_applicable("nothing is deployed");
  if (writes_release_notes(model)) return;
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (release_step(job.steps)) return;
    }
    if (workflow.system == model::CiSystem::kGitlabCi && gitlab_release_job(model, workflow))
      return;
  }
  for (const auto& action : model.actions) {
    if (release_step(action.steps)) return;
  }
  context.report(
      "no release or changelog automation: no release-please, semantic-release, changesets, "
      "goreleaser or git-cliff configuration and no CI step that creates a release");
}

}  // namespace

extern const Rule kNoReleaseAutomation;
const Rule kNoReleaseAutomation{
    {.id = "deploy/no-release-automation",
     .section = "deploy",
     .title = "Releases and their changelog are automated",
     .severity = Severity::kInfo,
     .seeds = "000 T061, 003 P6-05",
     .rationale =
         "Releases cut by hand drift: versions are skipped, tags point at the wrong commit and "
         "the changelog is written from memory, which makes it hard to say what production "
         "runs and what a rollback undoes. Release automation derives the version and the "
         "changelog from the merged pull requests or conventional commits. golive looks for "
         "the configuration of release-please, semantic-release, changesets, goreleaser, "
         "git-cliff, release-it, commitizen or GitHub's generated release notes "
         "(.github/release.yml), and for CI steps that create releases (release actions, gh "
         "release create, GitLab's release: keyword). Info: a hand-written CHANGELOG and "
         "manual tags can be enough for a small service.",
     .remediation =
         "Add release automation, e.g. release-please: a workflow on 'push: { branches: [main] "
         "}' with 'uses: googleapis/release-please-action@<sha>' and 'with: { release-type: "
         "node }' plus release-please-config.json, or semantic-release with a .releaserc; for Go "
         "binaries goreleaser, for monorepos changesets. At least add .github/release.yml so "
         "GitHub generates release notes from labelled pull requests.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
