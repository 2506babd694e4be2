#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

std::string where(const model::TerraformModule& module) {
  return module.directory.empty() ? "at the repository root" : "in " + module.directory + "/";
}

void check(RuleContext& context) {
  if (!require_terraform(context)) return;
  bool any_root = false;
  for (const auto& module : context.model().terraform.modules) {
    if (!module.is_root()) continue;
    any_root = true;
    if (!module.clouds.empty()) continue;
    bool remote = false;
    for (const auto& backend : module.backends) {
      if (backend.block.label(0) == "local") {
        context.report("the root module " + where(module) +
                           " uses backend \"local\": its state lives on one machine, unshared "
                           "and unlocked",
                       backend.path, backend.block.line, backend.block.column);
        remote = true;  // reported once
        break;
      }
      remote = true;
    }
    if (remote) continue;
    model::TerraformLocation location = module.first_location();
    context.report("the root module " + where(module) +
                       " has no backend or cloud block: its state stays in a local "
                       "terraform.tfstate file, unshared and unlocked",
                   location.path, location.line, location.column);
  }
  if (!any_root) context.not_applicable("only reusable Terraform modules: no root configuration");
}

}  // namespace

extern const Rule kLocalState;
const Rule kLocalState{
    {.id = "iac/local-state",
     .section = "iac",
     .title = "Terraform state is kept remotely",
     .severity = Severity::kWarning,
     .seeds = "001 T100-T102",
     .rationale =
         "Local state lives on whoever ran the last apply: two people applying at once corrupt "
         "it, a lost laptop loses the map from code to real resources, and secrets in the "
         "state sit unencrypted on disk. golive checks each root module (a directory with "
         "provider or resource blocks that no other directory calls as a local module) for a "
         "terraform { backend \"...\" } block other than \"local\" or a terraform { cloud } "
         "block. Directories under modules/ without a provider block count as modules.",
     .remediation = "Add a remote backend with locking, e.g. 'terraform { backend \"s3\" { "
                    "bucket = \"acme-tfstate\", key = \"prod/terraform.tfstate\", "
                    "use_lockfile = true, encrypt = true } }', then run 'terraform init "
                    "-migrate-state'.",
     .also = ""},
    check};

}  // namespace golive::rules::iac
