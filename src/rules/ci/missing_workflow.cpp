#include <array>

#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

// CI systems other than GitHub Actions, known by the file that configures them.
constexpr std::array<std::string_view, 8> kOtherCiFiles = {".gitlab-ci.yml",
                                                           ".circleci/config.yml",
                                                           "Jenkinsfile",
                                                           "azure-pipelines.yml",
                                                           ".travis.yml",
                                                           "bitbucket-pipelines.yml",
                                                           ".buildkite/pipeline.yml",
                                                           ".drone.yml"};

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!model.workflows.empty()) return;
  for (std::string_view path : kOtherCiFiles) {
    if (model.file(path) != nullptr) return;
  }
  std::string hint;
  if (auto disabled = model.files_of(walk::FileKind::kDisabledWorkflow); !disabled.empty()) {
    hint = " (" + disabled.front()->path + " is disabled)";
  }
  if (context.profile() == model::Profile::kService ||
      context.profile() == model::Profile::kApplication) {
    context.report("the repository has no CI workflow" + hint);
    return;
  }
  // Nothing here is deployed as a service (a library, a chart collection, examples): no CI is a
  // gap in practice, not a broken path to production.
  context.report("the repository has no CI workflow" + hint + " (profile " +
                 std::string(model::profile_name(context.profile())) + ")");
  context.findings().back().severity = Severity::kWarning;
}

}  // namespace

extern const Rule kMissingWorkflow;
const Rule kMissingWorkflow{
    {.id = "ci/missing-workflow",
     .section = "ci",
     .title = "A CI workflow exists",
     .severity = Severity::kError,
     .seeds = "000 T001, 001 T103, 003 P1-01",
     .rationale =
         "Without CI nothing proves that what is merged builds and passes its tests; every "
         "other gate (lint, scans, coverage) hangs on it. An error for a repository whose "
         "profile is service or application (deleting CI must never improve the verdict); a "
         "warning for a library, infrastructure, manifests or examples repository "
         "(docs/profiles.md).",
     .remediation =
         "Add .github/workflows/ci.yml that runs on pull_request and on pushes to main and "
         "runs the build, lint and tests of every part of the repository.",
     .also = "scorecard CI-Tests"},
    check};

}  // namespace golive::rules::ci
