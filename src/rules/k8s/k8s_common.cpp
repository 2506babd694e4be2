#include "rules/k8s/k8s_common.h"

#include <algorithm>
#include <cctype>

namespace golive::rules::k8s {

bool require_workloads(RuleContext& context) {
  if (model::has_workloads(context.model())) return true;
  context.not_applicable("no Kubernetes workload");
  return false;
}

std::string describe(const model::RenderedObject& object, const model::ContainerView& container) {
  std::string what = container.init ? "init container '" : "container '";
  return what + container.name + "' of " + object.label();
}

}  // namespace golive::rules::k8s
