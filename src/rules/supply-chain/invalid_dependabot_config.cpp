#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include "core/strings.h"
#include "rules/common.h"
#include "rules/rule.h"
#include "rules/supply-chain/update_config.h"

namespace golive::rules::supply_chain {
namespace {

constexpr std::array<std::string_view, 7> kIntervals = {
    "daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"};

std::string scalar(const parse::Node* node) {
  return node != nullptr && node->is_scalar() ? node->value : "";
}

// The schedule an entry gets from its multi-ecosystem group, when it belongs to one.
const parse::Node* group_schedule(const parse::Node& root, const parse::Node& entry) {
  std::string group = entry.get("multi-ecosystem-group");
  const parse::Node* groups = root.find("multi-ecosystem-groups");
  if (group.empty() || groups == nullptr) return nullptr;
  const parse::Node* definition = groups->find(group);
  return definition == nullptr ? nullptr : definition->find("schedule");
}

void check_schedule(RuleContext& context, const std::string& path, const parse::Node& entry,
                    const parse::Node* schedule, const std::string& label) {
  if (schedule == nullptr) {
    context.report(label + " has no schedule.interval, so Dependabot rejects the config", path,
                   entry.mark.line);
    return;
  }
  const parse::Node* interval = schedule->find("interval");
  if (interval == nullptr) {
    context.report(label + " has a schedule without interval", path, schedule->key_mark.line);
    return;
  }
  std::string value = core::to_lower(scalar(interval));
  if (std::find(kIntervals.begin(), kIntervals.end(), value) == kIntervals.end()) {
    context.report(label + " has schedule.interval '" + scalar(interval) +
                       "'; Dependabot accepts daily, weekly, monthly, quarterly, semiannually, "
                       "yearly or cron",
                   path, interval->mark.line);
  } else if (value == "cron" && schedule->find("cronjob") == nullptr) {
    context.report(label + " has 'interval: cron' without a cronjob expression", path,
                   interval->mark.line);
  }
}

void check_entry(RuleContext& context, const std::string& path, const parse::Node& root,
                 const parse::Node& entry, size_t index, const std::set<std::string>& registries) {
  std::string label = "update entry " + std::to_string(index + 1);
  if (!entry.is_map()) {
    context.report(label + " is not a mapping", path, entry.mark.line);
    return;
  }
  const parse::Node* ecosystem = entry.find("package-ecosystem");
  if (ecosystem == nullptr || scalar(ecosystem).empty()) {
    context.report(label + " has no package-ecosystem", path, entry.mark.line);
  } else {
    const auto& valid = updates::dependabot_ecosystems();
    std::string value = scalar(ecosystem);
    label = "the '" + value + "' entry";
    if (std::find(valid.begin(), valid.end(), value) == valid.end()) {
      std::string hint = core::closest_match(value, valid);
      if (value == "yarn" || value == "pnpm") hint = "npm";
      if (value == "pipenv" || value == "poetry" || value == "python") hint = "pip";
      if (value == "go" || value == "golang") hint = "gomod";
      if (value == "ruby" || value == "gem") hint = "bundler";
      if (value == "github" || value == "actions") hint = "github-actions";
      context.report("unknown package-ecosystem '" + value + "'" +
                         (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                         "; Dependabot accepts " + core::join(valid, ", "),
                     path, ecosystem->mark.line);
    }
  }
  const parse::Node* directory = entry.find("directory");
  const parse::Node* directories = entry.find("directories");
  if (directory == nullptr && directories == nullptr) {
    context.report(label + " has no directory or directories", path, entry.mark.line);
  } else if (directory != nullptr && directories != nullptr) {
    context.report(label + " sets both directory and directories; Dependabot takes one of them",
                   path, directories->key_mark.line);
  } else if (directories != nullptr && (!directories->is_seq() || directories->children.empty())) {
    context.report(label + " has an empty directories list", path, directories->key_mark.line);
  }
  const parse::Node* schedule = entry.find("schedule");
  if (schedule == nullptr) schedule = group_schedule(root, entry);
  check_schedule(context, path, entry, schedule, label);
  if (const parse::Node* used = entry.find("registries")) {
    for (const auto& name : used->children) {
      if (!name.is_scalar() || name.value == "*" || registries.count(name.value) > 0) continue;
      context.report(label + " uses registry '" + name.value +
                         "', which the top-level registries do not define",
                     path, name.mark.line);
    }
  }
}

void check(RuleContext& context) {
  const auto& model = context.model();
  const model::SourceFile* file = updates::dependabot_file(model);
  if (file == nullptr) return context.not_applicable("no .github/dependabot.yml");
  auto config = updates::read_dependabot(model);
  if (!config) {
    return context.not_applicable(file->path +
                                  " does not parse (the parse rules report the syntax error)");
  }
  const std::string& path = config->path;
  if (config->root == nullptr || config->root->is_null()) {
    // Commented out on purpose, as a way to turn Dependabot off: nothing is broken.
    context.report(std::string(base_name(path)) +
                       " holds no configuration (empty or only comments), so Dependabot does "
                       "nothing",
                   path, 1);
    context.findings().back().severity = Severity::kWarning;
    return;
  }
  if (!config->root->is_map()) {
    context.report(std::string(base_name(path)) + " is not a mapping", path, 1);
    return;
  }
  const parse::Node& root = *config->root;
  const parse::Node* version = root.find("version");
  if (version == nullptr) {
    context.report("no 'version: 2', so Dependabot rejects the config", path, root.mark.line);
  } else if (scalar(version) != "2") {
    context.report("version is '" + scalar(version) + "'; Dependabot only reads version 2", path,
                   version->mark.line);
  }
  if (config->updates == nullptr) {
    context.report("no 'updates' list, so Dependabot updates nothing", path, root.mark.line);
    return;
  }
  if (!config->updates->is_seq() || config->updates->children.empty()) {
    context.report("'updates' is empty or not a list, so Dependabot updates nothing", path,
                   config->updates->key_mark.line);
    return;
  }
  std::set<std::string> registries;
  if (const parse::Node* defined = root.find("registries")) {
    for (const auto& registry : defined->children) registries.insert(registry.key);
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  const auto& entries = config->updates->children;
  for (size_t i = 0; i < entries.size(); ++i) {
    const parse::Node& entry = entries[i];
    check_entry(context, path, root, entry, i, registries);
    if (!entry.is_map()) continue;
    std::vector<std::string> directories;
    if (const parse::Node* directory = entry.find("directory"))
      directories.push_back(updates::normalize_directory(scalar(directory)));
    if (const parse::Node* list = entry.find("directories")) {
      for (const auto& item : list->children)
        directories.push_back(updates::normalize_directory(scalar(&item)));
    }
    std::string ecosystem = entry.get("package-ecosystem");
    std::string branch = entry.get("target-branch");
    for (const auto& directory : directories) {
      if (!seen.insert({ecosystem, directory, branch}).second) {
        context.report("a second '" + ecosystem + "' entry for directory '/" + directory + "'" +
                           (branch.empty() ? "" : " and target-branch '" + branch + "'") +
                           "; Dependabot rejects duplicate entries",
                       path, entry.mark.line);
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kInvalidDependabotConfig;
const Rule kInvalidDependabotConfig{
    {.id = "supply-chain/invalid-dependabot-config",
     .section = "supply-chain",
     .title = "The Dependabot config is valid",
     .severity = Severity::kError,
     .seeds = "000 T002, 003 P1-04",
     .rationale =
         "GitHub rejects a dependabot.yml that breaks its schema and then runs no version update "
         "at all; the only sign is an error on the repository's Insights > Dependency graph > "
         "Dependabot page that nobody watches, so updates stop silently.",
     .remediation =
         "Start the file with 'version: 2' and give every 'updates' entry a package-ecosystem "
         "from Dependabot's list, a directory (or directories) and 'schedule: { interval: weekly "
         "}'; keep one entry per ecosystem, directory and target-branch, and define every "
         "registry an entry uses under the top-level 'registries'.",
     .also = ""},
    check};

}  // namespace golive::rules::supply_chain
