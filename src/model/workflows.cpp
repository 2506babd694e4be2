#include "model/workflows.h"

#include "core/strings.h"

namespace golive::model {
namespace {

void add_triggers(const parse::Node& on, Workflow& workflow) {
  if (on.is_scalar()) {
    workflow.triggers.push_back({on.value, on.mark.line});
  } else if (on.is_seq()) {
    for (const auto& item : on.children) {
      if (item.is_scalar()) workflow.triggers.push_back({item.value, item.mark.line});
    }
  } else if (on.is_map()) {
    for (const auto& item : on.children)
      workflow.triggers.push_back({item.key, item.key_mark.line});
  }
}

bool continue_on_error(const parse::Node& node) {
  const parse::Node* flag = node.find("continue-on-error");
  return flag != nullptr && flag->truthy();
}

Step extract_step(const parse::Node& node) {
  Step step;
  step.line = node.mark.line;
  step.name = node.get("name");
  step.uses = node.get("uses");
  step.run = node.get("run");
  step.continue_on_error = continue_on_error(node);
  return step;
}

Job extract_job(const parse::Node& node) {
  Job job;
  job.id = node.key;
  job.line = node.key_mark.line;
  job.name = node.get("name");
  job.uses = node.get("uses");
  job.continue_on_error = continue_on_error(node);
  if (const parse::Node* needs = node.find("needs")) {
    if (needs->is_scalar()) job.needs.push_back(needs->value);
    for (const auto& item : needs->children) {
      if (item.is_scalar()) job.needs.push_back(item.value);
    }
  }
  if (const parse::Node* steps = node.find("steps"); steps != nullptr && steps->is_seq()) {
    for (const auto& step : steps->children) {
      if (step.is_map()) job.steps.push_back(extract_step(step));
    }
  }
  return job;
}

}  // namespace

const Trigger* Workflow::trigger(std::string_view event) const {
  for (const auto& t : triggers) {
    if (t.event == event) return &t;
  }
  return nullptr;
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
  if (const parse::Node* jobs = root.find("jobs"); jobs != nullptr && jobs->is_map()) {
    for (const auto& job : jobs->children) {
      if (job.is_map()) workflow.jobs.push_back(extract_job(job));
    }
  }
  return workflow;
}

}  // namespace golive::model
