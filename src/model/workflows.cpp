#include "model/workflows.h"

#include <algorithm>
#include <set>

#include "core/strings.h"

namespace golive::model {
namespace {

std::string scalar_text(const parse::Node& node) { return node.is_scalar() ? node.value : ""; }

std::vector<std::string> scalar_list(const parse::Node* node) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  if (node->is_scalar()) out.push_back(node->value);
  for (const auto& item : node->children) {
    if (item.is_scalar()) out.push_back(item.value);
  }
  return out;
}

Trigger make_trigger(const parse::Node& node, std::string event, int line) {
  Trigger trigger{std::move(event), line, {}, {}, false, false};
  for (const char* key : {"branches", "branches-ignore"}) {
    if (const parse::Node* filter = node.find(key)) {
      trigger.has_branch_filter = true;
      auto values = scalar_list(filter);
      trigger.branches.insert(trigger.branches.end(), values.begin(), values.end());
    }
  }
  for (const char* key : {"tags", "tags-ignore"}) {
    if (const parse::Node* filter = node.find(key)) {
      trigger.has_tag_filter = true;
      auto values = scalar_list(filter);
      trigger.tags.insert(trigger.tags.end(), values.begin(), values.end());
    }
  }
  return trigger;
}

void add_triggers(const parse::Node& on, Workflow& workflow) {
  if (on.is_scalar()) {
    workflow.triggers.push_back({on.value, on.mark.line, {}, {}, false, false});
  } else if (on.is_seq()) {
    for (const auto& item : on.children) {
      if (item.is_scalar())
        workflow.triggers.push_back({item.value, item.mark.line, {}, {}, false, false});
    }
  } else if (on.is_map()) {
    for (const auto& item : on.children)
      workflow.triggers.push_back(make_trigger(item, item.key, item.key_mark.line));
  }
}

std::optional<Permissions> read_permissions(const parse::Node* node) {
  if (node == nullptr) return std::nullopt;
  Permissions permissions;
  permissions.line = node->key_mark.line;
  if (node->is_scalar()) {
    permissions.write_all = node->value == "write-all";
    permissions.read_all = node->value == "read-all";
  }
  for (const auto& scope : node->children) permissions.scopes[scope.key] = scalar_text(scope);
  return permissions;
}

bool flag(const parse::Node& node, const char* key) {
  const parse::Node* value = node.find(key);
  return value != nullptr && value->truthy();
}

Step extract_step(const parse::Node& node) {
  Step step;
  step.line = node.mark.line;
  step.id = node.get("id");
  step.name = node.get("name");
  step.uses = node.get("uses");
  step.if_condition = node.get("if");
  step.continue_on_error = flag(node, "continue-on-error");
  if (const parse::Node* uses = node.find("uses")) step.uses_line = uses->mark.line;
  if (const parse::Node* condition = node.find("if")) step.if_line = condition->key_mark.line;
  if (const parse::Node* run = node.find("run"); run != nullptr && run->is_scalar()) {
    step.run = run->value;
    // read_line_facts() moves script_line past the "|" of a block scalar.
    step.run_line = run->mark.line;
    step.run_column = run->mark.column;
    step.script_line = run->mark.line;
  }
  step.with = key_values(node.find("with"));
  step.env = key_values(node.find("env"));
  step.kinds = recognise_step(step.uses, step.run);
  return step;
}

std::optional<ServiceImage> image_of(const std::string& name, const parse::Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->is_scalar()) return ServiceImage{name, node->value, node->mark.line};
  if (const parse::Node* image = node->find("image"); image != nullptr && image->is_scalar()) {
    return ServiceImage{name, image->value, image->mark.line,
                        key_values(node->find("credentials"))};
  }
  return std::nullopt;
}

