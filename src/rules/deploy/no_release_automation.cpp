#include <array>

#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// Configuration files of release and changelog tools, by file name.
constexpr auto kReleaseConfigs = std::to_array<std::string_view>({".release-please-manifest.json",
                                                                  "release-please-config.json",
                                                                  ".releaserc",
                                                                  ".releaserc.json",
                                                                  ".releaserc.yml",
                                                                  ".releaserc.yaml",
                                                                  ".releaserc.js",
                                                                  ".releaserc.cjs",
                                                                  "release.config.js",
                                                                  "release.config.cjs",
                                                                  "release.config.mjs",
                                                                  ".goreleaser.yml",
                                                                  ".goreleaser.yaml",
                                                                  "goreleaser.yml",
                                                                  "goreleaser.yaml",
                                                                  "cliff.toml",
                                                                  ".release-it.json",
                                                                  ".release-it.yml",
                                                                  ".release-it.yaml",
                                                                  ".versionrc",
                                                                  ".versionrc.json",
                                                                  ".cz.toml",
                                                                  ".cz.json",
                                                                  "release-drafter.yml"});

// npm packages that automate releases, as dev dependencies of package.json.
constexpr auto kReleasePackages = std::to_array<std::string_view>(
    {"semantic-release", "release-it", "@changesets/cli", "standard-version", "release-please",
     "commit-and-tag-version", "@release-it/conventional-changelog", "auto"});

bool is_release_config(std::string_view path) {
  if (path.rfind(".changeset/", 0) == 0 || path.find("/.changeset/") != std::string_view::npos)
    return true;
  if (path == ".github/release.yml" || path == ".github/release.yaml") return true;
  std::string_view name = base_name(path);
  for (std::string_view config : kReleaseConfigs) {
    if (name == config) return true;
  }
  return false;
}

bool npm_release_package(const model::RepoModel& model) {
  for (const auto& file : model.files) {
    if (base_name(file.path) != "package.json") continue;
    const parse::Node* document = model.yaml_document(file.path);
    if (document == nullptr) continue;
    const parse::Node& root = *document;
    for (std::string_view section : {"devDependencies", "dependencies"}) {
      const parse::Node* dependencies = root.is_map() ? root.find(section) : nullptr;
      if (dependencies == nullptr || !dependencies->is_map()) continue;
      for (std::string_view package : kReleasePackages) {
        if (dependencies->find(package) != nullptr) return true;
      }
    }
  }
  return false;
}

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
  for (const auto& file : model.files) {
    if (is_release_config(file.path)) return;
  }
  if (npm_release_package(model)) return;
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
