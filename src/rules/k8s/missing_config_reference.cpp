#include <set>

#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

struct Reference {
  bool secret = false;  // a Secret, else a ConfigMap
  const parse::Node* name = nullptr;
  std::string who;  // "container 'api' of Deployment/api"
  std::string how;  // "envFrom", "secretKeyRef for DATABASE_URL", "volume 'conf'"
};

bool optional(const parse::Node& ref) {
  const parse::Node* flag = ref.find("optional");
  return flag != nullptr && flag->truthy();
}

void add(const parse::Node* ref, std::string_view name_key, bool secret, std::string who,
         std::string how, std::vector<Reference>& out) {
  if (ref == nullptr || !ref->is_map() || optional(*ref)) return;
  const parse::Node* name = ref->find(name_key);
  if (name == nullptr || !name->is_scalar() || name->value.empty() || is_templated(name->value))
    return;
  out.push_back({secret, name, std::move(who), std::move(how)});
}

std::vector<Reference> references_of(const model::RenderedObject& workload,
                                     const parse::Node& pod_spec) {
  std::vector<Reference> out;
  for (const auto& container : model::containers_of(pod_spec)) {
    std::string who = describe(workload, container);
    if (const parse::Node* env_from = container.node->find("envFrom");
        env_from && env_from->is_seq()) {
      for (const auto& source : env_from->children) {
        if (!source.is_map()) continue;
        add(source.find("configMapRef"), "name", false, who, "envFrom", out);
        add(source.find("secretRef"), "name", true, who, "envFrom", out);
      }
    }
    if (const parse::Node* env = container.node->find("env"); env && env->is_seq()) {
      for (const auto& variable : env->children) {
        const parse::Node* from = variable.is_map() ? variable.find("valueFrom") : nullptr;
        if (from == nullptr || !from->is_map()) continue;
        std::string name = variable.get("name");
        add(from->find("configMapKeyRef"), "name", false, who, "configMapKeyRef for " + name, out);
        add(from->find("secretKeyRef"), "name", true, who, "secretKeyRef for " + name, out);
      }
    }
  }
  const parse::Node* volumes = pod_spec.find("volumes");
  if (volumes == nullptr || !volumes->is_seq()) return out;
  for (const auto& volume : volumes->children) {
    if (!volume.is_map()) continue;
    std::string how = "volume '" + volume.get("name") + "'";
    add(volume.find("configMap"), "name", false, workload.label(), how, out);
    add(volume.find("secret"), "secretName", true, workload.label(), how, out);
    const parse::Node* sources = node_at(volume, {"projected", "sources"});
    if (sources == nullptr || !sources->is_seq()) continue;
    for (const auto& source : sources->children) {
      if (!source.is_map()) continue;
      add(source.find("configMap"), "name", false, workload.label(), how, out);
      add(source.find("secret"), "name", true, workload.label(), how, out);
    }
  }
  return out;
}

// A Secret the environment creates: a Secret, or the target of a controller that writes one
// (External Secrets, Sealed Secrets, cert-manager, the Secrets Store CSI driver, Vault Secrets
// Operator, 1Password, Infisical).
struct Provided {
  std::string name;
  const model::RenderedObject* by = nullptr;
  bool any_namespace = false;
};

