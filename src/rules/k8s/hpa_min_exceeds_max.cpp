#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* hpa : index.of_kind("HorizontalPodAutoscaler")) {
      any = true;
      const parse::Node* spec = node_at(hpa->node, {"spec"});
      if (spec == nullptr || !spec->is_map()) continue;
      const parse::Node* min_node = spec->find("minReplicas");
      const parse::Node* max_node = spec->find("maxReplicas");
      std::optional<int> minimum = min_node != nullptr ? int_value(min_node) : 1;
      std::optional<int> maximum = int_value(max_node);
      if (max_node == nullptr) {
        reporter.add(environment, where_key(*hpa, *spec),
                     hpa->label() + " sets no maxReplicas, which the API requires");
        continue;
      }
      if (min_node != nullptr && minimum && *minimum < 1) {
        reporter.add(environment, hpa->where(*min_node),
                     hpa->label() + " sets minReplicas " + std::to_string(*minimum) +
                         ", which the API rejects unless the alpha HPAScaleToZero feature "
                         "gate is on",
                     "minReplicas: " + min_node->value);
      } else if (minimum && maximum && *minimum > *maximum) {
        reporter.add(
            environment, hpa->where(min_node != nullptr ? *min_node : *max_node),
            hpa->label() + " sets minReplicas " + std::to_string(*minimum) + " above maxReplicas " +
                std::to_string(*maximum),
            "minReplicas: " + std::to_string(*minimum) + ", maxReplicas: " + max_node->value);
      } else if (maximum && *maximum < 1) {
        reporter.add(environment, hpa->where(*max_node),
                     hpa->label() + " sets maxReplicas " + std::to_string(*maximum) +
                         ", below the minimum of 1",
                     "maxReplicas: " + max_node->value);
      }
    }
  }
  if (!any) context.not_applicable("no HorizontalPodAutoscaler in any environment");
}

}  // namespace

extern const Rule kHpaMinExceedsMax;
const Rule kHpaMinExceedsMax{
    {.id = "k8s/hpa-min-exceeds-max",
     .section = "k8s",
     .title = "HorizontalPodAutoscaler bounds are valid",
     .severity = Severity::kError,
     .seeds = "004 T036-T040",
     .rationale =
         "The API server rejects an HPA whose minReplicas is above maxReplicas, whose "
         "maxReplicas is missing or below 1, or whose minReplicas is 0 without the alpha "
         "HPAScaleToZero feature gate: the apply fails (with kubectl apply, after the other "
         "objects have changed) and the workload is left without an autoscaler. These mistakes "
         "usually come from an overlay that raises one bound and not the other. An unset "
         "minReplicas is 1; templated values are skipped.",
     .remediation =
         "Keep 1 <= minReplicas <= maxReplicas in every environment, e.g. 'minReplicas: 2' and "
         "'maxReplicas: 6' in production; patch both bounds together in overlays.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s
