#pragma once
// What the k8s rules share: walking the rendered workloads and containers of every
// environment, and reporting a problem once per source line with every environment it is in.
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/k8s.h"
#include "model/k8s_index.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::k8s {

// The model's workload iteration and object index, by the names the k8s rules use.
using model::annotation;
using model::ContainerSite;
using model::for_each_container;
using model::for_each_workload;
using model::has_annotation_tls;
using model::int_or_percent;
using model::int_value;
using model::IntOrPercent;
using model::is_dev_environment;
using model::is_scalable_kind;
using model::is_templated;
using model::Labels;
using model::LabelSelector;
using model::namespace_of;
using model::node_at;
using model::ObjectIndex;
using model::pod_labels;
using model::Replicas;
using model::replicas_of;
using model::same_namespace;
using model::scalar_at;
using model::tls_host_covers;
using model::where_key;
using model::WorkloadSite;

// Marks the rule not applicable ("no Kubernetes workload") and returns false when no
// environment renders a workload.
bool require_workloads(RuleContext& context);

// "container 'api' of Deployment/api"
std::string describe(const model::RenderedObject& object, const model::ContainerView& container);

}  // namespace golive::rules::k8s
