#include <algorithm>

#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// Deploys that run container images: Kubernetes, Helm, Argo CD, Flux, container platforms.
bool deploys_containers(const DeployStep& step) {
  std::string text = core::to_lower(step.command + " " + step.step->uses + " " + step.step->run);
  for (std::string_view word :
       {"helm ", "kubectl", "argocd", "flux ", "kustomize", "skaffold", "k8s-deploy",
        "deploy-cloudrun", "gcloud run", "aws ecs", "ecs-deploy", "containerapp", "docker stack",
        "kamal", "flyctl", "fly deploy", "heroku container"}) {
    if (core::contains(text, word)) return true;
  }
  return false;
}

// Deploys of infrastructure or static sites only.
bool deploys_no_images(const DeployStep& step) {
  std::string text = core::to_lower(step.command + " " + step.step->uses);
  for (std::string_view word : {"terraform", "pulumi", "cdk deploy", "cloudformation", "sam deploy",
                                "wrangler", "firebase", "netlify", "vercel"}) {
    if (core::contains(text, word)) return true;
  }
  return false;
}

bool deploys_images(const DeployJob& deploy, bool builds) {
  if (deploy.steps.empty()) return builds;
  bool containers = std::any_of(deploy.steps.begin(), deploy.steps.end(), deploys_containers);
  bool none = std::all_of(deploy.steps.begin(), deploy.steps.end(), deploys_no_images);
  return containers || (builds && !none);
}

bool has_key(const parse::Node& node, std::string_view key, int depth = 0) {
  if (depth > 12) return false;
  for (const auto& child : node.children) {
    if (child.key == key || has_key(child, key, depth + 1)) return true;
  }
  return false;
}

// A cluster admission policy that verifies image signatures (Sigstore policy-controller,
// Kyverno verifyImages) verifies every deploy.
const model::K8sObject* admission_policy(const model::RepoModel& model) {
  for (const auto& object : model.k8s_objects) {
    if (object.kind == "ClusterImagePolicy" || object.kind == "ImagePolicy") return &object;
    if (object.api_version.rfind("kyverno.io/", 0) != 0) continue;
    const parse::Node* document = model.object_node(object);
    if (document != nullptr && has_key(*document, "verifyImages")) return &object;
  }
  return nullptr;
}

bool signs_anywhere(const model::RepoModel& model) {
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.has_step(model::StepKind::kSign)) return true;
    }
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool builds = builds_images(model);
  std::vector<const DeployJob*> production;
  for (const auto& deploy : model.deploy_jobs()) {
    if (deploy.deploys_to(Tier::kProduction) && deploys_images(deploy, builds))
      production.push_back(&deploy);
  }
  if (production.empty())
    return context.not_applicable("no CI job deploys container images to production");
  if (admission_policy(model) != nullptr) return;
  bool signs = signs_anywhere(model);
  for (const DeployJob* production_deploy : production) {
    const DeployJob& deploy = *production_deploy;
    auto before = steps_before(model, deploy);
    if (std::any_of(before.begin(), before.end(), [](const model::Step* step) {
          return step->is(model::StepKind::kVerifySignature);
        })) {
      continue;
    }
    int line = deploy.job->line;
    if (deploy.callee == nullptr && !deploy.steps.empty()) line = deploy.steps.front().line;
    context.report(deploy.describe() + " deploys images to " +
                       target_text(*deploy.target(Tier::kProduction)) +
                       " without verifying their signatures first" +
                       (signs ? "" : " (and no CI job signs them)"),
                   deploy.workflow->path, line);
  }
}

}  // namespace

extern const Rule kNoSignatureVerification;
const Rule kNoSignatureVerification{
    {.id = "deploy/no-signature-verification",
     .section = "deploy",
     .title = "Production deploys verify image signatures",
     .severity = Severity::kWarning,
     .seeds = "000 T041, 000 T011, 003 P6-05",
     .rationale =
         "Signing an image only protects production if something checks the signature before "
         "the image runs; otherwise an image pushed to the registry by anyone with its "
         "credentials is deployed just the same. golive looks for 'cosign verify', 'notation "
         "verify' or 'gh attestation verify' in the production deploy job before the deploy "
         "step or in the jobs it needs, and for an admission policy in the repository that "
         "verifies signatures in the cluster (Sigstore ClusterImagePolicy, Kyverno "
         "verifyImages). Deploys of infrastructure or static sites (Terraform, Pulumi, "
         "Wrangler, ...) are not checked.",
     .remediation =
         "Sign images when they are built ('cosign sign --yes <image>@<digest>' with keyless "
         "OIDC) and verify them before the production deploy: 'cosign verify <image>@<digest> "
         "--certificate-identity-regexp \"^https://github.com/<org>/<repo>/\" "
         "--certificate-oidc-issuer https://token.actions.githubusercontent.com', or enforce it "
         "in the cluster with a Sigstore policy-controller ClusterImagePolicy or a Kyverno "
         "verifyImages policy.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
