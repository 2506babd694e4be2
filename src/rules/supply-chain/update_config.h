#pragma once
// Facts about automated dependency updates, computed from the model: the Dependabot config
// (.github/dependabot.yml), the Renovate config and what in the repository needs updating.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace golive::rules::supply_chain::updates {

// The Dependabot config GitHub reads: .github/dependabot.yml or .yaml at the root, parsed or not.
const model::SourceFile* dependabot_file(const model::RepoModel& model);

struct UpdateEntry {
  const parse::Node* node = nullptr;  // the entry mapping
  std::string ecosystem;              // package-ecosystem as written
  int line = 0;                       // the entry's first line
  int ecosystem_line = 0;
  std::vector<std::string> directories;  // directory or directories, as written
};

struct DependabotConfig {
  std::string path;
  const parse::Node* root = nullptr;
  const parse::Node* updates = nullptr;  // the updates key, nullptr when missing
  std::vector<UpdateEntry> entries;      // mapping entries of updates
};

// The parsed root Dependabot config; nullopt when there is none or it did not parse.
std::optional<DependabotConfig> read_dependabot(const model::RepoModel& model);

struct RenovateConfig {
  std::string path;
  bool parsed = false;
  bool restricted = false;  // enabledManagers limits the managers Renovate runs
  int enabled_managers_line = 0;
  std::vector<std::string> enabled_managers;
};

// The Renovate config Renovate reads: renovate.json(5), .renovaterc(.json/.json5) at the root,
// in .github/ or .gitlab/, or a "renovate" key in the root package.json.
std::optional<RenovateConfig> read_renovate(const model::RepoModel& model);

// Every package-ecosystem value Dependabot accepts.
const std::vector<std::string>& dependabot_ecosystems();

// Something Dependabot should keep up to date: one per ecosystem and directory.
struct UpdateTarget {
  std::string ecosystem;  // Dependabot's name: npm, pip, gomod, ..., docker, github-actions
  std::string directory;  // relative to the root, "" for the root
  std::string evidence;   // the file that revealed it
};

// Package manifests (not build scripts such as CMakeLists.txt) outside vendored and fixture trees.
std::vector<const model::Ecosystem*> dependency_manifests(const model::RepoModel& model);

// What needs updates: manifests Dependabot supports, Dockerfiles, GitHub workflows and actions.
std::vector<UpdateTarget> update_targets(const model::RepoModel& model);

// Whether a package-ecosystem value written in the config serves a target ecosystem
// (pip also covers uv projects, npm covers bun).
bool ecosystem_matches(std::string_view target, std::string_view written);

// "/services/api/" -> "services/api"; "/" and "." -> "".
std::string normalize_directory(std::string_view written);

// Whether a Dependabot directory (a path or a glob such as "/services/*" or "**/*") covers a
// directory; "/" covers only the root.
bool directory_covers(std::string_view written, std::string_view directory);

// Whether Renovate runs a manager for a target ecosystem.
bool renovate_covers(const RenovateConfig& config, std::string_view target);

}  // namespace golive::rules::supply_chain::updates
