#include "model/compose.h"

#include "core/strings.h"

namespace golive::model {
namespace {

// A scalar, or each scalar of a sequence (env_file: .env or env_file: [a, b]). A long-form
// entry (a mapping) contributes the scalar under long_key.
std::vector<std::string> scalars(const parse::Node* node, std::string_view long_key) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  if (node->is_scalar()) {
    out.push_back(node->value);
    return out;
  }
  if (!node->is_seq()) return out;
  for (const auto& item : node->children) {
    if (item.is_scalar()) {
      out.push_back(item.value);
    } else if (item.is_map() && !long_key.empty()) {
      std::string value = item.get(long_key);
      if (!value.empty()) out.push_back(value);
    }
  }
  return out;
}

// environment: as a mapping (KEY: value) or a list ("KEY=value", or "KEY" to pass it through).
std::vector<ComposeEnvVar> environment_of(const parse::Node* node) {
  std::vector<ComposeEnvVar> out;
  if (node == nullptr) return out;
  if (node->is_map()) {
    for (const auto& entry : node->children) {
      ComposeEnvVar var{entry.key, "", false, entry.key_mark.line};
      if (entry.is_scalar()) {
        var.value = entry.value;
        var.has_value = true;
      }
      out.push_back(std::move(var));
    }
  } else if (node->is_seq()) {
    for (const auto& item : node->children) {
      if (!item.is_scalar()) continue;
      std::string_view text = item.value;
      size_t eq = text.find('=');
      ComposeEnvVar var{std::string(core::trim(text.substr(0, eq))), "", false, item.mark.line};
      if (eq != std::string_view::npos) {
        var.value = std::string(text.substr(eq + 1));
        var.has_value = true;
      }
      out.push_back(std::move(var));
    }
  }
  return out;
}

// depends_on: as a list of names or a mapping of name to {condition: ...}.
std::vector<std::pair<std::string, std::string>> depends_on_of(const parse::Node* node) {
  std::vector<std::pair<std::string, std::string>> out;
  if (node == nullptr) return out;
  if (node->is_seq()) {
    for (const auto& item : node->children)
      if (item.is_scalar()) out.emplace_back(item.value, "");
  } else if (node->is_map()) {
    for (const auto& entry : node->children)
      out.emplace_back(entry.key, entry.is_map() ? entry.get("condition") : "");
  }
  return out;
}

ComposeService service_of(const parse::Node& node) {
  ComposeService service;
  service.name = node.key;
  service.line = node.key_mark.line;
  if (const parse::Node* image = node.find("image"); image != nullptr && image->is_scalar()) {
    service.image = image->value;
    service.image_line = image->mark.line;
  }
  if (const parse::Node* build = node.find("build")) {
    service.builds = true;
    service.build_line = build->key_mark.line;
    if (build->is_scalar()) {
      service.build_context = build->value;
    } else if (build->is_map()) {
      service.build_context = build->get("context");
      service.build_dockerfile = build->get("dockerfile");
      service.build_target = build->get("target");
    }
    if (service.build_context.empty()) service.build_context = ".";
  }
  if (const parse::Node* healthcheck = node.find("healthcheck")) {
    service.healthcheck_line = healthcheck->key_mark.line;
    const parse::Node* disable = healthcheck->is_map() ? healthcheck->find("disable") : nullptr;
    const parse::Node* test = healthcheck->is_map() ? healthcheck->find("test") : nullptr;
    // test: ["NONE"] disables the image's healthcheck as disable: true does.
    bool none = test != nullptr &&
                ((test->is_seq() && !test->children.empty() && test->children[0].value == "NONE") ||
                 (test->is_scalar() && test->value == "NONE"));
    service.healthcheck_disabled = (disable != nullptr && disable->truthy()) || none;
    // Without a test the block only tunes the image's own HEALTHCHECK (interval, retries).
    service.has_healthcheck = !service.healthcheck_disabled && test != nullptr;
  }
  if (const parse::Node* restart = node.find("restart");
      restart != nullptr && restart->is_scalar()) {
    service.restart = restart->value;
    service.restart_line = restart->mark.line;
  } else if (const parse::Node* deploy = node.find("deploy");
             deploy != nullptr && deploy->is_map()) {
    if (const parse::Node* policy = deploy->find("restart_policy");
        policy != nullptr && policy->is_map()) {
      const parse::Node* condition = policy->find("condition");
      // A restart_policy without a condition restarts on any exit (the default is "any").
      service.restart = condition != nullptr && condition->is_scalar() ? condition->value : "any";
      service.restart_line = condition != nullptr ? condition->mark.line : policy->key_mark.line;
    }
  }
  service.profiles = scalars(node.find("profiles"), "");
  service.environment = environment_of(node.find("environment"));
  service.env_files = scalars(node.find("env_file"), "path");
  service.secrets = scalars(node.find("secrets"), "source");
  service.ports = scalars(node.find("ports"), "published");
  service.depends_on = depends_on_of(node.find("depends_on"));
  return service;
}

}  // namespace

ComposeFile extract_compose(const std::string& path, const parse::Node& document) {
  ComposeFile file{path, {}};
  const parse::Node* services = document.find("services");
  if (services == nullptr || !services->is_map()) return file;
  for (const auto& node : services->children) {
    if (!node.is_map() && !node.is_null()) continue;
    file.services.push_back(service_of(node));
  }
  return file;
}

}  // namespace golive::model
