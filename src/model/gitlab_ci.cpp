#include <array>
#include <map>

#include "core/strings.h"
#include "model/workflows.h"

namespace golive::model {
namespace {

constexpr std::array<std::string_view, 12> kReservedKeys = {
    "stages",   "variables",     "default",      "include", "workflow", "image",
    "services", "before_script", "after_script", "cache",   "types",    "spec"};

bool is_reserved(std::string_view key) {
  return std::find(kReservedKeys.begin(), kReservedKeys.end(), key) != kReservedKeys.end();
}

// A job's effective value of key: its own, else from the templates it extends (last wins).
class JobView {
 public:
  JobView(const parse::Node& job, const std::map<std::string, const parse::Node*>& templates)
      : job_(job) {
    const parse::Node* extends = job.find("extends");
    if (extends == nullptr) return;
    std::vector<std::string> names;
    if (extends->is_scalar()) names.push_back(extends->value);
    for (const auto& item : extends->children) {
      if (item.is_scalar()) names.push_back(item.value);
    }
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      const auto& name = *it;
      if (auto found = templates.find(name); found != templates.end())
        parents_.push_back(found->second);
    }
  }

  [[nodiscard]] const parse::Node* find(std::string_view key) const {
    if (const parse::Node* own = job_.find(key)) return own;
    for (const auto* parent : parents_) {
      if (const parse::Node* inherited = parent->find(key)) return inherited;
    }
    return nullptr;
  }

 private:
  const parse::Node& job_;
  std::vector<const parse::Node*> parents_;
};

// Script items may be nested lists (YAML anchors of lists); flatten them.
void add_script(const parse::Node* script, std::string_view section, Job& job) {
  if (script == nullptr) return;
  if (script->is_scalar()) {
    job.steps.push_back(make_run_step(std::string(section), *script));
    return;
  }
  for (const auto& item : script->children) {
    if (item.is_seq()) {
      add_script(&item, section, job);
    } else if (item.is_scalar()) {
      job.steps.push_back(make_run_step(std::string(section), item));
    }
  }
}

std::optional<ServiceImage> gitlab_image(std::string name, const parse::Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->is_scalar()) return ServiceImage{std::move(name), node->value, node->mark.line};
  if (const parse::Node* image = node->find("name"); image != nullptr && image->is_scalar()) {
    return ServiceImage{std::move(name), image->value, image->mark.line};
  }
  return std::nullopt;
}

// A pipeline-wide setting: under "default:", or (deprecated) at the top level.
const parse::Node* global(const parse::Node& root, std::string_view key) {
  if (const parse::Node* defaults = root.find("default");
      defaults != nullptr && defaults->is_map()) {
    if (const parse::Node* value = defaults->find(key)) return value;
  }
  return root.find(key);
}

Job extract_job(const parse::Node& node, const JobView& view, const parse::Node& root) {
  Job job;
  job.id = node.key;
  job.line = node.key_mark.line;
  if (const parse::Node* stage = view.find("stage")) job.stage = stage->value;
  if (const parse::Node* allow = view.find("allow_failure"))
    job.continue_on_error = allow->truthy() || allow->is_map();
  if (const parse::Node* when = view.find("when")) job.manual = when->value == "manual";
  if (const parse::Node* environment = view.find("environment")) {
    job.environment = environment->is_scalar() ? environment->value : environment->get("name");
    job.environment_line = environment->key_mark.line;
  }
  if (const parse::Node* needs = view.find("needs")) {
    for (const auto& need : needs->children) {
      std::string name = need.is_scalar() ? need.value : need.get("job");
      if (!name.empty()) job.needs.push_back(name);
    }
  }
  std::vector<std::string> conditions;
  if (const parse::Node* rules = view.find("rules")) {
    for (const auto& rule : rules->children) {
      if (std::string condition = rule.get("if"); !condition.empty())
        conditions.push_back(condition);
      if (rule.get("when") == "manual") job.manual = true;
    }
  }
  if (const parse::Node* only = view.find("only")) {
    std::vector<std::string> refs;
    // "only: [tags]" or "only: { refs: [tags] }".
    const parse::Node* list = only->is_map() ? only->find("refs") : only;
    for (size_t i = 0; list != nullptr && i < list->children.size(); ++i) {
      if (list->children[i].is_scalar()) refs.push_back(list->children[i].value);
    }
    if (only->is_scalar()) refs.push_back(only->value);
    if (!refs.empty()) conditions.push_back("only: " + core::join(refs, ", "));
  }
  job.if_condition = core::join(conditions, " || ");
  job.container = gitlab_image("image", view.find("image"));
  if (!job.container) job.container = gitlab_image("image", global(root, "image"));
  const parse::Node* services = view.find("services");
  if (services == nullptr) services = global(root, "services");
  if (services != nullptr) {
    for (const auto& service : services->children) {
      if (auto image = gitlab_image("service", &service)) job.services.push_back(*image);
    }
  }
  const parse::Node* before = view.find("before_script");
  add_script(before != nullptr ? before : global(root, "before_script"), "before_script", job);
  add_script(view.find("script"), "script", job);
  const parse::Node* after = view.find("after_script");
  add_script(after != nullptr ? after : global(root, "after_script"), "after_script", job);
  return job;
}

}  // namespace

Workflow extract_gitlab_pipeline(const std::string& path, const parse::Node& root) {
  Workflow pipeline;
  pipeline.system = CiSystem::kGitlabCi;
  pipeline.path = path;
  pipeline.line = root.mark.line;
  pipeline.name = "gitlab-ci";
  // Branch pipelines run on every push, merge-request branches included.
  pipeline.triggers.push_back({"push", 1, {}, {}, false, false});
  pipeline.triggers.push_back({"pull_request", 1, {}, {}, false, false});
  pipeline.env = key_values(root.find("variables"));
  std::map<std::string, const parse::Node*> templates;
  for (const auto& child : root.children) {
    if (!child.key.empty() && child.key.front() == '.') templates[child.key] = &child;
  }
  for (const auto& child : root.children) {
    if (!child.is_map() || child.key.empty() || child.key.front() == '.' || is_reserved(child.key))
      continue;
    JobView view(child, templates);
    if (view.find("script") == nullptr && view.find("trigger") == nullptr) continue;
    pipeline.jobs.push_back(extract_job(child, view, root));
  }
  return pipeline;
}

std::vector<const parse::Node*> gitlab_include_entries(const parse::Node& root) {
  std::vector<const parse::Node*> items;
  const parse::Node* include = root.is_map() ? root.find("include") : nullptr;
  if (include == nullptr) return items;
  if (include->is_seq()) {
    for (const auto& item : include->children) items.push_back(&item);
  } else {
    items.push_back(include);
  }
  return items;
}

}  // namespace golive::model
