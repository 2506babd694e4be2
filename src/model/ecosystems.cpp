#include "model/ecosystems.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/paths.h"
#include "core/strings.h"
#include "model/coverage.h"

namespace golive::model {
namespace {

// Libraries whose presence means the code reads a .env file.
constexpr std::array kDotenvLibraries = {"dotenv",      "python-dotenv", "godotenv",
                                         "dotenv-java", "dotenvy",       "pydantic-settings",
                                         "dotenv-rails"};

void find_dotenv_in_text(const std::string& path, const FileText& text, RepoModel& model) {
  const auto& lines = text.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    // A dependency named in a comment ("# dropped python-dotenv") is not a dependency.
    if (line.empty() || line.front() == '#' || line.substr(0, 2) == "//") continue;
    std::string lower = core::to_lower(line);
    for (std::string_view library : kDotenvLibraries) {
      size_t at = lower.find(library);
      if (at == std::string::npos) continue;
      // Require a word boundary so "dotenv" does not match inside other names.
      auto boundary = [](char c) {
        return !(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
      };
      bool left = at == 0 || boundary(lower[at - 1]);
      size_t end = at + library.size();
      bool right = end >= lower.size() || boundary(lower[end]);
      if (left && right) {
        model.env_expectations.push_back(
            {path, static_cast<int>(i) + 1, "depends on " + std::string(library)});
        return;
      }
    }
  }
}

void find_dotenv_in_package_json(const YamlDocumentSet& parsed, RepoModel& model) {
  if (parsed.documents.empty()) return;
  for (const char* section : {"dependencies", "devDependencies"}) {
    const parse::Node* deps = parsed.documents.front().find(section);
    if (deps == nullptr) continue;
    for (const auto& dep : deps->children) {
      if (dep.key == "dotenv" || dep.key == "dotenv-flow") {
        model.env_expectations.push_back({parsed.path, dep.key_mark.line, "depends on " + dep.key});
        return;
      }
    }
  }
}

// The last segment of a Go module path, without a major-version suffix:
// "github.com/stefanprodan/podinfo/v6" -> "podinfo".
std::string go_module_name(const FileText& text) {
  for (std::string_view line : text.lines()) {
    line = core::trim(line);
    if (!core::starts_with(line, "module ")) continue;
    std::string_view module = core::trim(line.substr(7));
    if (!module.empty() && module.front() == '"')
      module = module.substr(1, module.find('"', 1) - 1);
    std::vector<std::string> parts = core::split(module, '/');
    while (parts.size() > 1 && parts.back().size() >= 2 && parts.back()[0] == 'v' &&
           std::all_of(parts.back().begin() + 1, parts.back().end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      parts.pop_back();
    return parts.empty() ? "" : parts.back();
  }
  return "";
}

std::string package_json_name(const YamlDocumentSet* parsed) {
  if (parsed == nullptr || parsed->documents.empty() || !parsed->documents.front().is_map())
    return "";
  std::string name = parsed->documents.front().get("name");
  if (size_t slash = name.find('/');
      !name.empty() && name.front() == '@' && slash != std::string::npos)
    name = name.substr(slash + 1);
  return name;
}

}  // namespace

void learn_from_manifest(const SourceFile& file, const FileText& text,
                         const YamlDocumentSet* parsed, RepoModel& model) {
  std::string name = file.ecosystem == "go"    ? go_module_name(text)
                     : file.ecosystem == "npm" ? package_json_name(parsed)
                                               : "";
  model.ecosystems.push_back({file.ecosystem, file.path, project_directory(file.path), name});
  if (file.ecosystem == "npm") {
    if (parsed != nullptr) find_dotenv_in_package_json(*parsed, model);
  } else if (file.ecosystem == "python" || file.ecosystem == "go" || file.ecosystem == "ruby" ||
             file.ecosystem == "cargo") {
    find_dotenv_in_text(file.path, text, model);
  }
}

void learn_from_compose(const YamlDocumentSet& compose, RepoModel& model) {
  for (const auto& document : compose.documents) {
    const parse::Node* services = document.find("services");
    if (services == nullptr) continue;
    for (const auto& service : services->children) {
      const parse::Node* env_file = service.find("env_file");
      if (env_file == nullptr) continue;
      std::vector<const parse::Node*> names;
      if (env_file->is_scalar()) names.push_back(env_file);
      for (const auto& item : env_file->children)
        names.push_back(item.is_map() ? item.find("path") : &item);
      for (const parse::Node* name : names) {
        if (name == nullptr || !name->is_scalar()) continue;
        model.env_expectations.push_back(
            {compose.path, name->mark.line,
             "service '" + service.key + "' loads env_file " + name->value});
      }
    }
  }
}

}  // namespace golive::model
