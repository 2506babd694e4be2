#include "rules/supply-chain/update_config.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "core/glob.h"
#include "core/strings.h"
#include "rules/common.h"

namespace golive::rules::supply_chain::updates {
namespace {

// golive's ecosystem names (walk/classify.cpp) and the package-ecosystem Dependabot uses.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kDependabotNames = {{
    {"npm", "npm"},
    {"python", "pip"},
    {"go", "gomod"},
    {"maven", "maven"},
    {"gradle", "gradle"},
    {"cargo", "cargo"},
    {"ruby", "bundler"},
    {"php", "composer"},
    {"elixir", "mix"},
    {"dart", "pub"},
    {"swift", "swift"},
    {"nuget", "nuget"},
}};

std::string_view dependabot_name(std::string_view ecosystem) {
  for (const auto& [golive, dependabot] : kDependabotNames) {
    if (golive == ecosystem) return dependabot;
  }
  return "";
}

// Trees whose manifests belong to someone else (vendored code) or to tests (fixtures).
bool in_ignored_tree(const model::RepoModel& model, std::string_view path) {
  walk::PathRole role = model.role_of_directory(directory_name(path));
  if (role == walk::PathRole::kProduct) return false;  // the configuration may say so
  std::string directory(directory_name(path));
  return role == walk::PathRole::kVendor || role == walk::PathRole::kFixture ||
         walk::has_convention(directory + "/_", walk::PathRole::kVendor) ||
         walk::has_convention(directory + "/_", walk::PathRole::kFixture);
}

// Requirements files kept in a requirements/ folder belong to the project above it, and
// Dependabot's pip updater reads them from there.
std::string manifest_directory(const model::Ecosystem& ecosystem) {
  std::string directory = normalize_directory(ecosystem.directory);
  if (ecosystem.name == "python" && base_name(ecosystem.manifest).rfind("requirements", 0) == 0 &&
      base_name(directory).find("requirements") != std::string_view::npos) {
    directory = std::string(directory_name(directory));
  }
  return directory;
}

// Renovate managers per Dependabot ecosystem name.
const std::vector<std::string_view>& renovate_managers(std::string_view target) {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kManagers = {
      {"npm", {"npm", "bun"}},
      {"pip",
       {"pip_requirements", "pip_setup", "pipenv", "poetry", "pep621", "setup-cfg", "pip-compile",
        "pixi", "pep723"}},
      {"gomod", {"gomod"}},
      {"maven", {"maven", "maven-wrapper"}},
      {"gradle", {"gradle", "gradle-wrapper"}},
      {"cargo", {"cargo"}},
      {"bundler", {"bundler"}},
      {"composer", {"composer"}},
      {"mix", {"mix"}},
      {"pub", {"pub"}},
      {"swift", {"swift"}},
      {"nuget", {"nuget"}},
      {"docker", {"dockerfile", "docker-compose"}},
      {"github-actions", {"github-actions"}},
  };
  static const std::vector<std::string_view> kNone;
  for (const auto& [name, managers] : kManagers) {
    if (name == target) return managers;
  }
  return kNone;
}

}  // namespace

const model::SourceFile* dependabot_file(const model::RepoModel& model) {
  if (const auto* file = model.file(".github/dependabot.yml")) return file;
  return model.file(".github/dependabot.yaml");
}

std::optional<DependabotConfig> read_dependabot(const model::RepoModel& model) {
  const model::SourceFile* file = dependabot_file(model);
  if (file == nullptr) return std::nullopt;
  const model::YamlDocumentSet* set = model.yaml_file(file->path);
  if (set == nullptr) return std::nullopt;
  DependabotConfig config;
  config.path = file->path;
  if (set->documents.empty()) return config;
  config.root = &set->documents.front();
  config.updates = config.root->find("updates");
  if (config.updates == nullptr || !config.updates->is_seq()) return config;
  for (const auto& item : config.updates->children) {
    if (!item.is_map()) continue;
    UpdateEntry entry;
    entry.node = &item;
    entry.line = item.mark.line;
    if (const parse::Node* ecosystem = item.find("package-ecosystem")) {
      entry.ecosystem = ecosystem->is_scalar() ? ecosystem->value : "";
      entry.ecosystem_line = ecosystem->key_mark.line;
    }
    if (const parse::Node* directory = item.find("directory");
        directory != nullptr && directory->is_scalar()) {
      entry.directories.push_back(directory->value);
    }
    if (const parse::Node* directories = item.find("directories")) {
      for (const auto& value : directories->children) {
        if (value.is_scalar()) entry.directories.push_back(value.value);
      }
    }
    config.entries.push_back(std::move(entry));
  }
  return config;
}

