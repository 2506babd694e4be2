#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "model/ci_internal.h"
#include "model/coverage.h"
#include "model/model.h"
#include "walk/classify.h"

namespace golive::model {

namespace {

using core::base_name;
using core::ends_with;
using core::starts_with;

// Source file extensions that show an ecosystem's project has code of its own.
struct SourceExtension {
  std::string_view extension;
  std::string_view ecosystem;
};

constexpr std::array kSourceExtensions = {
    SourceExtension{".js", "npm"},       SourceExtension{".jsx", "npm"},
    SourceExtension{".ts", "npm"},       SourceExtension{".tsx", "npm"},
    SourceExtension{".mjs", "npm"},      SourceExtension{".cjs", "npm"},
    SourceExtension{".vue", "npm"},      SourceExtension{".svelte", "npm"},
    SourceExtension{".py", "python"},    SourceExtension{".go", "go"},
    SourceExtension{".java", "maven"},   SourceExtension{".kt", "maven"},
    SourceExtension{".scala", "maven"},  SourceExtension{".groovy", "maven"},
    SourceExtension{".java", "gradle"},  SourceExtension{".kt", "gradle"},
    SourceExtension{".scala", "gradle"}, SourceExtension{".groovy", "gradle"},
    SourceExtension{".rs", "cargo"},     SourceExtension{".c", "cmake"},
    SourceExtension{".cc", "cmake"},     SourceExtension{".cpp", "cmake"},
    SourceExtension{".cxx", "cmake"},    SourceExtension{".h", "cmake"},
    SourceExtension{".hpp", "cmake"},    SourceExtension{".rb", "ruby"},
    SourceExtension{".rake", "ruby"},    SourceExtension{".php", "php"},
    SourceExtension{".ex", "elixir"},    SourceExtension{".exs", "elixir"},
    SourceExtension{".dart", "dart"},    SourceExtension{".swift", "swift"},
    SourceExtension{".cs", "nuget"},     SourceExtension{".fs", "nuget"},
};

// Ecosystems whose nested manifests are modules of the outermost build.
bool nests_modules(std::string_view ecosystem) {
  return ecosystem == "cmake" || ecosystem == "maven" || ecosystem == "gradle" ||
         ecosystem == "cargo";
}

int manifest_rank(std::string_view manifest) {
  std::string_view name = base_name(manifest);
  if (name == "poetry.lock" || ends_with(name, ".lock")) return 3;
  if (starts_with(name, "requirements")) return 2;
  if (name == "setup.cfg" || name == "conanfile.txt") return 1;
  return 0;
}

const Project* deepest(const std::vector<Project>& projects, std::string_view ecosystem,
                       std::string_view directory) {
  const Project* best = nullptr;
  for (const auto& project : projects) {
    if (project.ecosystem != ecosystem || !within(directory, project.directory)) continue;
    if (best == nullptr || project.directory.size() > best->directory.size()) best = &project;
  }
  return best;
}

}  // namespace

bool within(std::string_view child, std::string_view parent) {
  if (parent == "." || parent.empty() || child == parent) return true;
  return child.size() > parent.size() && starts_with(child, parent) && child[parent.size()] == '/';
}

std::string normalise_directory(std::string_view path) {
  std::vector<std::string> parts;
  for (const auto& part : core::split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return parts.empty() ? "." : core::join(parts, "/");
}

std::vector<Project> find_projects(const RepoModel& model) {
  std::vector<Project> all;
  for (const auto& ecosystem : model.ecosystems) {
    if (ecosystem.name.empty()) continue;
    std::string directory = normalise_directory(ecosystem.directory);
    if (outside_own_projects(model.role_of_directory(directory == "." ? "" : directory))) continue;
    auto existing = std::find_if(all.begin(), all.end(), [&](const Project& p) {
      return p.ecosystem == ecosystem.name && p.directory == directory;
    });
    if (existing == all.end()) {
      all.push_back({ecosystem.name, directory, ecosystem.manifest});
    } else if (manifest_rank(ecosystem.manifest) < manifest_rank(existing->manifest)) {
      existing->manifest = ecosystem.manifest;
    }
  }
  std::vector<Project> projects;
  for (const auto& project : all) {
    bool nested = nests_modules(project.ecosystem) &&
                  std::any_of(all.begin(), all.end(), [&](const Project& other) {
                    return other.ecosystem == project.ecosystem &&
                           other.directory != project.directory &&
                           within(project.directory, other.directory);
                  });
    if (!nested) projects.push_back(project);
  }
  // The deepest project of an ecosystem that holds a directory: walk up from the directory.
  std::map<std::pair<std::string, std::string>, const Project*> by_place;
  for (const auto& project : projects) by_place[{project.ecosystem, project.directory}] = &project;
  auto owner_of = [&](const std::string& ecosystem, std::string directory) -> const Project* {
    while (true) {
      if (auto it = by_place.find({ecosystem, directory}); it != by_place.end()) return it->second;
      if (directory == "." || directory.empty()) return nullptr;
      size_t slash = directory.rfind('/');
      directory = slash == std::string::npos ? "." : directory.substr(0, slash);
    }
  };
  std::set<const Project*> with_sources;
  for (const auto& file : model.files) {
    std::string_view name = base_name(file.path);
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) continue;
    // webpack.config.js, vite.config.ts: a bundler's configuration is no code of the project's
    // own (a package.json that only bundles Sass and jQuery for a .NET app has none to lint).
    if (walk::is_build_tool_config(name)) continue;
    std::string extension = core::to_lower(name.substr(dot));
    std::string directory = project_directory(file.path);
    for (const auto& source : kSourceExtensions) {
      if (source.extension != extension) continue;
      if (const Project* owner =
              owner_of(std::string(source.ecosystem), normalise_directory(directory)))
        with_sources.insert(owner);
    }
  }
  std::vector<Project> out;
  for (const auto& project : projects) {
    if (with_sources.count(&project) == 0) continue;
    out.push_back(project);
    out.back().directory_lower = core::to_lower(project.directory);
  }
  std::sort(out.begin(), out.end(), [](const Project& a, const Project& b) {
    return std::tie(a.directory, a.ecosystem) < std::tie(b.directory, b.ecosystem);
  });
  return out;
}

const std::vector<Project>& gate_projects(const RepoModel& model) {
  return model.gate_facts.projects;
}

std::string project_place(const Project& project) {
  return project.directory == "." ? "at the repository root" : "under " + project.directory;
}

bool applies_to(const std::vector<Project>& projects, std::string_view ecosystem,
                std::string_view directory, const Project& project) {
  if (!ecosystem.empty() && ecosystem != project.ecosystem) return false;
  if (ecosystem.empty() || directory.empty()) return true;
  std::string normal = normalise_directory(directory);
  if (const Project* owner = deepest(projects, ecosystem, normal)) {
    return owner->directory == project.directory;
  }
  return within(project.directory, normal);
}

int script_line(const RepoModel& model, const Project& project, std::string_view name) {
  if (project.ecosystem != "npm") return 1;
  for (const auto& script : model.coverage.scripts) {
    if (script.runner == "npm" && script.name == name &&
        normalise_directory(script.directory) == project.directory) {
      return script.line;
    }
  }
  return 1;
}

}  // namespace golive::model
