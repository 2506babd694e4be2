#include "model/env_reads.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"
#include "rules/secret_words.h"

namespace golive::rules::secrets {
namespace {

// A plain Secret manifest: v1 Secret, not a service-account token, not SOPS-encrypted.
bool plain_secret(const model::RenderedObject& object) {
  if (object.kind != "Secret" || object.api_version != "v1") return false;
  if (object.node.get("type") == "kubernetes.io/service-account-token") return false;
  return object.node.find("sops") == nullptr;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool workloads = false;
  for (const auto& object : model.k8s_objects)
    workloads = workloads || model::is_workload_kind(object.kind);
  if (!workloads) return context.not_applicable("no Kubernetes workload");
  if (context.profile() == model::Profile::kExamples)
    return context.not_applicable("a collection of examples: nothing here holds a real secret");
  if (!model.env.secret_sources.empty()) return;
  model::SourceLine evidence;
  std::string what;
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      // Only what the team deploys: a test fixture's Secret or an example's is no evidence.
      if (plain_secret(object) && what.empty() &&
          model.role_of(object.where().path) == walk::PathRole::kProduct) {
        evidence = object.where();
        what = "the Secret manifest " + object.label() + " is committed";
      }
    }
  }
  if (what.empty()) {
    k8s::for_each_container(model, true, [&](const k8s::ContainerSite& site) {
      if (!what.empty() || model.role_of(site.object.where().path) != walk::PathRole::kProduct)
        return;
      const parse::Node* env = site.container.node->find("env");
      if (env == nullptr || !env->is_seq()) return;
      for (const auto& entry : env->children) {
        const parse::Node* value = entry.find("value");
        if (value == nullptr || !value->is_scalar()) continue;
        std::string name = entry.get("name");
        if (looks_like_secret_value(value->value) ||
            (looks_like_secret_name(name) && !is_indirect_value(value->value) &&
             !declares_placeholder(value->value))) {
          evidence = site.object.where(*value);
          what = k8s::describe(site.object, site.container) + " sets " + name + " literally";
          return;
        }
      }
    });
  }
  if (what.empty())
    return context.not_applicable(
        "no Secret manifest or literal secret value: the workloads' secrets come from outside "
        "the repository");
  context.report(what +
                     ", and no secrets manager is configured (ExternalSecret, SealedSecret, "
                     "Vault agent, CSI SecretProviderClass, SOPS)",
                 evidence.path, evidence.line);
}

}  // namespace

extern const Rule kNoSecretsManager;
const Rule kNoSecretsManager{
    {.id = "secrets/no-secrets-manager",
     .section = "secrets",
     .title = "Kubernetes secrets come from a secrets manager",
     .severity = Severity::kWarning,
     .seeds = "001 T111, 002 §1, 004 T013",
     .rationale =
         "A Secret manifest committed in plain text (base64 is an encoding, not encryption) or "
         "a credential written as an env value is readable by everyone with the repository "
         "and cannot be rotated without a commit. A secrets manager keeps the value out of Git "
         "and gives rotation and audit. The rule applies to repositories with Kubernetes "
         "workloads whose secrets are visible in the repository: a v1 Secret that is not a "
         "service-account token nor SOPS-encrypted, or an env value that looks like a secret. "
         "It passes when any of these is found: an ExternalSecret or ClusterExternalSecret, a "
         "SealedSecret, Vault agent annotations (vault.hashicorp.com/agent-inject) or Vault "
         "Secrets Operator objects, a SecretProviderClass (CSI secrets store), 1Password, "
         "Infisical or Doppler operator objects, SOPS (.sops.yaml, sops: metadata, ksops). The "
         "literal values themselves are reported by k8s/literal-secret and "
         "k8s/secret-in-env-value.",
     .remediation =
         "Store the values in a secrets manager and sync them into the cluster: an "
         "ExternalSecret (External Secrets Operator) per Secret, SealedSecrets for GitOps, or "
         "the Vault agent injector; or encrypt the Secret manifests with SOPS.",
     .also = ""},
    check};

}  // namespace golive::rules::secrets