std::optional<RenovateConfig> read_renovate(const model::RepoModel& model) {
  static constexpr std::array<std::string_view, 9> kPaths = {
      "renovate.json",         "renovate.json5",
      ".github/renovate.json", ".github/renovate.json5",
      ".gitlab/renovate.json", ".gitlab/renovate.json5",
      ".renovaterc",           ".renovaterc.json",
      ".renovaterc.json5"};
  const parse::Node* root = nullptr;
  RenovateConfig config;
  for (std::string_view path : kPaths) {
    if (model.file(path) == nullptr) continue;
    config.path = std::string(path);
    if (const auto* set = model.yaml_file(path); set != nullptr && !set->documents.empty())
      root = &set->documents.front();
    break;
  }
  if (config.path.empty()) {
    const auto* package = model.yaml_file("package.json");
    if (package == nullptr || package->documents.empty()) return std::nullopt;
    root = package->documents.front().find("renovate");
    if (root == nullptr) return std::nullopt;
    config.path = "package.json";
  }
  if (root == nullptr || !root->is_map()) return config;
  config.parsed = true;
  if (const parse::Node* managers = root->find("enabledManagers");
      managers != nullptr && managers->is_seq()) {
    config.restricted = true;
    config.enabled_managers_line = managers->key_mark.line;
    for (const auto& manager : managers->children) {
      if (manager.is_scalar()) config.enabled_managers.push_back(manager.value);
    }
  }
  return config;
}

const std::vector<std::string>& dependabot_ecosystems() {
  static const std::vector<std::string> kEcosystems = {
      "bazel",      "bun",  "bundler",        "cargo",        "composer",
      "conda",      "deno", "devcontainers",  "docker",       "docker-compose",
      "dotnet-sdk", "elm",  "github-actions", "gitsubmodule", "gomod",
      "gradle",     "helm", "julia",          "maven",        "mix",
      "nix",        "npm",  "nuget",          "opentofu",     "pip",
      "pre-commit", "pub",  "rust-toolchain", "sbt",          "swift",
      "terraform",  "uv",   "vcpkg"};
  return kEcosystems;
}

std::vector<const model::Ecosystem*> dependency_manifests(const model::RepoModel& model) {
  std::vector<const model::Ecosystem*> out;
  for (const auto& ecosystem : model.ecosystems) {
    if (base_name(ecosystem.manifest) == "CMakeLists.txt" ||
        in_ignored_tree(model, ecosystem.manifest))
      continue;
    out.push_back(&ecosystem);
  }
  return out;
}

std::vector<UpdateTarget> update_targets(const model::RepoModel& model) {
  std::vector<UpdateTarget> out;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](std::string ecosystem, std::string directory, std::string evidence) {
    if (seen.insert({ecosystem, directory}).second)
      out.push_back({std::move(ecosystem), std::move(directory), std::move(evidence)});
  };
  for (const auto* ecosystem : dependency_manifests(model)) {
    std::string_view name = dependabot_name(ecosystem->name);
    if (!name.empty()) add(std::string(name), manifest_directory(*ecosystem), ecosystem->manifest);
  }
  for (const auto& dockerfile : model.dockerfiles) {
    if (in_ignored_tree(model, dockerfile.path)) continue;
    add("docker", normalize_directory(directory_name(dockerfile.path)), dockerfile.path);
  }
  for (const auto& workflow : model.workflows) {
    if (workflow.system == model::CiSystem::kGithubActions) {
      add("github-actions", "", workflow.path);
      break;
    }
  }
  return out;
}

bool ecosystem_matches(std::string_view target, std::string_view written) {
  std::string value = core::to_lower(core::trim(written));
  if (value == target) return true;
  return (target == "pip" && (value == "uv" || value == "conda")) ||
         (target == "npm" && value == "bun");
}

std::string normalize_directory(std::string_view written) {
  std::string_view text = core::trim(written);
  while (!text.empty() && (text.front() == '/' || text.substr(0, 2) == "./"))
    text.remove_prefix(text.front() == '/' ? 1 : 2);
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  if (text == ".") return "";
  return std::string(text);
}

bool directory_covers(std::string_view written, std::string_view directory) {
  std::string pattern = normalize_directory(written);
  std::string target = normalize_directory(directory);
  if (pattern == target) return true;
  if (pattern.find_first_of("*?[") == std::string::npos) return false;
  if (pattern == "**" || pattern == "**/*") return true;
  // Dependabot expands "/src/api/**" with the folder itself ("src/api/."): the pattern covers
  // src/api as well as every folder below it.
  if (pattern.size() > 3 && pattern.ends_with("/**") &&
      pattern.substr(0, pattern.size() - 3) == target)
    return true;
  return !target.empty() && core::glob_match(pattern, target);
}

bool renovate_covers(const RenovateConfig& config, std::string_view target) {
  if (!config.restricted) return true;
  for (std::string_view manager : renovate_managers(target)) {
    if (std::find(config.enabled_managers.begin(), config.enabled_managers.end(), manager) !=
        config.enabled_managers.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace golive::rules::supply_chain::updates
