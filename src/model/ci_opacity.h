#pragma once
// Where CI evidence may sit that golive cannot read: calls of remote reusable workflows, GitLab
// includes of other projects, templates, components and URLs, and the configuration of CI
// systems golive does not parse yet (Jenkins, Travis, CircleCI, Prow, ...). A rule that finds
// no evidence of a practice says "unverified" rather than "missing" when any of these could
// hold it (RuleContext::unverified).
#include <string>
#include <vector>

namespace golive::model {

struct RepoModel;

struct OpaqueCi {
  std::string path;  // where it is written (the CI file, or the unread CI config itself)
  int line = 0;
  std::string what;  // "the remote reusable workflow org/ci/.github/workflows/test.yml@v2"
};

// Derived once (RepoModel::opaque_ci); in path and line order.
std::vector<OpaqueCi> find_opaque_ci(const RepoModel& model);

// "CI also runs X (path:line), which golive cannot read", for messages; "" when none.
std::string opaque_ci_text(const std::vector<OpaqueCi>& opaque);

}  // namespace golive::model
