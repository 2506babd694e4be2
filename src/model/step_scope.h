#pragma once
// The steps that run with a workflow: its own, those of the local composite actions and reusable
// workflows it uses and, for a reusable workflow, those of its callers. Derived once per
// workflow (model/derived.h) and shared by every rule that asks whether a workflow scans,
// signs or attests what it builds.
#include <deque>
#include <string>
#include <vector>

#include "model/ci.h"

namespace golive::model {

struct RepoModel;

// A step where it is written.
struct StepAt {
  const Workflow* workflow = nullptr;  // nullptr for a GitLab include
  const Job* job = nullptr;            // nullptr for a GitLab include
  const Step* step = nullptr;
  std::string path;  // the file the step is written in
};

// A call of a remote reusable workflow and a GitLab include count as one step named after what
// they reference, with the kinds its name suggests (".../sast.yml" scans, "cosign" signs).
// Steps point into the model and into the scope itself, so a scope is neither copied nor moved.
class StepScope {
 public:
  StepScope(const RepoModel& model, const Workflow& workflow);
  StepScope(const StepScope&) = delete;
  StepScope& operator=(const StepScope&) = delete;
  StepScope(StepScope&&) = delete;
  StepScope& operator=(StepScope&&) = delete;
  ~StepScope() = default;

  [[nodiscard]] const std::vector<StepAt>& steps() const { return steps_; }
  [[nodiscard]] bool any(bool (*predicate)(const Step&)) const;

 private:
  void collect(const RepoModel& model, const Workflow& workflow);
  void add_gitlab_includes(const RepoModel& model, const Workflow& pipeline);

  std::deque<Step> owned_steps_;
  std::deque<Workflow> owned_workflows_;
  std::vector<std::string> visited_;
  std::vector<StepAt> steps_;
};

// A step of a CI workflow's job or of a local composite action.
struct StepSite {
  const Workflow* workflow = nullptr;  // nullptr for a composite action's step
  const Job* job = nullptr;            // nullptr for a composite action's step
  const CompositeAction* action = nullptr;
  const Step* step = nullptr;

  [[nodiscard]] const std::string& path() const;
  // "job 'build'" or "composite action .github/actions/setup"; for messages.
  [[nodiscard]] std::string owner() const;
};

// Steps of GitHub workflows and local composite actions (GitLab too when include_gitlab), in
// model order.
std::vector<StepSite> steps_of(const RepoModel& model, bool include_gitlab);

}  // namespace golive::model
