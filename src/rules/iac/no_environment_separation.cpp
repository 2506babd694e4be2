#include <set>

#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

void check(RuleContext& context) {
  if (!require_terraform(context)) return;
  const auto& terraform = context.model().terraform;
  bool any_root = false;
  for (const auto& module : terraform.modules) {
    any_root = any_root || module.is_root();
    if (!module.workspace_uses.empty()) return;  // one configuration, one workspace each
  }
  if (!any_root) {
    return context.not_applicable("only reusable Terraform modules: no root configuration");
  }
  std::set<std::string> names;
  for (const auto& environment : terraform.environments) names.insert(environment.name);
  if (names.size() >= 2) return;
  if (names.size() == 1) {
    const auto& only = terraform.environments.front();
    context.report("terraform defines only the " + only.name + " environment (" + only.path +
                   "): no second environment to try a change in before production");
    return;
  }
  context.report(
      "terraform has no per-environment folders, per-environment tfvars or workspaces: one "
      "configuration and one state serve every environment");
}

}  // namespace

extern const Rule kNoEnvironmentSeparation;
const Rule kNoEnvironmentSeparation{
    {.id = "iac/no-environment-separation",
     .section = "iac",
     .title = "Terraform separates its environments",
     .severity = Severity::kWarning,
     .seeds = "001 T100-T102",
     .rationale =
         "When staging and production share one Terraform configuration and one state, every "
         "apply is a production apply and nothing can be tried first. golive accepts any of "
         "the usual layouts: folders named after two or more environments (envs/prod, "
         "environments/staging, live/dev; dev, development, staging, stage, prod, production, "
         "qa, uat, preprod, sandbox), tfvars files per environment (prod.tfvars, "
         "staging.auto.tfvars), or workspaces (an expression reading terraform.workspace, a "
         "cloud or backend block selecting workspaces).",
     .remediation = "Give each environment its own root module and state (envs/staging, "
                    "envs/prod calling shared modules), or its own tfvars file and workspace "
                    "('terraform workspace new staging').",
     .also = ""},
    check};

}  // namespace golive::rules::iac
