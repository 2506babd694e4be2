#pragma once
// What the pod-level k8s rules share: reading a container's security context with the pod's
// as fallback, its resources, the Services that send it traffic, and where a field was written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/k8s.h"
#include "rules/k8s/k8s_common.h"

namespace golive::rules::k8s {

// The node at a path of map keys below node, or nullptr.
const parse::Node* path_to(const parse::Node* node, std::initializer_list<std::string_view> keys);

// The line of a field's key ("readinessProbe:") rather than of its value, which for a map is
// the line of its first entry.
model::SourceLine key_where(const model::RenderedObject& object, const parse::Node& field);

// A container's securityContext field, else (when pod_level) the pod's securityContext field
// of the same name, or nullptr. Kubernetes lets the container's value win.
const parse::Node* security_setting(const ContainerSite& site, std::string_view key,
                                    bool pod_level);

// A pod that runs to completion rather than serving: a Job, a CronJob, or a bare Pod whose
// restartPolicy is Never or OnFailure.
bool runs_to_completion(const model::RenderedObject& object, const parse::Node& pod_spec);

// A pod scheduled on Windows nodes (spec.os.name: windows), where Linux security settings such
// as runAsNonRoot and capabilities do not apply.
bool is_windows_pod(const parse::Node& pod_spec);

// The first Service of the environment that selects the workload's pods, or nullptr: its
// selector is non-empty and every key/value of it is among the pod template's labels, in the
// same namespace (or either sets none).
const model::RenderedObject* service_for(const model::K8sEnvironment& environment,
                                         const model::RenderedObject& workload);

// The regular containers of a pod spec, without its init containers.
std::vector<model::ContainerView> regular_containers(const parse::Node& pod_spec);
// "'api', 'proxy'"
std::string quoted_names(const std::vector<model::ContainerView>& containers);

// A resource quantity that is set and not zero ("500m", "1Gi"; not "", "0" or "0Mi").
bool quantity_set(const parse::Node* node);

// Whether a LimitRange of the environment, in the workload's namespace, gives containers a
// default for resource under field ("default" sets limits, "defaultRequest" requests).
bool limit_range_default(const model::K8sEnvironment& environment,
                         const model::RenderedObject& workload, std::string_view field,
                         std::string_view resource);

// An integer written plainly ("3", "-1"); nullopt for "50%", "${N}" or anything else.
std::optional<long long> parse_integer(std::string_view text);
// The integer of a scalar node, or nullopt.
std::optional<long long> integer_of(const parse::Node* node);

}  // namespace golive::rules::k8s
