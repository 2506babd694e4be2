#include <set>

#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// Argo CD and Flux objects: the cluster pulls what the repository declares.
bool is_gitops_object(const model::K8sObject& object) {
  std::string_view api = object.api_version;
  return (api.rfind("argoproj.io/", 0) == 0 &&
          (object.kind == "Application" || object.kind == "ApplicationSet")) ||
         (api.rfind("kustomize.toolkit.fluxcd.io/", 0) == 0 && object.kind == "Kustomization") ||
         (api.rfind("helm.toolkit.fluxcd.io/", 0) == 0 && object.kind == "HelmRelease");
}

bool publishes_any_image(const model::RepoModel& model) {
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      for (const auto& step : job.steps) {
        if (publishes_image(step)) return true;
      }
    }
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty()) return context.not_applicable("no CI workflow");
  if (context.profile() == model::Profile::kApplication)
    return context.not_applicable(
        "the repository publishes software others deploy (profile application): no pipeline of "
        "its own deploys it");
  const auto& deployables = model.deployables();
  if (deployables.empty()) {
    return context.not_applicable(
        "nothing deployable: no Dockerfile, Kubernetes manifest, Helm chart or Terraform");
  }
  if (!model.deploy_jobs().empty()) return;
  for (const auto& object : model.k8s_objects) {
    if (is_gitops_object(object)) return;
  }
  bool images_only = true;
  std::vector<std::string> kinds;
  std::set<std::string> seen;
  for (const auto& deployable : deployables) {
    images_only = images_only && deployable.what == "a Dockerfile";
    if (seen.insert(deployable.what).second) kinds.push_back(deployable.what);
  }
  // An image pushed to a registry is handed to a deploy that lives elsewhere.
  if (images_only && publishes_any_image(model)) return;
  const Deployable& first = deployables.front();
  std::string what = kinds.front() + " (" + first.path + ")";
  for (size_t i = 1; i < kinds.size(); ++i)
    what += (i + 1 == kinds.size() ? " and " : ", ") + kinds[i];
  context.report("the repository has " + what + " but no CI job deploys anything" +
                     (images_only ? " or publishes the image" : ""),
                 first.path, first.line);
}

}  // namespace

extern const Rule kMissingPipeline;
const Rule kMissingPipeline{
    {.id = "deploy/missing-pipeline",
     .section = "deploy",
     .title = "CI deploys what the repository ships",
     .severity = Severity::kWarning,
     .seeds = "000 T013, 001 T104, 003 P4-04",
     .rationale =
         "A repository with Dockerfiles, Kubernetes manifests, a Helm chart or Terraform but no "
         "job that deploys them is deployed by hand from someone's laptop: unreviewed, "
         "unrepeatable and impossible to roll back reliably. A job counts when it runs a deploy "
         "command (helm upgrade, kubectl apply, argocd app sync, terraform apply, ...) or "
         "declares a deployment environment; Argo CD or Flux objects in the repository and, for "
         "a repository that only builds an image, pushing that image to a registry count too.",
     .remediation =
         "Add a deploy workflow, e.g. .github/workflows/deploy.yml with 'on: { push: { "
         "branches: [main] }, release: { types: [published] } }' and a job with 'environment: "
         "staging' (and one with 'environment: production' on releases) that runs 'helm upgrade "
         "--install <release> <chart> --atomic --wait'; in GitLab CI add a 'deploy' stage. If "
         "another repository (a GitOps infra repository) deploys this one, waive the rule in "
         ".golive.yml with that repository as the reason.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
