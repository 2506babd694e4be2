#include <algorithm>
#include <map>
#include <set>

#include "core/strings.h"
#include "model/coverage.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

using model::CiCommand;
using model::StepKind;

// The gate kinds a command runs. An upload action (codecov, coveralls) is not a gate itself.
std::vector<StepKind> gates_of(const CiCommand& command) {
  std::vector<StepKind> out;
  for (const auto& r : command.kinds) {
    if (!model::is_gate_kind(r.kind)) continue;
    if (command.action && r.kind == StepKind::kCoverage) continue;
    if (std::find(out.begin(), out.end(), r.kind) == out.end()) out.push_back(r.kind);
  }
  return out;
}

std::string describe(const std::vector<StepKind>& kinds) {
  std::vector<std::string> names;
  for (StepKind kind : kinds) {
    std::string name(model::step_kind_name(kind));
    if (name == "image-build") name = "image build";
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (names.size() == 1) return names.front();
  std::string last = names.back();
  names.pop_back();
  return core::join(names, ", ") + " and " + last;
}

// A command that always succeeds: what '|| true' and friends end with.
bool swallows(std::string_view segment, bool after_semicolon) {
  std::string text(core::trim(segment));
  while (!text.empty() && (text.back() == ')' || text.back() == ' ')) text.pop_back();
  auto words = core::split(text, ' ');
  if (words.empty()) return false;
  const std::string& first = words.front();
  if (first == "true" || first == ":" || first == "/bin/true") return true;
  if (first == "exit") return words.size() > 1 && words[1] == "0";
  return !after_semicolon && (first == "echo" || first == "printf");
}

// True when a failure of segment index is swallowed later on its line.
bool swallowed(const CiCommand& command) {
  size_t j = command.segment;
  const auto& separators = command.separators;
  while (j < separators.size() && (separators[j] == "&&" || separators[j] == "|")) ++j;
  if (j + 1 >= command.segments.size()) return false;
  if (separators[j] == "||") return swallows(command.segments[j + 1], false);
  return separators[j] == ";" && j + 2 == command.segments.size() &&
         swallows(command.segments[j + 1], true);
}

// The line of key in the mapping at line under root's tree (a step), else fallback.
int key_line_in(const parse::Node* node, int line, std::string_view key, int fallback) {
  if (node == nullptr) return fallback;
  if (node->is_map() && node->mark.line == line) {
    if (const parse::Node* child = node->find(key)) return child->key_mark.line;
  }
  for (const auto& child : node->children) {
    int found = key_line_in(&child, line, key, 0);
    if (found > 0) return found;
  }
  return fallback;
}

std::string job_label(const model::Workflow& workflow, const model::Job& job) {
  return "job '" + job.id + "' in " + workflow.path;
}

// A later step of the same job fails the job when this one failed: 'if: steps.<id>.outcome ==
// 'failure'' with 'run: exit 1' (the step runs on, then the verdict is given after an auto-fix
// or a report step).
bool failure_reraised(const model::RepoModel& model, const model::Step& step) {
  if (step.id.empty()) return false;
  std::string outcome = "steps." + step.id + ".outcome";
  std::string conclusion = "steps." + step.id + ".conclusion";
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      bool after = false;
      for (const auto& later : job.steps) {
        if (&later == &step) {
          after = true;
          continue;
        }
        if (!after) continue;
        const std::string& condition = later.if_condition;
        bool checks =
            (core::contains(condition, outcome) || core::contains(condition, conclusion)) &&
            (core::contains(condition, "failure") || core::contains(condition, "!= 'success'"));
        if (checks && (core::contains(later.run, "exit 1") || core::trim(later.run) == "false"))
          return true;
      }
      if (after) return false;
    }
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& commands = model::ci_commands(model);
  std::map<const model::Job*, std::vector<StepKind>> job_gates;
  std::map<std::pair<const model::Step*, std::string>, std::vector<StepKind>> step_gates;
  std::set<std::pair<std::string, int>> reported;
  bool any_gate = false;
  for (const auto& command : commands) {
    auto gates = gates_of(command);
    if (gates.empty()) continue;
    any_gate = true;
    if (command.job != nullptr) {
      auto& kinds = job_gates[command.job];
      kinds.insert(kinds.end(), gates.begin(), gates.end());
    }
    if (command.step != nullptr) {
      auto& kinds = step_gates[{command.step, command.path}];
      kinds.insert(kinds.end(), gates.begin(), gates.end());
    }
    if (command.workflow_step != nullptr && command.workflow_step != command.step) {
      auto& kinds = step_gates[{command.workflow_step, command.workflow->path}];
      kinds.insert(kinds.end(), gates.begin(), gates.end());
    }
    if (command.action || !swallowed(command)) continue;
    if (!reported.insert({command.path, command.line}).second) continue;
    std::string where =
        command.path == command.workflow->path
            ? job_label(*command.workflow, *command.job)
            : command.path + " (used by " + job_label(*command.workflow, *command.job) + ")";
    context.report("'" + core::excerpt(command.line_text, 80) + "' in " + where + " ignores the " +
                       describe(gates) + " result",
                   command.path, command.line, 0, command.line_text);
  }
  if (!any_gate) {
    return context.not_applicable("no CI step runs tests, lint, type checks, builds or coverage");
  }
  for (const auto& workflow : model.workflows) {
    bool gitlab = workflow.system == model::CiSystem::kGitlabCi;
    for (const auto& job : workflow.jobs) {
      auto found = job_gates.find(&job);
      if (found == job_gates.end()) continue;
      std::string gates = describe(found->second);
      const parse::Node* node = model.job_node(workflow, job);
      if (job.continue_on_error) {
        const char* key = gitlab ? "allow_failure" : "continue-on-error";
        const parse::Node* value = node != nullptr ? node->find(key) : nullptr;
        // allow_failure: { exit_codes: [...] } lets only chosen exit codes pass: still a gate.
        if (value == nullptr || !value->is_map()) {
          context.report(job_label(workflow, job) + " runs " + gates + " with " + key +
                             ": true, so a failure never fails the " +
                             (gitlab ? "pipeline" : "workflow"),
                         workflow.path, value != nullptr ? value->key_mark.line : job.line);
        }
      }
      if (gitlab && job.manual) {
        const parse::Node* when = node != nullptr ? node->find("when") : nullptr;
        context.report(job_label(workflow, job) + " runs " + gates +
                           " only when started by hand (when: manual), so it never blocks the "
                           "pipeline",
                       workflow.path, when != nullptr ? when->key_mark.line : job.line);
      }
    }
  }
  for (const auto& [key, kinds] : step_gates) {
    const auto& [step, path] = key;
    if (!step->continue_on_error || failure_reraised(model, *step)) continue;
    int line = key_line_in(model.yaml_document(path), step->line, "continue-on-error", step->line);
    if (!reported.insert({path, line}).second) continue;
    context.report("step " + step->label() + " in " + path + " runs " + describe(kinds) +
                       " with continue-on-error: true, so a failure never fails the workflow",
                   path, line);
  }
}

}  // namespace

extern const Rule kNonBlockingGate;
const Rule kNonBlockingGate{
    {.id = "ci/non-blocking-gate",
     .section = "ci",
     .title = "Quality gates block the pipeline",
     .severity = Severity::kWarning,
     .seeds = "002 §6",
     .rationale =
         "A test, lint, type-check, build or coverage step that cannot fail is decoration: "
         "'|| true', continue-on-error and allow_failure keep the check green whatever happens, "
         "and a job that only runs by hand never runs on the pull request. A step with "
         "continue-on-error whose failure a later step turns back into one ('if: "
         "steps.<id>.outcome == 'failure'' with 'run: exit 1', after an auto-fix commit) "
         "still gates.",
     .remediation =
         "Let the gate fail the pipeline: drop '|| true' (or '|| echo ...', '|| exit 0') from "
         "the command, remove 'continue-on-error: true' from the step or job and "
         "'allow_failure: true' / 'when: manual' from the GitLab job, then fix or explicitly "
         "skip what fails. For an experimental matrix entry use "
         "'continue-on-error: ${{ matrix.experimental }}'.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
