#pragma once
// CI pipelines as rules see them: GitHub Actions workflows and GitLab CI pipelines share one
// shape (workflow -> triggers -> jobs -> steps), so gate and deploy rules apply to both.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/step_kinds.h"

namespace golive::model {

enum class CiSystem { kGithubActions, kGitlabCi };

struct Trigger {
  std::string
      event;  // push, pull_request, workflow_dispatch, ... (GitLab MR pipelines: pull_request)
  int line = 0;
  std::vector<std::string> branches;  // branches or branches-ignore filters, as written
  std::vector<std::string> tags;      // tags or tags-ignore filters
  bool has_branch_filter = false;
  bool has_tag_filter = false;

  // A push trigger that filters only tags never runs for a branch push.
  [[nodiscard]] bool tags_only() const { return has_tag_filter && !has_branch_filter; }
};

struct Permissions {
  int line = 0;
  bool write_all = false;                     // "permissions: write-all"
  bool read_all = false;                      // "permissions: read-all"
  std::map<std::string, std::string> scopes;  // contents: read, id-token: write, ...
};

struct KeyValue {
  std::string key;
  std::string value;
  int line = 0;
};

struct Step {
  std::string id;
  std::string name;
  std::string uses;
  std::string run;
  std::string if_condition;
  int line = 0;
  int run_line = 0;  // where the run value starts (the "|" line of a block script; see script_line)
  bool continue_on_error = false;
  std::vector<KeyValue> with;
  std::vector<KeyValue> env;
  std::vector<StepRecognition> kinds;
  // Where things are written, for findings that point inside a step. The comment and the
  // script's first text line are read from the raw text (read_line_facts): YAML drops them.
  int uses_line = 0;         // the line of "uses:"
  std::string uses_comment;  // its trailing comment without '#': "v4.1.1" (GitHub, actions)
  int if_line = 0;
  int run_column = 0;               // where the run value starts ('|' or '>' of a block scalar)
  int script_line = 0;              // where the script text starts (the line after "run: |")
  bool script_lines_exact = false;  // line i of run is at script_line + i (literal block, 1 line)

  [[nodiscard]] bool is(StepKind kind) const;
  [[nodiscard]] const KeyValue* input(std::string_view key) const;
  // What to call the step in a message: its name, else its action or first command.
  [[nodiscard]] std::string label() const;
  // The file line of run's line at index (0-based), as exact as the script's style allows.
  [[nodiscard]] int run_line_at(size_t index) const;
};

struct ServiceImage {
  std::string name;
  std::string image;
  int line = 0;
  std::vector<KeyValue> credentials =
      {};  // GitHub container/services credentials: username, password
};

struct Job {
  std::string id;
  std::string name;
  std::string uses;   // a reusable workflow call (GitHub)
  std::string stage;  // GitLab
  int line = 0;
  bool continue_on_error = false;  // GitHub continue-on-error, GitLab allow_failure
  bool manual = false;             // GitLab when: manual
  bool secrets_inherit = false;
  std::string if_condition;
  std::string runs_on;
  std::string environment;  // deployment environment name
  int environment_line = 0;
  std::vector<std::string> needs;
  std::optional<Permissions> permissions;
  std::vector<std::string> matrix_keys;
  std::optional<ServiceImage> container;
  std::vector<ServiceImage> services;
  std::vector<KeyValue> with;  // inputs of a reusable workflow call
  std::vector<Step> steps;
  int uses_line = 0;
  std::string uses_comment;  // trailing comment of the "uses:" line (read_line_facts)
  int if_line = 0;
  int secrets_line = 0;
  std::vector<KeyValue> env;  // the job's own env (GitHub)

  [[nodiscard]] bool has_step(StepKind kind) const;
};

struct Workflow {
  CiSystem system = CiSystem::kGithubActions;
  std::string path;
  std::string name;
  int line = 0;
  std::vector<Trigger> triggers;
  std::optional<Permissions> permissions;
  std::vector<KeyValue> env;
  std::vector<Job> jobs;

  [[nodiscard]] const Trigger* trigger(std::string_view event) const;
  [[nodiscard]] const Job* job(std::string_view id) const;
  // The jobs a job needs, directly or through others, in no particular order.
  [[nodiscard]] std::vector<const Job*> upstream_of(const Job& start) const;
  [[nodiscard]] bool is_reusable() const { return trigger("workflow_call") != nullptr; }
};

// A local composite action (action.yml with runs.using: composite).
struct CompositeAction {
  std::string path;       // path of action.yml
  std::string directory;  // what "uses: ./<directory>" names
  std::vector<Step> steps;
};

}  // namespace golive::model
