#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  bool builds = false;
  for (const auto& workflow : model.workflows) {
    std::vector<gates::PublishPoint> found;
    for (const auto& job : workflow.jobs) {
      for (const auto& step : job.steps) {
        if (gates::is_image_build(step))
          found.push_back({&job, &step, gates::step_evidence(step, gates::image_build_line)});
      }
    }
    if (found.empty()) continue;
    builds = true;
    if (model.step_scope(workflow).any(gates::is_container_scan)) continue;
    for (const auto& point : found) {
      context.report(gates::job_label(workflow, *point.job) + " builds an image ('" +
                         point.evidence.text +
                         "') but no step of the workflow scans it for vulnerabilities",
                     workflow.path, point.evidence.line);
    }
  }
  if (!builds) context.not_applicable("no CI workflow builds a container image");
}

}  // namespace

extern const Rule kImageNotScanned;
const Rule kImageNotScanned{
    {.id = "supply-chain/image-not-scanned",
     .section = "supply-chain",
     .title = "Built images are scanned for vulnerabilities",
     .severity = Severity::kWarning,
     .seeds = "003 P2-03, 002 §3, 000 T010",
     .rationale =
         "An image carries its base distribution and every OS package as well as the "
         "application: most CVEs in production containers live there, where dependency scans of "
         "the source never look. Scanning the built image in the same workflow blocks it before "
         "it reaches a registry.",
     .remediation =
         "After the build, scan the image and fail on serious findings: '- uses: "
         "aquasecurity/trivy-action@<sha> / with: { image-ref: <image>, exit-code: \"1\", "
         "severity: \"CRITICAL,HIGH\", ignore-unfixed: true }' (or 'grype <image> --fail-on "
         "high'); on GitLab include 'Jobs/Container-Scanning.gitlab-ci.yml'.",
     .also = "GitLab Container Scanning, trivy, grype"},
    check};

}  // namespace golive::rules::supply_chain
