#include "rules/k8s/k8s_common.h"

#include <algorithm>
#include <cctype>

namespace golive::rules::k8s {

void for_each_workload(const model::RepoModel& model,
                       const std::function<void(const WorkloadSite&)>& visit) {
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      const parse::Node* pod_spec = model::pod_spec_of(object);
      if (pod_spec == nullptr || !pod_spec->is_map()) continue;
      visit({environment, object, *pod_spec});
    }
  }
}

void for_each_container(const model::RepoModel& model, bool include_init,
                        const std::function<void(const ContainerSite&)>& visit) {
  for_each_workload(model, [&](const WorkloadSite& site) {
    for (const auto& container : model::containers_of(site.pod_spec)) {
      if (container.init && !include_init) continue;
      visit({site.environment, site.object, site.pod_spec, container});
    }
  });
}

namespace {

bool has_workloads(const model::RepoModel& model) {
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      const parse::Node* pod_spec = model::pod_spec_of(object);
      if (pod_spec != nullptr && pod_spec->is_map()) return true;
    }
  }
  return false;
}

}  // namespace

bool require_workloads(RuleContext& context) {
  if (has_workloads(context.model())) return true;
  context.not_applicable("no Kubernetes workload");
  return false;
}

std::string describe(const model::RenderedObject& object, const model::ContainerView& container) {
  std::string what = container.init ? "init container '" : "container '";
  return what + container.name + "' of " + object.label();
}

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

// The message with every "Kind/name" an overlay renamed put back to the name its file writes.
std::string with_written_names(const std::string& message,
                               const model::K8sEnvironment& environment) {
  if (environment.written_names.empty()) return message;
  std::string out;
  size_t i = 0;
  while (i < message.size()) {
    out += message[i];
    if (message[i++] != '/') continue;
    size_t end = i;
    while (end < message.size() && name_char(message[end])) ++end;
    std::string_view name(message.data() + i, end - i);
    auto it = environment.written_names.find(name);
    out += it == environment.written_names.end() ? std::string(name) : it->second;
    i = end;
  }
  return out;
}

}  // namespace

void EnvironmentReporter::add(const model::K8sEnvironment& environment,
                              const model::SourceLine& where, const std::string& message,
                              const std::string& evidence) {
  std::string written = with_written_names(message, environment);
  auto key = std::make_tuple(where.path, where.line, written);
  auto [it, inserted] = index_.emplace(key, pending_.size());
  if (inserted) pending_.push_back({where, message, written, false, evidence, {}});
  Pending& pending = pending_[it->second];
  if (pending.message != message) pending.worded_differently = true;
  auto& environments = pending.environments;
  if (std::find(environments.begin(), environments.end(), environment.name) == environments.end())
    environments.push_back(environment.name);
}

EnvironmentReporter::~EnvironmentReporter() {
  for (auto& pending : pending_) {
    std::string in;
    for (const auto& name : pending.environments) in += (in.empty() ? "" : ", ") + name;
    const std::string& message =
        pending.worded_differently ? pending.written_message : pending.message;
    context_.report(message + " (in " + in + ")", pending.where.path, pending.where.line, 0,
                    pending.evidence);
  }
}

}  // namespace golive::rules::k8s
