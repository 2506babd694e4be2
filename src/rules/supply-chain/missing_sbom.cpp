#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

// GoReleaser writes SBOMs for the archives it releases when its config has sboms.
bool goreleaser_sboms(const model::RepoModel& model, const model::Step& step) {
  const parse::Node* config = gates::goreleaser_config(model);
  bool goreleaser = gates::uses_action(step, "goreleaser/goreleaser-action") ||
                    step.run.find("goreleaser") != std::string::npos;
  return goreleaser && config != nullptr && config->find("sboms") != nullptr;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool publishes = false;
  for (const auto& workflow : model.workflows) {
    std::vector<std::pair<gates::PublishPoint, const char*>> points;
    for (const auto& point : gates::image_publish_points(workflow))
      points.emplace_back(point, "an image");
    for (const auto& point : gates::release_asset_points(workflow))
      points.emplace_back(point, "release artifacts");
    if (points.empty()) continue;
    publishes = true;
    if (model.step_scope(workflow).any(gates::is_sbom)) continue;
    for (const auto& [point, what] : points) {
      if (goreleaser_sboms(model, *point.step)) continue;
      context.report(gates::job_label(workflow, *point.job) + " publishes " + what + " ('" +
                         point.evidence.text + "') without an SBOM",
                     workflow.path, point.evidence.line);
    }
  }
  if (!publishes) context.not_applicable("no CI workflow publishes an image or release artifacts");
}

}  // namespace

extern const Rule kMissingSbom;
const Rule kMissingSbom{
    {.id = "supply-chain/missing-sbom",
     .section = "supply-chain",
     .title = "Published images and releases come with an SBOM",
     .severity = Severity::kWarning,
     .seeds = "002 §3, 000 T011",
     .rationale =
         "When the next widely exploited library CVE is published, the first question is which "
         "running images contain it. A software bill of materials produced at build time answers "
         "in minutes; without one, every image has to be pulled and rescanned.",
     .remediation =
         "Produce an SBOM where the artifact is built: 'sbom: true' on "
         "docker/build-push-action (attached to the image), '- uses: "
         "anchore/sbom-action@<sha> / with: { image: <image>@<digest> }' or 'syft <image> -o "
         "spdx-json'; for GoReleaser add an 'sboms:' section; attach it to the release or attest "
         "it with actions/attest-sbom.",
     .also = "SLSA, NTIA minimum elements"},
    check};

}  // namespace golive::rules::supply_chain
