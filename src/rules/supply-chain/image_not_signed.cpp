#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

// GoReleaser signs the images it pushes when its config has docker_signs.
bool goreleaser_signs(const model::RepoModel& model, const model::Step& step) {
  const parse::Node* config = gates::goreleaser_config(model);
  bool goreleaser = gates::uses_action(step, "goreleaser/goreleaser-action") ||
                    step.run.find("goreleaser") != std::string::npos;
  return goreleaser && config != nullptr && config->find("docker_signs") != nullptr;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool publishes = false;
  for (const auto& workflow : model.workflows) {
    auto points = gates::image_publish_points(workflow);
    if (points.empty()) continue;
    publishes = true;
    if (model.step_scope(workflow).any(gates::is_sign)) continue;
    for (const auto& point : points) {
      if (goreleaser_signs(model, *point.step)) continue;
      context.report(gates::job_label(workflow, *point.job) + " publishes an image ('" +
                         point.evidence.text + "') that no step of the workflow signs",
                     workflow.path, point.evidence.line);
    }
  }
  if (!publishes) {
    context.not_applicable(
        "no CI workflow pushes a container image or builds one for a release or deploy");
  }
}

}  // namespace

extern const Rule kImageNotSigned;
const Rule kImageNotSigned{
    {.id = "supply-chain/image-not-signed",
     .section = "supply-chain",
     .title = "Published images are signed",
     .severity = Severity::kWarning,
     .seeds = "000 T003, 000 T011, 000 T041, 002 §3",
     .rationale =
         "A registry tag proves nothing about who built the image: anyone with push access, or "
         "a stolen token, can replace it. A cosign signature made by the CI identity lets the "
         "deploy side (or an admission controller) verify that the image came from this "
         "pipeline.",
     .remediation =
         "Sign by digest right after the push with keyless cosign: add 'permissions: { "
         "id-token: write }', '- uses: sigstore/cosign-installer@<sha>' and 'run: cosign sign "
         "--yes <registry>/<image>@${{ steps.build.outputs.digest }}'; verify with 'cosign "
         "verify' before deploying.",
     .also = "scorecard Signed-Releases, SLSA"},
    check};

}  // namespace golive::rules::supply_chain
