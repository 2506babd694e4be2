#include <set>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/update_config.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  std::set<std::string> ecosystems;
  for (const auto* manifest : updates::dependency_manifests(model))
    ecosystems.insert(manifest->name);
  std::vector<std::string> what;
  if (!ecosystems.empty())
    what.push_back(core::join({ecosystems.begin(), ecosystems.end()}, ", ") + " manifests");
  if (!model.dockerfiles.empty()) what.emplace_back("Dockerfiles");
  if (!model.workflows.empty()) what.emplace_back("CI workflows");
  if (what.empty()) {
    return context.not_applicable(
        "no package manifests, Dockerfiles or CI workflows: nothing to keep up to date");
  }
  if (updates::dependabot_file(model) != nullptr || updates::read_renovate(model)) return;
  std::string listed = what.back();
  if (what.size() > 1) {
    what.pop_back();
    listed = core::join(what, ", ") + " and " + listed;
  }
  context.report("no Dependabot or Renovate config, so the dependencies in " + listed +
                 " are only updated by hand");
}

}  // namespace

extern const Rule kMissingDependencyUpdates;
const Rule kMissingDependencyUpdates{
    {.id = "supply-chain/missing-dependency-updates",
     .section = "supply-chain",
     .title = "Dependency updates are automated",
     .severity = Severity::kWarning,
     .seeds = "000 T002, 003 P1-04",
     .rationale =
         "Dependencies that nobody bumps drift months behind their fixes: when a vulnerability is "
         "published the upgrade is large and risky instead of a routine pull request. Dependabot "
         "or Renovate open those pull requests on a schedule for packages, base images and "
         "actions.",
     .remediation =
         "Add .github/dependabot.yml with 'version: 2' and one 'updates' entry per ecosystem, "
         "e.g. '- package-ecosystem: npm / directory: \"/\" / schedule: { interval: weekly }', "
         "plus "
         "entries for 'docker' and 'github-actions'; on GitLab, or to update everything with one "
         "tool, add a renovate.json with '{ \"extends\": [\"config:recommended\"] }'.",
     .also = "scorecard Dependency-Update-Tool"},
    check};

}  // namespace golive::rules::supply_chain
