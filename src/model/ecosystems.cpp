#include "model/ecosystems.h"

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

}  // namespace

void learn_from_manifest(const SourceFile& file, const FileText& text,
                         const YamlDocumentSet* parsed, RepoModel& model) {
  model.ecosystems.push_back({file.ecosystem, file.path, project_directory(file.path)});
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
