#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    for (const auto& job : workflow.jobs) {
      std::vector<const model::ServiceImage*> images;
      if (job.container) images.push_back(&*job.container);
      for (const auto& service : job.services) images.push_back(&service);
      for (const auto* image : images) {
        for (const auto& credential : image->credentials) {
          if (credential.key != "password") continue;
          any = true;
          std::string_view value = core::trim(credential.value);
          if (value.empty() || value.find("${{") != std::string_view::npos) continue;
          std::string what = image->name == "container" && job.container && image == &*job.container
                                 ? "container"
                                 : "service '" + image->name + "'";
          context.report("job '" + job.id + "' writes the registry password of its " + what + " (" +
                             image->image + ") in the workflow instead of a secret",
                         workflow.path, credential.line);
        }
      }
    }
  }
  if (!any) context.not_applicable("no job container or service has registry credentials");
}

}  // namespace

extern const Rule kHardcodedContainerCredentials;
const Rule kHardcodedContainerCredentials{
    {.id = "supply-chain/hardcoded-container-credentials",
     .section = "supply-chain",
     .title = "Container registry passwords come from secrets",
     .severity = Severity::kError,
     .seeds = "000 T022, 003 P2-05, 004 T016",
     .rationale = "A password written in a workflow is readable by everyone who can read the "
                  "repository, stays in its history after it is changed, and lets them pull (often "
                  "push) the organisation's private images.",
     .remediation =
         "Revoke the password, store a token in a secret and reference it: 'credentials: { "
         "username: ${{ github.actor }}, password: ${{ secrets.GITHUB_TOKEN }} }' for ghcr.io, "
         "or '${{ secrets.REGISTRY_TOKEN }}' for other registries.",
     .also = "zizmor hardcoded-container-credentials"},
    check};

}  // namespace golive::rules::supply_chain