Job extract_job(const parse::Node& node) {
  Job job;
  job.id = node.key;
  job.line = node.key_mark.line;
  job.name = node.get("name");
  job.uses = node.get("uses");
  job.if_condition = node.get("if");
  if (const parse::Node* uses = node.find("uses")) job.uses_line = uses->mark.line;
  if (const parse::Node* condition = node.find("if")) job.if_line = condition->key_mark.line;
  job.env = key_values(node.find("env"));
  job.runs_on = node.get("runs-on");
  job.continue_on_error = flag(node, "continue-on-error");
  job.needs = scalar_list(node.find("needs"));
  job.permissions = read_permissions(node.find("permissions"));
  if (const parse::Node* environment = node.find("environment")) {
    job.environment = environment->is_scalar() ? environment->value : environment->get("name");
    job.environment_line = environment->key_mark.line;
  }
  if (const parse::Node* secrets = node.find("secrets");
      secrets != nullptr && secrets->is_scalar()) {
    job.secrets_inherit = secrets->value == "inherit";
  }
  if (const parse::Node* secrets = node.find("secrets")) job.secrets_line = secrets->key_mark.line;
  if (const parse::Node* strategy = node.find("strategy")) {
    if (const parse::Node* matrix = strategy->find("matrix")) {
      for (const auto& key : matrix->children) job.matrix_keys.push_back(key.key);
    }
  }
  job.container = image_of("container", node.find("container"));
  if (const parse::Node* services = node.find("services")) {
    for (const auto& service : services->children) {
      if (auto image = image_of(service.key, &service)) job.services.push_back(*image);
    }
  }
  job.with = key_values(node.find("with"));
  if (const parse::Node* steps = node.find("steps"); steps != nullptr && steps->is_seq()) {
    for (const auto& step : steps->children) {
      if (step.is_map()) job.steps.push_back(extract_step(step));
    }
  }
  return job;
}

}  // namespace

std::vector<KeyValue> key_values(const parse::Node* map) {
  std::vector<KeyValue> out;
  if (map == nullptr || !map->is_map()) return out;
  for (const auto& child : map->children) {
    out.push_back({child.key, child.is_scalar() ? child.value : "", child.key_mark.line});
  }
  return out;
}

Step make_run_step(std::string name, const parse::Node& script_line) {
  Step step;
  step.name = std::move(name);
  step.line = script_line.mark.line;
  step.run_line = script_line.mark.line;
  step.run_column = script_line.mark.column;
  step.script_line = script_line.mark.line;
  step.run = script_line.value;
  step.kinds = recognise_step("", step.run);
  return step;
}

bool Step::is(StepKind kind) const {
  return std::any_of(kinds.begin(), kinds.end(),
                     [kind](const StepRecognition& r) { return r.kind == kind; });
}

const KeyValue* Step::input(std::string_view key) const {
  for (const auto& kv : with) {
    if (kv.key == key) return &kv;
  }
  return nullptr;
}

std::string Step::label() const {
  if (!name.empty()) return "'" + name + "'";
  if (!uses.empty()) return uses;
  return "'" +
         core::excerpt(
             core::split_lines(run).empty() ? run : std::string(core::split_lines(run).front()),
             60) +
         "'";
}

int Step::run_line_at(size_t index) const {
  int first = script_line > 0 ? script_line : run_line;
  return script_lines_exact ? first + static_cast<int>(index) : first;
}

bool Job::has_step(StepKind kind) const {
  return std::any_of(steps.begin(), steps.end(), [kind](const Step& s) { return s.is(kind); });
}

const Trigger* Workflow::trigger(std::string_view event) const {
  for (const auto& t : triggers) {
    if (t.event == event) return &t;
  }
  return nullptr;
}

const Job* Workflow::job(std::string_view id) const {
  for (const auto& j : jobs) {
    if (j.id == id) return &j;
  }
  return nullptr;
}

std::vector<const Job*> Workflow::upstream_of(const Job& start) const {
  std::vector<const Job*> out;
  std::set<std::string> seen{start.id};
  std::vector<const Job*> frontier{&start};
  while (!frontier.empty()) {
    const Job* current = frontier.back();
    frontier.pop_back();
    for (const auto& need : current->needs) {
      const Job* upstream = job(need);
      if (upstream == nullptr || !seen.insert(need).second) continue;
      out.push_back(upstream);
      frontier.push_back(upstream);
    }
  }
  return out;
}

