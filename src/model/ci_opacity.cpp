#include "model/ci_opacity.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

#include "core/glob.h"
#include "core/paths.h"
#include "core/strings.h"
#include "model/model.h"
#include "model/workflows.h"

namespace golive::model {
namespace {

// CI configuration of systems whose pipelines golive does not read, by path glob.
struct ForeignCi {
  std::string_view glob;
  std::string_view what;
};
constexpr auto kForeignCi = std::to_array<ForeignCi>({
    {"Jenkinsfile", "the Jenkins pipeline"},
    {"**/Jenkinsfile", "the Jenkins pipeline"},
    {".travis.yml", "the Travis CI pipeline"},
    {".circleci/config.yml", "the CircleCI pipeline"},
    {"azure-pipelines.yml", "the Azure Pipelines pipeline"},
    {".azure-pipelines/*.yml", "the Azure Pipelines pipeline"},
    {"bitbucket-pipelines.yml", "the Bitbucket Pipelines pipeline"},
    {"cloudbuild.yaml", "the Google Cloud Build pipeline"},
    {"cloudbuild.yml", "the Google Cloud Build pipeline"},
    {".buildkite/pipeline.yml", "the Buildkite pipeline"},
    {".drone.yml", "the Drone pipeline"},
    {".woodpecker.yml", "the Woodpecker pipeline"},
    {".woodpecker/*.yml", "the Woodpecker pipeline"},
    {"appveyor.yml", "the AppVeyor pipeline"},
    {".cirrus.yml", "the Cirrus CI pipeline"},
    {".semaphore/semaphore.yml", "the Semaphore pipeline"},
    {".tekton/*.yaml", "the Tekton pipeline"},
    {".prow.yaml", "the Prow pipeline"},
    {"OWNERS",
     "Prow jobs (an OWNERS file: their presubmits live in the org's test-infra repository)"},
});

bool scanner_template(std::string_view name) {
  std::string lower = core::to_lower(name);
  for (std::string_view part : {"security/", "sast", "secret-detection", "dependency-scanning",
                                "container-scanning", "code-quality", "license-scanning", "dast"}) {
    if (core::contains(lower, part)) return true;
  }
  return false;
}

// A workflow that checks changes: it runs on pull requests, merge queues or pushes.
bool checks_changes(const Workflow& workflow) {
  for (std::string_view event : {"pull_request", "pull_request_target", "merge_group", "push"}) {
    if (workflow.trigger(event) != nullptr) return true;
  }
  return false;
}

// An OWNERS file means Prow only with another sign of it: OWNERS_ALIASES, a .prow.yaml, or a
// document that mentions Prow (the badge and "/test" commands in a README or CONTRIBUTING).
bool prow_in_use(const RepoModel& model) {
  if (model.file("OWNERS_ALIASES") != nullptr || model.file(".prow.yaml") != nullptr) return true;
  return std::any_of(model.docs.begin(), model.docs.end(),
                     [](const TextDocument& doc) { return core::contains_ci(doc.text, "prow"); });
}

void add_gitlab_includes(const RepoModel& model, const Workflow& pipeline,
                         std::vector<OpaqueCi>& out) {
  const parse::Node* root = model.yaml_document(pipeline.path);
  if (root == nullptr) return;
  for (const parse::Node* item : gitlab_include_entries(*root)) {
    if (item->is_scalar()) {
      if (core::contains(item->value, "://"))
        out.push_back({pipeline.path, item->mark.line, "the remote include " + item->value});
      continue;
    }
    if (!item->is_map()) continue;
    for (const char* key : {"template", "component", "remote", "project"}) {
      const parse::Node* value = item->find(key);
      if (value == nullptr || !value->is_scalar()) continue;
      // GitLab's own scanner templates (Security/SAST.gitlab-ci.yml, Jobs/Code-Quality...) run
      // scanners, not the project's tests or checks.
      if (std::string_view(key) == "template" && scanner_template(value->value)) continue;
      std::string what = std::string(key) == "project"
                             ? "files of the GitLab project " + value->value
                             : "the " + std::string(key) + " " + value->value;
      out.push_back({pipeline.path, value->mark.line, "the include of " + what});
    }
  }
}

}  // namespace

std::vector<OpaqueCi> find_opaque_ci(const RepoModel& model) {
  std::vector<OpaqueCi> out;
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.uses.empty() || core::starts_with(job.uses, "./") || !checks_changes(workflow))
        continue;
      out.push_back({workflow.path, job.uses_line > 0 ? job.uses_line : job.line,
                     "the remote reusable workflow " + job.uses});
    }
    if (workflow.system == CiSystem::kGitlabCi) add_gitlab_includes(model, workflow, out);
  }
  bool prow = prow_in_use(model);
  for (const auto& file : model.files) {
    if (file.role != walk::PathRole::kProduct && file.role != walk::PathRole::kTooling) continue;
    if (file.size < 16) continue;  // an empty or stub file configures nothing
    for (const auto& foreign : kForeignCi) {
      if (!core::glob_match(foreign.glob, file.path)) continue;
      if (foreign.glob == "OWNERS" && !prow) break;
      out.push_back({file.path, 1, std::string(foreign.what)});
      break;
    }
  }
  std::sort(out.begin(), out.end(), [](const OpaqueCi& a, const OpaqueCi& b) {
    return std::tie(a.path, a.line, a.what) < std::tie(b.path, b.line, b.what);
  });
  return out;
}

std::string opaque_ci_text(const std::vector<OpaqueCi>& opaque) {
  if (opaque.empty()) return "";
  const OpaqueCi& first = opaque.front();
  std::string text =
      "CI also runs " + first.what + " (" + first.path + ":" + std::to_string(first.line) + ")";
  if (opaque.size() > 1)
    text += " and " + std::to_string(opaque.size() - 1) + " more golive cannot read";
  else
    text += ", which golive cannot read";
  return text;
}

}  // namespace golive::model
