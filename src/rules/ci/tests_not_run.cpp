#include <algorithm>
#include <string>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "model/coverage.h"
#include "rules/rule.h"
#include "walk/roles.h"

namespace golive::rules::ci {
namespace {

// The directories that hold test files, sorted, so that a project's are found by binary search.
std::vector<std::string> test_directories(const model::RepoModel& model) {
  std::vector<std::string> out;
  for (const auto& file : model.files) {
    if (walk::is_test_role(file.role)) out.emplace_back(core::directory_name(file.path));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has_tests(const std::vector<std::string>& test_directories, const model::Project& project) {
  if (project.directory == "." || project.directory.empty()) return !test_directories.empty();
  // The directory itself, or the first one below it ("api/" sorts after "api-gateway/").
  if (std::binary_search(test_directories.begin(), test_directories.end(), project.directory))
    return true;
  std::string below = project.directory + "/";
  auto first = std::lower_bound(test_directories.begin(), test_directories.end(), below);
  return first != test_directories.end() && core::starts_with(*first, below);
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& projects = model::gate_projects(model);
  if (projects.empty())
    return context.not_applicable("no package manifest with source code of its own");
  std::string opaque = model::opaque_ci_text(model.opaque_ci());
  const std::vector<std::string> tested_directories = test_directories(model);
  for (const auto& project : projects) {
    bool tested = model::any_command_covers(model, project, model::StepKind::kTest);
    if (tested) continue;
    std::string subject = "the " + project.ecosystem + " project " + model::project_place(project);
    int line = model::script_line(model, project, "test");
    if (!has_tests(tested_directories, project)) {
      // Nothing to run: the gap is the tests themselves, a practice rather than a defect.
      context.report(subject + " has no tests (no test files) and no test step in CI",
                     project.manifest, line);
      context.findings().back().severity = Severity::kInfo;
    } else if (!opaque.empty()) {
      context.unverified(subject + " has tests but no test step golive can see; " + opaque +
                             ". Name where they run in .golive.yml (a waiver with the reason) "
                             "or run them in a workflow golive reads",
                         project.manifest, line);
    } else {
      context.report(subject + " has tests but no test step in CI", project.manifest, line);
    }
  }
}

}  // namespace

extern const Rule kTestsNotRun;
const Rule kTestsNotRun{
    {.id = "ci/tests-not-run",
     .section = "ci",
     .title = "CI runs the tests of every project",
     .severity = Severity::kWarning,
     .seeds = "001 T103, 002 §6, 003 P1-01",
     .rationale =
         "A project whose tests never run in CI can be merged broken: the green check on the "
         "pull request only speaks for the parts of the repository it exercised. In a monorepo "
         "the service nobody wired into CI is the one that breaks in production. A project "
         "with tests that no CI step runs is a warning (a gap in the process, not a defect in "
         "what is deployed); a project without any test file is info (there is nothing to run "
         "yet). When CI calls a remote reusable workflow or "
         "include, or the repository also has CI golive does not read (Jenkins, Travis, "
         "CircleCI, Prow's OWNERS, ...), the tests may run there: the check is unverified, "
         "never an error.",
     .remediation =
         "Add a test step for the project to the CI workflow that runs on pull requests, in its "
         "directory, e.g. '- run: npm test' with 'working-directory: services/web', "
         "'- run: pytest' with 'working-directory: services/api', or 'go test ./...'; a "
         "'make test' or 'ctest' that covers the directory counts too.",
     .also = "scorecard CI-Tests"},
    check};

}  // namespace golive::rules::ci