std::vector<Provided> provided_secrets(const model::K8sEnvironment& environment) {
  std::vector<Provided> out;
  auto add_name = [&](const model::RenderedObject& object, std::string name, bool any = false) {
    if (!name.empty()) out.push_back({std::move(name), &object, any});
  };
  for (const auto& object : environment.objects) {
    const parse::Node& node = object.node;
    const std::string& kind = object.kind;
    if (kind == "Secret" || kind == "OnePasswordItem") {
      add_name(object, object.name);
    } else if (kind == "SealedSecret") {
      std::string name = scalar_at(node, {"spec", "template", "metadata", "name"});
      add_name(object, name.empty() ? object.name : name);
    } else if (kind == "ExternalSecret") {
      std::string name = scalar_at(node, {"spec", "target", "name"});
      add_name(object, name.empty() ? object.name : name);
    } else if (kind == "ClusterExternalSecret") {
      std::string name = scalar_at(node, {"spec", "externalSecretSpec", "target", "name"});
      add_name(object, name.empty() ? object.name : name, true);
    } else if (kind == "Certificate") {
      add_name(object, scalar_at(node, {"spec", "secretName"}));
    } else if (kind == "VaultStaticSecret" || kind == "VaultDynamicSecret" ||
               kind == "VaultPKISecret") {
      add_name(object, scalar_at(node, {"spec", "destination", "name"}));
    } else if (kind == "InfisicalSecret") {
      add_name(object, scalar_at(node, {"spec", "managedSecretReference", "secretName"}));
    } else if (kind == "SecretProviderClass") {
      const parse::Node* secrets = node_at(node, {"spec", "secretObjects"});
      if (secrets == nullptr || !secrets->is_seq()) continue;
      for (const auto& secret : secrets->children) {
        if (secret.is_map()) add_name(object, secret.get("secretName"));
      }
    }
  }
  return out;
}

bool provides(const std::vector<Provided>& provided, const std::string& name,
              const model::RenderedObject& workload) {
  for (const auto& entry : provided) {
    if (entry.name == name && (entry.any_namespace || same_namespace(*entry.by, workload)))
      return true;
  }
  return false;
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    std::vector<Provided> secrets = provided_secrets(environment);
    std::vector<Provided> config_maps;
    for (const auto* config_map : index.of_kind("ConfigMap"))
      config_maps.push_back({config_map->name, config_map, false});
    for (const auto* workload : index.workloads()) {
      const parse::Node* pod_spec = model::pod_spec_of(*workload);
      if (pod_spec == nullptr || !pod_spec->is_map()) continue;
      for (const auto& reference : references_of(*workload, *pod_spec)) {
        any = true;
        const std::string& name = reference.name->value;
        if (provides(reference.secret ? secrets : config_maps, name, *workload)) continue;
        std::string kind = reference.secret ? "Secret" : "ConfigMap";
        reporter.add(environment, workload->where(*reference.name),
                     reference.who + " reads " + kind + " '" + name + "' (" + reference.how +
                         "), which nothing in the environment creates",
                     kind + "/" + name);
      }
    }
  }
  if (!any) context.not_applicable("no workload reads a ConfigMap or Secret");
}

}  // namespace

extern const Rule kMissingConfigReference;
const Rule kMissingConfigReference{
    {.id = "k8s/missing-config-reference",
     .section = "k8s",
     .title = "ConfigMaps and Secrets that pods reference exist",
     .severity = Severity::kWarning,
     .seeds = "002 §1, 004 T013, 001 T111",
     .rationale =
         "A pod whose envFrom, configMapKeyRef, secretKeyRef or configMap/secret volume names "
         "an object that does not exist never starts: it sits in CreateContainerConfigError or "
         "ContainerCreating and the rollout stalls. When the object is created by hand "
         "('kubectl create secret'), every new cluster, namespace or disaster recovery "
         "depends on someone remembering it. golive looks for each referenced name in the "
         "same environment and namespace: ConfigMaps and Secrets (including those kustomize "
         "generators create), and Secrets written by controllers from committed objects: "
         "ExternalSecret and ClusterExternalSecret (spec.target.name or the object's name), "
         "SealedSecret, cert-manager Certificate (spec.secretName), SecretProviderClass "
         "secretObjects, Vault Secrets Operator, 1Password and Infisical objects. References "
         "marked 'optional: true' and templated names are skipped.",
     .remediation =
         "Commit what creates the object beside the workload: a ConfigMap or a kustomize "
         "configMapGenerator for configuration, and for secrets an ExternalSecret that syncs "
         "it from the secrets manager (or a SealedSecret); or mark the reference "
         "'optional: true' if the pod runs without it.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s
