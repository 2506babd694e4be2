#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  bool publishes = false;
  for (const auto& workflow : model.workflows) {
    std::vector<std::pair<gates::PublishPoint, const char*>> points;
    for (const auto& point : gates::image_publish_points(workflow))
      points.emplace_back(point, "an image");
    for (const auto& point : gates::release_asset_points(workflow))
      points.emplace_back(point, "release artifacts");
    for (const auto& point : gates::package_publish_points(workflow))
      points.emplace_back(point, "a package");
    if (points.empty()) continue;
    publishes = true;
    if (model.step_scope(workflow).any(gates::is_provenance)) continue;
    for (const auto& [point, what] : points) {
      context.report(gates::job_label(workflow, *point.job) + " publishes " + what + " ('" +
                         point.evidence.text + "') without build provenance",
                     workflow.path, point.evidence.line);
    }
  }
  if (!publishes) {
    context.not_applicable("no CI workflow publishes an image, release artifacts or a package");
  }
}

}  // namespace

extern const Rule kMissingProvenance;
const Rule kMissingProvenance{
    {.id = "supply-chain/missing-provenance",
     .section = "supply-chain",
     .title = "Published artifacts carry build provenance",
     .severity = Severity::kWarning,
     .seeds = "002 §3, 000 T011",
     .rationale =
         "Provenance is a signed statement of which workflow, commit and inputs produced an "
         "artifact (SLSA). It lets consumers and the deploy pipeline reject an image or binary "
         "that was built anywhere else, and records the CI run and commit behind every "
         "production digest. docker/build-push-action (v4 and later) attaches a provenance "
         "attestation to the images it pushes unless 'provenance: false' is set, so a push "
         "through it passes.",
     .remediation =
         "Attest what you publish: add 'permissions: { id-token: write, attestations: write }' "
         "and '- uses: actions/attest-build-provenance@<sha> / with: { subject-name: <image>, "
         "subject-digest: ${{ steps.build.outputs.digest }}, push-to-registry: true }', or set "
         "'provenance: mode=max' on docker/build-push-action, or call "
         "slsa-framework/slsa-github-generator; publish npm packages with 'npm publish "
         "--provenance'; on GitLab set RUNNER_GENERATE_ARTIFACTS_METADATA: \"true\".",
     .also = "SLSA Build L2/L3, scorecard Signed-Releases"},
    check};

}  // namespace golive::rules::supply_chain
