#pragma once
// Shared by the workflow-hardening rules (pinning, permissions, injection, dangerous triggers):
// where steps are, what a `uses:` reference names, which ${{ }} contexts an attacker controls.
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/model.h"
#include "model/step_scope.h"

namespace golive::rules::supply_chain {

// A step and where it is written: a job of a workflow, or a local composite action.
// Steps of CI workflows and local composite actions: the model's (model/step_scope.h).
using model::steps_of;
using model::StepSite;
bool has_github_ci(const model::RepoModel& model);

// A `uses:` reference: owner/repo[/path]@ref, docker://image, or ./local.
struct ActionRef {
  std::string name;  // owner/repo[/path], lower-cased; docker image for docker://
  std::string ref;   // after the last '@', as written
  bool local = false;
  bool docker = false;
};
ActionRef parse_uses(std::string_view uses);
bool is_full_sha(std::string_view ref);
bool has_digest(std::string_view image);  // "...@sha256:<64 hex>"
// "branch", "tag", "short-sha", "sha" or "ref" (cannot tell) for an action's ref.
std::string_view ref_kind(std::string_view ref);
// True when the name is the action (or a sub-path of it): actions/checkout, actions/cache/restore.
bool action_is(const ActionRef& ref, std::string_view name);

// A ${{ ... }} expression in text: its inside, trimmed, and where the "${{" starts.
struct Expression {
  std::string inside;
  size_t offset = 0;
};
std::vector<Expression> expressions_in(std::string_view text);
// The attacker-controlled context an expression reads ("github.event.issue.title"), or "".
std::string untrusted_context(std::string_view expression);
// The untrusted context an env variable visible to the step holds (step, job, workflow env).
std::string untrusted_env(const StepSite& site, std::string_view name);

// One logical line of a script (backslash continuations joined) and the file line it starts on.
struct ScriptLine {
  std::string text;
  int line = 0;
};
std::vector<ScriptLine> script_lines(const model::Step& step);

// The workflow is run by an event from outside the repository's writers, with its secrets.
bool has_privileged_untrusted_trigger(const model::Workflow& workflow);

// Remembers what was reported so a step shared through a YAML anchor is reported once.
class Once {
 public:
  bool first(const std::string& file, int line, std::string_view what = "") {
    return seen_.emplace(file, line, std::string(what)).second;
  }

 private:
  std::set<std::tuple<std::string, int, std::string>> seen_;
};

}  // namespace golive::rules::supply_chain
