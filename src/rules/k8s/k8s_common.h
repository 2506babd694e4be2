#pragma once
// What the k8s rules share: walking the rendered workloads and containers of every
// environment, and reporting a problem once per source line with every environment it is in.
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/k8s.h"
#include "rules/rule.h"

namespace golive::rules::k8s {

struct WorkloadSite {
  const model::K8sEnvironment& environment;
  const model::RenderedObject& object;
  const parse::Node& pod_spec;
};

struct ContainerSite {
  const model::K8sEnvironment& environment;
  const model::RenderedObject& object;
  const parse::Node& pod_spec;
  const model::ContainerView& container;
};

void for_each_workload(const model::RepoModel& model,
                       const std::function<void(const WorkloadSite&)>& visit);
// Every container of every workload; init containers only when include_init.
void for_each_container(const model::RepoModel& model, bool include_init,
                        const std::function<void(const ContainerSite&)>& visit);
// Marks the rule not applicable ("no Kubernetes workload") and returns false when no
// environment renders a workload.
bool require_workloads(RuleContext& context);

// "container 'api' of Deployment/api"
std::string describe(const model::RenderedObject& object, const model::ContainerView& container);

// A base rendered by three overlays has one problem, not three: findings are keyed by source
// line and message, and each names the environments that render it. Overlays that rename
// objects (namePrefix) are merged under the names the files write. Reports on destruction.
class EnvironmentReporter {
 public:
  explicit EnvironmentReporter(RuleContext& context) : context_(context) {}
  EnvironmentReporter(const EnvironmentReporter&) = delete;
  EnvironmentReporter& operator=(const EnvironmentReporter&) = delete;
  ~EnvironmentReporter();

  void add(const model::K8sEnvironment& environment, const model::SourceLine& where,
           const std::string& message, const std::string& evidence = "");

 private:
  struct Pending {
    model::SourceLine where;
    std::string message;          // as the first environment worded it
    std::string written_message;  // with objects named as their files write them
    bool worded_differently = false;
    std::string evidence;
    std::vector<std::string> environments;
  };
  RuleContext& context_;
  std::map<std::tuple<std::string, int, std::string>, size_t> index_;
  std::vector<Pending> pending_;
};

}  // namespace golive::rules::k8s
