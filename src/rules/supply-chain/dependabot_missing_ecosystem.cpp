#include <algorithm>

#include "core/strings.h"
#include "rules/common.h"
#include "rules/rule.h"
#include "rules/supply-chain/update_config.h"

namespace golive::rules::supply_chain {
namespace {

using updates::UpdateTarget;

// A workspace or multi-module root updates the manifests below it: Maven and Gradle
// multi-module builds, Cargo workspaces, npm/yarn/pnpm workspaces.
bool workspace_covers(const model::RepoModel& model, const std::vector<UpdateTarget>& targets,
                      const std::string& root, const UpdateTarget& target) {
  const auto& ecosystem = target.ecosystem;
  if (ecosystem != "maven" && ecosystem != "gradle" && ecosystem != "cargo" && ecosystem != "npm")
    return false;
  if (!root.empty() && target.directory.rfind(root + "/", 0) != 0) return false;
  if (root.empty() && target.directory.empty()) return false;
  auto has_manifest = std::any_of(targets.begin(), targets.end(), [&](const UpdateTarget& other) {
    return other.ecosystem == ecosystem && other.directory == root;
  });
  if (!has_manifest) return false;
  if (ecosystem != "npm") return true;
  std::string prefix = root.empty() ? "" : root + "/";
  const parse::Node* package = model.yaml_document(prefix + "package.json");
  return (package != nullptr && package->find("workspaces") != nullptr) ||
         model.file(prefix + "pnpm-workspace.yaml") != nullptr ||
         model.file(prefix + "lerna.json") != nullptr;
}

std::string where(const UpdateTarget& target) {
  return target.directory.empty() ? "the root (" + target.evidence + ")"
                                  : target.directory + " (" + target.evidence + ")";
}

void check(RuleContext& context) {
  const auto& model = context.model();
  const model::SourceFile* dependabot_file = updates::dependabot_file(model);
  auto renovate = updates::read_renovate(model);
  if (dependabot_file == nullptr && !renovate) {
    return context.not_applicable(
        "no Dependabot or Renovate config (supply-chain/missing-dependency-updates reports that)");
  }
  if (renovate && !renovate->restricted) return;  // Renovate runs every manager by default
  auto dependabot = updates::read_dependabot(model);
  bool dependabot_usable =
      dependabot && dependabot->updates != nullptr && dependabot->updates->is_seq();
  if (!dependabot_usable && !renovate) {
    return context.not_applicable(
        "the Dependabot config has no readable updates list "
        "(supply-chain/invalid-dependabot-config and the parse rules report it)");
  }
  std::vector<UpdateTarget> targets = updates::update_targets(model);
  if (targets.empty()) {
    return context.not_applicable("no manifests, Dockerfiles or GitHub workflows to update");
  }
  for (const auto& target : targets) {
    if (renovate && updates::renovate_covers(*renovate, target.ecosystem)) continue;
    const updates::UpdateEntry* same_ecosystem = nullptr;
    std::vector<std::string> directories;
    bool covered = false;
    if (dependabot_usable) {
      for (const auto& entry : dependabot->entries) {
        if (!updates::ecosystem_matches(target.ecosystem, entry.ecosystem)) continue;
        if (same_ecosystem == nullptr) same_ecosystem = &entry;
        if (target.ecosystem == "github-actions") covered = true;
        for (const auto& directory : entry.directories) {
          directories.push_back(directory);
          covered =
              covered || updates::directory_covers(directory, target.directory) ||
              workspace_covers(model, targets, updates::normalize_directory(directory), target);
        }
      }
    }
    if (covered) continue;
    if (!dependabot_usable) {
      context.report(renovate->path + " enabledManagers leaves out " + target.ecosystem +
                         ", so the dependencies of " + where(target) + " are never updated",
                     renovate->path, renovate->enabled_managers_line);
      continue;
    }
    const std::string& path = dependabot->path;
    if (target.ecosystem == "github-actions") {
      context.report(std::string(base_name(path)) +
                         " has no 'github-actions' entry, so the actions used by " +
                         target.evidence + " and the other workflows are never updated",
                     path, dependabot->updates->key_mark.line);
    } else if (same_ecosystem != nullptr) {
      context.report(std::string(base_name(path)) + " updates '" + same_ecosystem->ecosystem +
                         "' only in " + core::join(directories, ", ") + ", not in " + where(target),
                     path, same_ecosystem->ecosystem_line);
    } else {
      context.report(std::string(base_name(path)) + " has no '" + target.ecosystem +
                         "' entry for " + where(target),
                     path, dependabot->updates->key_mark.line);
    }
  }
}

}  // namespace

extern const Rule kDependabotMissingEcosystem;
const Rule kDependabotMissingEcosystem{
    {.id = "supply-chain/dependabot-missing-ecosystem",
     .section = "supply-chain",
     .title = "Dependency updates cover every ecosystem and directory",
     .severity = Severity::kWarning,
     .seeds = "000 T002, 003 P1-04",
     .rationale =
         "Dependabot only updates the ecosystems and directories its config lists: a service "
         "added under services/ or a Dockerfile in a subdirectory silently falls out of the "
         "update cycle, and 'directory: \"/\"' covers the root only. GitHub Actions and base "
         "images are dependencies too.",
     .remediation =
         "Add an 'updates' entry for the missing ecosystem in .github/dependabot.yml, e.g. "
         "'- package-ecosystem: pip / directories: [\"/\", \"/services/*\"] / schedule: { "
         "interval: weekly }' (Dependabot names: npm, pip, gomod, maven, gradle, cargo, bundler, "
         "composer, nuget, mix, pub, swift, docker, github-actions); with Renovate, add the "
         "manager to enabledManagers or drop enabledManagers.",
     .also = "scorecard Dependency-Update-Tool"},
    check};

}  // namespace golive::rules::supply_chain
