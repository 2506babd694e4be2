#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/update_config.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  auto config = updates::read_dependabot(context.model());
  if (!config || config->entries.empty()) {
    return context.not_applicable("no readable Dependabot updates list");
  }
  for (const auto& entry : config->entries) {
    const parse::Node* setting = entry.node->find("insecure-external-code-execution");
    if (setting == nullptr || core::to_lower(setting->value) != "allow") continue;
    context.report("the '" + entry.ecosystem +
                       "' entry sets insecure-external-code-execution: allow, so code in "
                       "manifests runs during updates with access to the registry credentials",
                   config->path, setting->key_mark.line);
  }
}

}  // namespace

extern const Rule kDependabotInsecureExternalCode;
const Rule kDependabotInsecureExternalCode{
    {.id = "supply-chain/dependabot-insecure-external-code",
     .section = "supply-chain",
     .title = "Dependabot does not run code from manifests",
     .severity = Severity::kWarning,
     .seeds = "000 T002",
     .rationale =
         "With insecure-external-code-execution: allow, Dependabot lets bundler, mix and pip "
         "execute code from manifests (setup.py, gemspecs, mix.exs) while it updates them, with "
         "the private registry credentials of the config in reach: a compromised or "
         "typo-squatted dependency can steal them.",
     .remediation =
         "Remove 'insecure-external-code-execution: allow' (or set it to deny); if resolution "
         "needs code execution, move the dynamic part out of the manifest (a static "
         "requirements.txt or pyproject.toml instead of setup.py).",
     .also = ""},
    check};

}  // namespace golive::rules::supply_chain
