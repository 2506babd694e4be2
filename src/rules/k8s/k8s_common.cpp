#include "rules/k8s/k8s_common.h"

#include <algorithm>

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

bool has_workloads(const model::RepoModel& model) {
  bool any = false;
  for_each_workload(model, [&](const WorkloadSite&) { any = true; });
  return any;
}

std::string describe(const model::RenderedObject& object, const model::ContainerView& container) {
  std::string what = container.init ? "init container '" : "container '";
  return what + container.name + "' of " + object.label();
}

void EnvironmentReporter::add(const model::K8sEnvironment& environment,
                              const model::SourceLine& where, const std::string& message,
                              const std::string& evidence) {
  auto key = std::make_tuple(where.path, where.line, message);
  auto [it, inserted] = index_.emplace(key, pending_.size());
  if (inserted) pending_.push_back({where, message, evidence, {}});
  auto& environments = pending_[it->second].environments;
  if (std::find(environments.begin(), environments.end(), environment.name) == environments.end())
    environments.push_back(environment.name);
}

EnvironmentReporter::~EnvironmentReporter() {
  for (auto& pending : pending_) {
    std::string in;
    for (const auto& name : pending.environments) in += (in.empty() ? "" : ", ") + name;
    context_.report(pending.message + " (in " + in + ")", pending.where.path, pending.where.line, 0,
                    pending.evidence);
  }
}

}  // namespace golive::rules::k8s
