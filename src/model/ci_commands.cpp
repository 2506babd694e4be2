#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "model/ci_expressions.h"
#include "model/ci_internal.h"
#include "model/coverage.h"
#include "model/invocations.h"
#include "model/model.h"
#include "parse/shell.h"
#include "parse/yaml.h"

namespace golive::model {
namespace {

using core::base_name;
using core::starts_with;

// The values of ${{ }} names in scope at a step (model/ci_expressions.h).
using Vars = ExpressionValues;

void add_unique(std::vector<StepRecognition>& out, const StepRecognition& recognition) {
  for (const auto& existing : out) {
    if (existing.kind == recognition.kind && existing.ecosystem == recognition.ecosystem) return;
  }
  out.push_back(recognition);
}

// A generic coverage recognition in the same command as tests of an ecosystem measures them.
void assign_coverage_ecosystem(std::vector<StepRecognition>& kinds) {
  auto generic = std::find_if(kinds.begin(), kinds.end(), [](const StepRecognition& r) {
    return r.kind == StepKind::kCoverage && r.ecosystem.empty();
  });
  if (generic == kinds.end()) return;
  StepRecognition coverage = *generic;
  std::vector<std::string> ecosystems;
  for (const auto& r : kinds) {
    if (r.kind == StepKind::kTest && !r.ecosystem.empty()) ecosystems.push_back(r.ecosystem);
  }
  if (ecosystems.empty()) return;
  kinds.erase(generic);
  for (const auto& ecosystem : ecosystems) {
    coverage.ecosystem = ecosystem;
    add_unique(kinds, coverage);
  }
}

std::string join_directory(std::string_view base, std::string_view relative) {
  if (base == "*" || base == "/") return std::string(base);
  return normalise_directory(std::string(base) + "/" + std::string(relative));
}

// A directory as a step or cd names it, against the directory it is relative to.
std::string resolve_directory(std::string_view base, std::string target) {
  for (std::string_view root : {"$github_workspace", "${github_workspace}", "$ci_project_dir",
                                "${ci_project_dir}", "$pwd", "${pwd}"}) {
    std::string lower = core::to_lower(target);
    if (starts_with(lower, root)) {
      target = target.substr(root.size());
      base = ".";
      while (!target.empty() && target.front() == '/') target.erase(0, 1);
      break;
    }
  }
  if (target.find('$') != std::string::npos || target.find('`') != std::string::npos ||
      target.find('*') != std::string::npos) {
    return "*";
  }
  if (target.empty()) return std::string(base);
  if (target.front() == '/' || target.front() == '~' || target == "-") return "/";
  return join_directory(base, target);
}

std::vector<std::string> resolve_all(const std::vector<std::string>& bases, std::string_view target,
                                     const Vars& vars) {
  std::vector<std::string> out;
  for (const auto& expanded : expand_expressions(target, vars, UnknownExpression::kAnything)) {
    for (const auto& base : bases) {
      std::string resolved = expanded == "*" ? "*" : resolve_directory(base, expanded);
      if (std::find(out.begin(), out.end(), resolved) == out.end()) out.push_back(resolved);
    }
  }
  return out;
}

const parse::Node* document_of(const RepoModel& model, std::string_view path) {
  const parse::Node* document = model.yaml_document(path);
  return document != nullptr && document->is_map() ? document : nullptr;
}

std::string default_directory(const parse::Node* node) {
  if (node == nullptr) return "";
  const parse::Node* defaults = node->find("defaults");
  const parse::Node* run = defaults != nullptr ? defaults->find("run") : nullptr;
  return run != nullptr ? run->get("working-directory") : "";
}

void add_env(Vars& vars, const std::vector<KeyValue>& env) {
  for (const auto& kv : env) vars["env." + core::to_lower(kv.key)] = {kv.value};
}

std::string strip_local(std::string_view uses) {
  std::string out(uses);
  while (starts_with(out, "./")) out.erase(0, 2);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

class Reader {
 public:
  explicit Reader(const RepoModel& model) : model_(model) {
    for (const auto& script : model_.coverage.scripts) {
      scripts_[{script.runner, normalise_directory(script.directory)}].push_back(&script);
    }
  }

  std::vector<CiCommand> read() {
    for (const auto& workflow : model_.workflows) read_workflow(workflow);
    return std::move(out_);
  }

 private:
  const TaskScript* find_script(std::string_view runner, std::string_view directory,
                                std::string_view name) const {
    auto place = scripts_.find({std::string(runner), std::string(directory)});
    if (place == scripts_.end()) return nullptr;
    for (const TaskScript* script : place->second) {
      if (name.empty() || script->name == name) return script;
    }
    return nullptr;
  }

  // The shell script at path, run from directory ('./scripts/test.sh' in services/api).
  const TaskScript* find_shell_script(std::string_view directory, std::string_view path) const {
    std::string full = core::normalize_path(std::string(directory) + "/" + std::string(path));
    return find_script("sh", normalise_directory(core::directory_name(full)),
                       core::base_name(full));
  }

  // What a script text does, run in directories.
  void script_kinds(std::string_view text, const std::vector<std::string>& directories, int depth,
                    std::set<std::string>& visiting, std::vector<StepRecognition>& out) {
    for (std::string_view line : core::split_lines(text)) {
      std::string_view trimmed = core::trim(line);
      if (trimmed.empty() || trimmed.front() == '#') continue;
      std::vector<std::string> current = directories;
      for (const auto& segment : parse::split_segments(trimmed)) {
        auto w = parse::command_words(segment.text);
        if (!w.empty() && (w[0] == "cd" || w[0] == "pushd")) {
          current = resolve_all(current, w.size() > 1 ? w[1] : "~", {});
          continue;
        }
        for (const auto& r : segment_kinds(segment.text, current, depth, visiting, nullptr))
          add_unique(out, r);
      }
    }
  }

  std::vector<StepRecognition> segment_kinds(const std::string& segment,
                                             const std::vector<std::string>& directories, int depth,
                                             std::set<std::string>& visiting,
                                             std::vector<std::string>* effective) {
    std::vector<StepRecognition> base = recognise_step("", segment);  // lower-cases itself
    auto invocation = parse_invocation(parse::command_words(segment));
    if (!invocation) {
      if (effective != nullptr) *effective = directories;
      assign_coverage_ecosystem(base);
      return base;
    }
    std::vector<std::string> where = directories;
    if (!invocation->directory.empty()) where = resolve_all(directories, invocation->directory, {});
    if (effective != nullptr) *effective = where;
    if (invocation->runner == "make" && !invocation->build_like) {
      base.erase(std::remove_if(base.begin(), base.end(),
                                [](const StepRecognition& r) {
                                  return r.kind == StepKind::kBuild && r.ecosystem.empty();
                                }),
                 base.end());
    }
    std::vector<StepRecognition> resolved;
    bool found = false;
    bool all_stubs = true;
    if (depth < 4) {
      std::vector<std::string> names = invocation->names;
      if (names.empty()) names.emplace_back("");  // make's default goal
      for (const auto& directory : where) {
        if (directory == "*" || directory == "/") continue;
        for (const auto& name : names) {
          const TaskScript* script = invocation->runner == "sh"
                                         ? find_shell_script(directory, name)
                                         : find_script(invocation->runner, directory, name);
          if (script == nullptr) continue;
          found = true;
          all_stubs = all_stubs && invocation->runner == "npm" && is_stub(script->command);
          resolve(*script, directory, depth, visiting, resolved);
          if (invocation->runner == "npm") {
            for (const char* hook : {"pre", "post"}) {
              if (const TaskScript* extra = find_script("npm", directory, hook + name))
                resolve(*extra, directory, depth, visiting, resolved);
            }
          }
        }
      }
    }
    if (found && all_stubs) {
      base.clear();
    } else if (found) {
      base.erase(std::remove_if(base.begin(), base.end(),
                                [&](const StepRecognition& r) {
                                  return r.ecosystem.empty() &&
                                         std::any_of(resolved.begin(), resolved.end(),
                                                     [&](const StepRecognition& other) {
                                                       return other.kind == r.kind;
                                                     });
                                }),
                 base.end());
    }
    for (const auto& r : resolved) add_unique(base, r);
    assign_coverage_ecosystem(base);
    return base;
  }

  void resolve(const TaskScript& script, const std::string& directory, int depth,
               std::set<std::string>& visiting, std::vector<StepRecognition>& out) {
    std::string key = script.runner + ":" + script.path + ":" + script.name;
    if (!visiting.insert(key).second) return;
    script_kinds(script.command, {directory}, depth + 1, visiting, out);
    for (const auto& prerequisite : script.prerequisites) {
      if (const TaskScript* other = find_script("make", directory, prerequisite))
        resolve(*other, directory, depth + 1, visiting, out);
    }
    visiting.erase(key);
  }

  struct Context {
    const Workflow* workflow = nullptr;
    const Job* job = nullptr;
    const Step* workflow_step = nullptr;
  };

  void add_run(const Context& context, const Step& step, const std::string& path,
               std::vector<std::string>& directories, const Vars& vars) {
    for (const parse::LogicalLine& line : parse::logical_lines(step.run)) {
      const std::string& logical = line.text;
      std::string_view trimmed = logical;
      auto segments = parse::split_segments(logical);
      std::vector<std::string> lowered;
      std::vector<std::string> separators;
      for (const auto& segment : segments) {
        lowered.push_back(core::to_lower(segment.text));
        separators.push_back(segment.separator);
      }
      for (size_t k = 0; k < segments.size(); ++k) {
        const std::string& lower = lowered[k];
        auto w = parse::command_words(segments[k].text);
        if (!w.empty() && (w[0] == "cd" || w[0] == "pushd")) {
          directories = resolve_all(directories, w.size() > 1 ? w[1] : "~", vars);
          continue;
        }
        if (!w.empty() && w[0] == "popd") continue;
        size_t physical = line.physical_line_at(segments[k].offset);
        CiCommand command;
        command.workflow = context.workflow;
        command.job = context.job;
        command.step = &step;
        command.workflow_step = context.workflow_step;
        command.path = path;
        command.line = step.run_line_at(physical);
        command.text = lower;
        command.line_text = std::string(trimmed);
        command.segments = lowered;
        command.separators = separators;
        command.segment = k;
        std::set<std::string> visiting;
        command.kinds =
            segment_kinds(segments[k].text, directories, 0, visiting, &command.directories);
        out_.push_back(std::move(command));
      }
    }
  }

  void add_uses(const Context& context, const Step& step, const std::string& path,
                const Vars& vars) {
    CiCommand command;
    command.workflow = context.workflow;
    command.job = context.job;
    command.step = &step;
    command.workflow_step = context.workflow_step;
    command.path = path;
    command.line = step.uses_line > 0 ? step.uses_line : step.line;
    command.text = core::to_lower(step.uses);
    std::string directory;
    for (const auto& input : step.with) {
      // Each value an expression may take ("file: ${{ matrix.image.file }}"), "*" when unknown.
      std::vector<std::string> values{input.value};
      if (input.value.find("${{") != std::string::npos)
        values = expand_expressions(input.value, vars, UnknownExpression::kAnything);
      for (const auto& value : values)
        command.text += " " + core::to_lower(input.key) + "=" + core::to_lower(value);
      if (input.key == "working-directory" || input.key == "working_directory" ||
          input.key == "workdir" || input.key == "directory")
        directory = input.value;
    }
    command.line_text = step.uses;
    command.segments = {command.text};
    command.separators = {""};
    command.directories =
        directory.empty() ? std::vector<std::string>{"."} : resolve_all({"."}, directory, vars);
    command.kinds = step.kinds;
    command.action = true;
    out_.push_back(std::move(command));
  }

  void add_composite(const Context& context, const CompositeAction& action, const Step& caller,
                     const Vars& caller_vars) {
    const parse::Node* root = document_of(model_, action.path);
    Vars vars;
    add_input_values(vars, root != nullptr ? root->find("inputs") : nullptr);
    for (const auto& input : caller.with) {
      std::vector<std::string> values;
      for (const auto& value :
           expand_expressions(input.value, caller_vars, UnknownExpression::kAnything))
        values.push_back(value);
      vars["inputs." + core::to_lower(input.key)] = values;
    }
    for (const auto& [key, values] : caller_vars) {
      if (starts_with(key, "env.") || starts_with(key, "matrix.")) vars.emplace(key, values);
    }
    vars["github.workspace"] = {"."};
    const parse::Node* runs = root != nullptr ? root->find("runs") : nullptr;
    const parse::Node* steps = runs != nullptr ? runs->find("steps") : nullptr;
    for (const auto& step : action.steps) {
      const parse::Node* node = nullptr;
      if (steps != nullptr) {
        for (const auto& item : steps->children) {
          if (item.mark.line == step.line) node = &item;
        }
      }
      std::string template_directory = node != nullptr ? node->get("working-directory") : "";
      std::vector<std::string> directories = template_directory.empty()
                                                 ? std::vector<std::string>{"."}
                                                 : resolve_all({"."}, template_directory, vars);
      if (!step.uses.empty()) add_uses(context, step, action.path, vars);
      if (!step.run.empty()) add_run(context, step, action.path, directories, vars);
    }
  }

  Vars workflow_vars(const Workflow& workflow, const parse::Node* root) {
    Vars vars;
    vars["github.workspace"] = {"."};
    add_env(vars, workflow.env);
    if (!workflow.is_reusable() || root == nullptr) return vars;
    const parse::Node* on = root->find("on");
    if (on == nullptr) on = root->find("true");
    const parse::Node* call = on != nullptr ? on->find("workflow_call") : nullptr;
    add_input_values(vars, call != nullptr ? call->find("inputs") : nullptr);
    for (const auto& caller : model_.workflows) {
      for (const auto& job : caller.jobs) {
        if (job.uses.empty() || strip_local(job.uses) != workflow.path) continue;
        for (const auto& input : job.with) {
          auto& values = vars["inputs." + core::to_lower(input.key)];
          if (std::find(values.begin(), values.end(), input.value) == values.end())
            values.push_back(input.value);
        }
      }
    }
    return vars;
  }

  void add_remote_workflow(const Workflow& workflow, const Job& job) {
    std::string name = core::to_lower(job.uses.substr(0, job.uses.find('@')));
    std::string file(base_name(name));
    CiCommand command;
    command.workflow = &workflow;
    command.job = &job;
    command.path = workflow.path;
    command.line = job.uses_line > 0 ? job.uses_line : job.line;
    command.text = core::to_lower(job.uses);
    command.line_text = job.uses;
    command.segments = {command.text};
    command.separators = {""};
    command.directories = {"*"};
    command.action = true;
    const std::pair<const char*, StepKind> kind_words[] = {{"test", StepKind::kTest},
                                                           {"lint", StepKind::kLint},
                                                           {"build", StepKind::kBuild},
                                                           {"coverage", StepKind::kCoverage}};
    for (const auto& [word, kind] : kind_words) {
      if (file.find(word) != std::string::npos) command.kinds.push_back({kind, "", job.uses});
    }
    if (!command.kinds.empty()) out_.push_back(std::move(command));
  }

  void read_workflow(const Workflow& workflow) {
    const parse::Node* root = document_of(model_, workflow.path);
    bool gitlab = workflow.system == CiSystem::kGitlabCi;
    Vars base_vars = workflow_vars(workflow, root);
    std::string workflow_default = gitlab ? "" : default_directory(root);
    const parse::Node* jobs = root != nullptr && !gitlab ? root->find("jobs") : nullptr;
    for (const auto& job : workflow.jobs) {
      const parse::Node* job_node = gitlab ? (root != nullptr ? root->find(job.id) : nullptr)
                                           : (jobs != nullptr ? jobs->find(job.id) : nullptr);
      if (!job.uses.empty() && !starts_with(job.uses, "./")) add_remote_workflow(workflow, job);
      Vars job_vars = base_vars;
      add_matrix_values(job_vars, job_node);
      add_env(job_vars, job.env);
      std::string job_default = default_directory(job_node);
      if (job_default.empty()) job_default = workflow_default;
      const parse::Node* steps = job_node != nullptr ? job_node->find("steps") : nullptr;
      std::vector<std::string> shell_directories = {"."};  // GitLab: one shell for the job
      for (const auto& step : job.steps) {
        Context context{&workflow, &job, &step};
        Vars vars = job_vars;
        add_env(vars, step.env);
        if (!gitlab) {
          const parse::Node* node = nullptr;
          if (steps != nullptr) {
            for (const auto& item : steps->children) {
              if (item.mark.line == step.line) node = &item;
            }
          }
          std::string directory = node != nullptr ? node->get("working-directory") : "";
          if (directory.empty()) directory = job_default;
          shell_directories = directory.empty() ? std::vector<std::string>{"."}
                                                : resolve_all({"."}, directory, vars);
        }
        if (!step.uses.empty()) {
          const CompositeAction* action =
              starts_with(step.uses, "./") ? model_.action_at(strip_local(step.uses)) : nullptr;
          if (action != nullptr) {
            add_composite(context, *action, step, vars);
          } else {
            add_uses(context, step, workflow.path, vars);
          }
        }
        if (!step.run.empty()) add_run(context, step, workflow.path, shell_directories, vars);
      }
    }
  }

  const RepoModel& model_;
  std::map<std::pair<std::string, std::string>, std::vector<const TaskScript*>> scripts_;
  std::vector<CiCommand> out_;
};

}  // namespace

std::vector<CiCommand> read_ci_commands(const RepoModel& model) { return Reader(model).read(); }

const std::vector<CiCommand>& ci_commands(const RepoModel& model) {
  return model.gate_facts.commands;
}

}  // namespace golive::model
