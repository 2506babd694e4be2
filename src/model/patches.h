#pragma once
// Patches on positioned YAML trees, as Kustomize applies them: strategic merge for the
// common Kubernetes lists, and JSON 6902 operations.
#include <string>

#include "parse/yaml.h"

namespace golive::model {

// Marks every node of a subtree as written by source (an index into RenderedObject::sources).
void mark_source(parse::Node& node, unsigned source);

// True for an explicit YAML null (null, ~, or an empty value).
bool is_null_value(const parse::Node& node);

// Merges patch into target the way `kubectl apply`'s strategic merge does for the cases
// manifests use: maps merge, null deletes, `$patch: delete|replace`, and the lists Kubernetes
// merges by key (containers and env by name, ports by containerPort, volumeMounts by
// mountPath ...). Other lists are replaced. Nodes taken from the patch carry source.
void strategic_merge(parse::Node& target, const parse::Node& patch, unsigned source);

// Applies a JSON 6902 operation list (add, remove, replace, move, copy, test). Returns an
// error message for the first operation that cannot apply, or "".
std::string apply_json6902(parse::Node& target, const parse::Node& operations, unsigned source);

}  // namespace golive::model
