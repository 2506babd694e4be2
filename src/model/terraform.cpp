#include "model/terraform.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "core/paths.h"
#include "core/strings.h"

namespace golive::model {
namespace {

using core::base_name;
using core::ends_with;

// Words of a path segment or file stem: "prod-us-east.auto" -> prod, us, east, auto.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == '.' || c == '-' || c == '_' || c == '/') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

struct EnvironmentAlias {
  std::string_view word;
  std::string_view name;
};

// Folder and file words that name an environment. "test" is left out: a test/ folder beside
// Terraform holds Terratest code far more often than a test environment.
constexpr std::array kEnvironmentAliases = {
    EnvironmentAlias{"dev", "dev"},
    EnvironmentAlias{"develop", "dev"},
    EnvironmentAlias{"development", "dev"},
    EnvironmentAlias{"staging", "staging"},
    EnvironmentAlias{"stage", "staging"},
    EnvironmentAlias{"stg", "staging"},
    EnvironmentAlias{"prod", "prod"},
    EnvironmentAlias{"production", "prod"},
    EnvironmentAlias{"prd", "prod"},
    EnvironmentAlias{"qa", "qa"},
    EnvironmentAlias{"uat", "uat"},
    EnvironmentAlias{"preprod", "preprod"},
    EnvironmentAlias{"preproduction", "preprod"},
    EnvironmentAlias{"sandbox", "sandbox"},
    EnvironmentAlias{"nonprod", "nonprod"},
};

void note_workspace_uses(const std::string& path, const parse::HclBody& body,
                         std::vector<TerraformLocation>& uses) {
  for (const auto& attribute : body.attributes) {
    if (attribute.expression.text.find("terraform.workspace") != std::string::npos) {
      uses.push_back({path, attribute.expression.line, attribute.expression.column});
    }
  }
  for (const auto& block : body.blocks) note_workspace_uses(path, block.body, uses);
}

// A backend or cloud block that selects workspaces: cloud { workspaces { ... } }, the remote
// backend's workspaces { prefix = ... }, or s3's workspace_key_prefix.
bool selects_workspaces(const parse::HclBlock& block) {
  return block.body.block("workspaces") != nullptr ||
         block.body.attribute("workspace_key_prefix") != nullptr;
}

void add_file_to_module(const TerraformFile& file, TerraformModule& module) {
  module.files.push_back(file.path);
  for (const auto& block : file.body.blocks) {
    const std::string& type = block.type;
    if (type == "terraform") {
      module.terraform_blocks.push_back({file.path, block});
      for (const auto& inner : block.body.blocks) {
        if (inner.type == "backend") module.backends.push_back({file.path, inner});
        if (inner.type == "cloud") module.clouds.push_back({file.path, inner});
        if ((inner.type == "backend" || inner.type == "cloud") && selects_workspaces(inner)) {
          module.workspace_uses.push_back({file.path, inner.line, inner.column});
        }
      }
    } else if (type == "provider") {
      module.providers.push_back({file.path, block});
    } else if (type == "resource" || type == "data") {
      TerraformResource resource{file.path,  block.label(0), block.label(1),
                                 block.line, block.column,   block.body};
      (type == "resource" ? module.resources : module.data_sources).push_back(std::move(resource));
    } else if (type == "module") {
      module.module_calls.push_back({file.path, block});
    } else if (type == "variable") {
      module.variables.push_back({file.path, block.label(0), block.line, block.column, block.body});
    }
  }
  note_workspace_uses(file.path, file.body, module.workspace_uses);
}

bool has_segment(std::string_view directory, std::string_view segment) {
  for (const auto& part : core::split(directory, '/')) {
    if (part == segment) return true;
  }
  return false;
}

}  // namespace

bool TerraformModule::is_root() const {
  if (providers.empty() && resources.empty()) return false;
  if (called_as_module) return false;
  return !(providers.empty() && has_segment(directory, "modules"));
}

TerraformLocation TerraformModule::first_location() const {
  if (!terraform_blocks.empty()) {
    const auto& first = terraform_blocks.front();
    return {first.path, first.block.line, first.block.column};
  }
  if (!providers.empty()) {
    const auto& first = providers.front();
    return {first.path, first.block.line, first.block.column};
  }
  if (!resources.empty()) {
    const auto& first = resources.front();
    return {first.path, first.line, first.column};
  }
  return {files.empty() ? std::string() : files.front(), 1, 1};
}

std::vector<const TerraformResource*> TerraformFacts::resources_of(std::string_view type) const {
  std::vector<const TerraformResource*> found;
  for (const auto& module : modules) {
    for (const auto& resource : module.resources) {
      if (resource.type == type) found.push_back(&resource);
    }
  }
  return found;
}

const TerraformModule* TerraformFacts::module_at(std::string_view directory) const {
  for (const auto& module : modules) {
    if (module.directory == directory) return &module;
  }
  return nullptr;
}

void TerraformFacts::merge(TerraformFacts& part) {
  files.insert(files.end(), std::make_move_iterator(part.files.begin()),
               std::make_move_iterator(part.files.end()));
}

std::string terraform_environment_name(std::string_view word) {
  std::string lower = core::to_lower(word);
  for (const auto& alias : kEnvironmentAliases) {
    if (lower == alias.word) return std::string(alias.name);
  }
  return "";
}

void learn_terraform(const std::string& path, std::string_view content, TerraformFacts& facts,
                     parse::ParseIssues& issues) {
  parse::HclFile parsed = parse::parse_hcl(content);
  issues.insert(issues.end(), parsed.issues.begin(), parsed.issues.end());
  facts.files.push_back({path, std::string(core::directory_name(path)), ends_with(path, ".tfvars"),
                         std::move(parsed.body)});
}

void derive_terraform(TerraformFacts& facts) {
  std::sort(facts.files.begin(), facts.files.end(),
            [](const TerraformFile& a, const TerraformFile& b) { return a.path < b.path; });
  std::map<std::string, TerraformModule> by_directory;
  for (const auto& file : facts.files) {
    if (file.tfvars) continue;
    TerraformModule& module = by_directory[file.directory];
    module.directory = file.directory;
    add_file_to_module(file, module);
  }
  // Local module sources mark the directories they point at as called modules.
  for (auto& [directory, module] : by_directory) {
    for (const auto& call : module.module_calls) {
      const parse::HclAttribute* source = call.block.body.attribute("source");
      if (source == nullptr || source->expression.kind != parse::HclExprKind::kString) continue;
      const std::string& value = source->expression.value;
      if (value.rfind("./", 0) != 0 && value.rfind("../", 0) != 0) continue;
      std::string target = core::join_path(directory, value);
      while (!target.empty() && target.back() == '/') target.pop_back();
      auto called = by_directory.find(target);
      if (called != by_directory.end() && called->first != directory)
        called->second.called_as_module = true;
    }
  }
  facts.modules.clear();
  for (auto& [directory, module] : by_directory) facts.modules.push_back(std::move(module));

  // Environments: folder segments of Terraform directories, and tfvars file names.
  std::set<std::pair<std::string, std::string>> seen;  // name + path
  auto add = [&](const std::string& name, EnvironmentEvidence evidence, const std::string& path) {
    if (name.empty() || !seen.insert({name, path}).second) return;
    facts.environments.push_back({name, evidence, path});
  };
  facts.environments.clear();
  for (const auto& file : facts.files) {
    std::string prefix;
    for (const auto& segment : core::split(file.directory, '/')) {
      prefix += (prefix.empty() ? "" : "/") + segment;
      add(terraform_environment_name(segment), EnvironmentEvidence::kFolder, prefix);
    }
    if (!file.tfvars) continue;
    std::string_view name = base_name(file.path);
    name.remove_suffix(std::string_view(".tfvars").size());
    for (const auto& word : words_of(name)) {
      add(terraform_environment_name(word), EnvironmentEvidence::kTfvars, file.path);
    }
  }
}

}  // namespace golive::model