Workflow extract_workflow(const std::string& path, const parse::Node& root) {
  Workflow workflow;
  workflow.path = path;
  workflow.line = root.mark.line;
  workflow.name = root.get("name");
  // YAML 1.1 reads a bare "on" key as the boolean true, so some tools write it as "true".
  const parse::Node* on = root.find("on");
  if (on == nullptr) on = root.find("true");
  if (on != nullptr) add_triggers(*on, workflow);
  workflow.permissions = read_permissions(root.find("permissions"));
  workflow.env = key_values(root.find("env"));
  if (const parse::Node* jobs = root.find("jobs"); jobs != nullptr && jobs->is_map()) {
    for (const auto& job : jobs->children) {
      if (job.is_map()) workflow.jobs.push_back(extract_job(job));
    }
  }
  return workflow;
}

std::optional<CompositeAction> extract_composite_action(const std::string& path,
                                                        const parse::Node& root) {
  const parse::Node* runs = root.find("runs");
  if (runs == nullptr || runs->get("using") != "composite") return std::nullopt;
  CompositeAction action;
  action.path = path;
  size_t slash = path.rfind('/');
  action.directory = slash == std::string::npos ? "" : path.substr(0, slash);
  if (const parse::Node* steps = runs->find("steps"); steps != nullptr && steps->is_seq()) {
    for (const auto& step : steps->children) {
      if (step.is_map()) action.steps.push_back(extract_step(step));
    }
  }
  return action;
}

namespace {

// The comment that ends a YAML line, without its '#', or "" (a '#' inside quotes or a word is
// not a comment).
std::string trailing_comment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      std::string_view comment = line.substr(i + 1);
      while (!comment.empty() && comment.front() == '#') comment.remove_prefix(1);
      return std::string(core::trim(comment));
    }
  }
  return "";
}

std::string_view line_at(const std::vector<std::string_view>& lines, int line) {
  return line >= 1 && static_cast<size_t>(line) <= lines.size()
             ? lines[static_cast<size_t>(line - 1)]
             : std::string_view();
}

void read_step_facts(const std::vector<std::string_view>& lines, Step& step) {
  if (step.uses_line > 0) step.uses_comment = trailing_comment(line_at(lines, step.uses_line));
  if (step.script_line <= 0 || step.run_column <= 0) return;
  std::string_view text = line_at(lines, step.script_line);
  auto column = static_cast<size_t>(step.run_column - 1);
  char indicator = column < text.size() ? text[column] : 0;
  if (indicator == '|' || indicator == '>') {
    // A block scalar: the script starts on the next line; a literal one keeps its lines.
    step.script_line += 1;
    step.script_lines_exact = indicator == '|';
  } else {
    step.script_lines_exact = core::split_lines(step.run).size() <= 1;
  }
}

}  // namespace

void read_line_facts(const FileText& text, const std::string& path, RepoModel& model) {
  if (!model.workflows.empty() && model.workflows.back().path == path) {
    const auto& lines = text.lines();
    for (auto& job : model.workflows.back().jobs) {
      if (job.uses_line > 0) job.uses_comment = trailing_comment(line_at(lines, job.uses_line));
      for (auto& step : job.steps) read_step_facts(lines, step);
    }
  }
  if (!model.actions.empty() && model.actions.back().path == path) {
    for (auto& step : model.actions.back().steps) read_step_facts(text.lines(), step);
  }
}

void link_local_actions(RepoModel& model) {
  for (auto& workflow : model.workflows) {
    for (auto& job : workflow.jobs) {
      for (auto& step : job.steps) {
        if (step.uses.rfind("./", 0) != 0) continue;
        std::string directory = step.uses.substr(2);
        while (!directory.empty() && directory.back() == '/') directory.pop_back();
        const CompositeAction* action = model.action_at(directory);
        if (action == nullptr) continue;
        for (const auto& inner : action->steps) {
          for (const auto& kind : inner.kinds) {
            if (!step.is(kind.kind)) step.kinds.push_back(kind);
          }
        }
      }
    }
  }
}

}  // namespace golive::model
