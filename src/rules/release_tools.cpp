#include "rules/release_tools.h"

#include <array>

#include "core/paths.h"
#include "model/coverage.h"
#include "model/deploy_jobs.h"

namespace golive::rules {

using core::base_name;

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

}  // namespace

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

namespace {

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

}  // namespace

bool writes_release_notes(const model::RepoModel& model) {
  for (const auto& file : model.files) {
    if (is_release_config(file.path)) return true;
  }
  if (npm_release_package(model)) return true;
  for (const auto& command : model::ci_commands(model)) {
    if (command.text.find("--generate-notes") != std::string::npos ||
        command.text.find("generate_release_notes") != std::string::npos)
      return true;
  }
  return false;
}

bool cuts_releases(const model::RepoModel& model) {
  if (writes_release_notes(model)) return true;
  for (const auto& workflow : model.workflows) {
    if (workflow.trigger("release") != nullptr) return true;
    const model::Trigger* push = workflow.trigger("push");
    if (push != nullptr && push->has_tag_filter) return true;
    for (const auto& job : workflow.jobs) {
      for (const auto& step : job.steps) {
        if (step.is(model::StepKind::kRelease) || model::deploy::publishes_image(step)) return true;
      }
    }
  }
  for (const auto& command : model::ci_commands(model)) {
    for (std::string_view publish :
         {"npm publish", "yarn publish", "pnpm publish", "twine upload", "poetry publish",
          "uv publish", "flit publish", "cargo publish", "gh release create", "goreleaser",
          "docker push", "helm push", "chart-releaser", "cr upload", "mvn deploy",
          "gradlew publish", "gradle publish", "nuget push", "gem push"}) {
      if (command.text.find(publish) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace golive::rules
