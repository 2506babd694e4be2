#include "rules/k8s/pod_checks.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace golive::rules::k8s {

const parse::Node* path_to(const parse::Node* node, std::initializer_list<std::string_view> keys) {
  return node == nullptr ? nullptr : model::node_at(*node, keys);
}

model::SourceLine key_where(const model::RenderedObject& object, const parse::Node& field) {
  model::SourceLine where = object.where(field);
  if (field.key_mark.line > 0) where.line = field.key_mark.line;
  return where;
}

const parse::Node* security_setting(const ContainerSite& site, std::string_view key,
                                    bool pod_level) {
  const parse::Node* own = path_to(site.container.node, {"securityContext", key});
  if (own != nullptr && !own->is_null()) return own;
  if (!pod_level) return nullptr;
  const parse::Node* pod = path_to(&site.pod_spec, {"securityContext", key});
  return pod != nullptr && !pod->is_null() ? pod : nullptr;
}

bool runs_to_completion(const model::RenderedObject& object, const parse::Node& pod_spec) {
  if (object.kind == "Job" || object.kind == "CronJob") return true;
  if (object.kind != "Pod") return false;
  std::string policy = pod_spec.get("restartPolicy");
  return policy == "Never" || policy == "OnFailure";
}

bool is_windows_pod(const parse::Node& pod_spec) {
  const parse::Node* os = path_to(&pod_spec, {"os", "name"});
  return os != nullptr && core::iequals(core::trim(os->value), "windows");
}

const model::RenderedObject* service_for(const model::K8sEnvironment& environment,
                                         const model::RenderedObject& workload) {
  auto labels = model::labels_of(path_to(model::pod_metadata_of(workload), {"labels"}));
  for (const auto& service : environment.objects) {
    if (service.kind != "Service" || !same_namespace(service, workload)) continue;
    auto selector = model::labels_of(path_to(&service.node, {"spec", "selector"}));
    if (selector.empty()) continue;
    bool all = std::all_of(selector.begin(), selector.end(), [&](const auto& wanted) {
      return std::find(labels.begin(), labels.end(), wanted) != labels.end();
    });
    if (all) return &service;
  }
  return nullptr;
}

std::vector<model::ContainerView> regular_containers(const parse::Node& pod_spec) {
  std::vector<model::ContainerView> out;
  for (auto& container : model::containers_of(pod_spec)) {
    if (!container.init) out.push_back(std::move(container));
  }
  return out;
}

std::string quoted_names(const std::vector<model::ContainerView>& containers) {
  std::string out;
  for (const auto& container : containers) {
    out += (out.empty() ? "'" : ", '") + container.name + "'";
  }
  return out;
}

bool quantity_set(const parse::Node* node) {
  if (node == nullptr || !node->is_scalar()) return false;
  std::string_view text = core::trim(node->value);
  if (text.empty()) return false;
  size_t digits = 0;
  while (digits < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[digits])) != 0 || text[digits] == '.'))
    ++digits;
  if (digits == 0) return true;  // templated or unusual: assume it says something
  return text.substr(0, digits).find_first_not_of("0.") != std::string_view::npos;
}

bool limit_range_default(const model::K8sEnvironment& environment,
                         const model::RenderedObject& workload, std::string_view field,
                         std::string_view resource) {
  for (const auto& range : environment.objects) {
    if (range.kind != "LimitRange" || !same_namespace(range, workload)) continue;
    const parse::Node* limits = path_to(&range.node, {"spec", "limits"});
    if (limits == nullptr || !limits->is_seq()) continue;
    for (const auto& limit : limits->children) {
      if (!limit.is_map() || limit.get("type") != "Container") continue;
      if (quantity_set(path_to(&limit, {field, resource}))) return true;
    }
  }
  return false;
}

std::optional<long long> parse_integer(std::string_view text) {
  text = core::trim(text);
  if (text.empty() || text.size() > 18) return std::nullopt;
  size_t start = text.front() == '-' ? 1 : 0;
  if (start == text.size()) return std::nullopt;
  for (char c : text.substr(start)) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
  }
  return std::stoll(std::string(text));
}

std::optional<long long> integer_of(const parse::Node* node) {
  if (node == nullptr || !node->is_scalar()) return std::nullopt;
  return parse_integer(node->value);
}

}  // namespace golive::rules::k8s
