#include <set>

#include "core/paths.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// The directory of the nearest kustomization above a file, or "" when there is none.
std::string owning_kustomization(const std::set<std::string>& kustomizations,
                                 std::string_view path) {
  std::string directory = std::string(core::directory_name(path));
  while (true) {
    if (kustomizations.count(directory) != 0) return directory;
    if (directory.empty()) return "";
    directory = std::string(core::directory_name(directory));
  }
}

const parse::Node* namespace_node(const model::RepoModel& model, const model::K8sObject& object) {
  const parse::Node* document = model.object_node(object);
  return document == nullptr ? nullptr : node_at(*document, {"metadata", "namespace"});
}

void check(RuleContext& context) {
  const auto& model = context.model();
  std::set<std::string> kustomizations;
  for (const auto& file : model.files) {
    if (file.kind == walk::FileKind::kKustomization)
      kustomizations.insert(std::string(core::directory_name(file.path)));
  }
  std::set<std::string> bases;
  for (const auto& base : model.kustomize_bases) {
    std::string directory = base;
    while (!directory.empty() && directory.back() == '/') directory.pop_back();
    if (!directory.empty() && directory != ".") bases.insert(directory);
  }
  if (bases.empty()) {
    context.not_applicable("no kustomization is used as a base by another");
    return;
  }
  for (const auto& object : model.k8s_objects) {
    if (object.namespace_name.empty() || object.kind == "Kustomization" ||
        object.kind == "Component")
      continue;
    std::string owner = owning_kustomization(kustomizations, object.path);
    if (bases.count(owner) == 0) continue;
    const parse::Node* node = namespace_node(model, object);
    context.report(object.kind + "/" + object.name + " in kustomize base '" + owner +
                       "' hard-codes namespace '" + object.namespace_name +
                       "', which every overlay then inherits",
                   object.path, node != nullptr ? node->mark.line : object.line, 0,
                   "namespace: " + object.namespace_name);
  }
}

}  // namespace

extern const Rule kHardcodedNamespaceInBase;
const Rule kHardcodedNamespaceInBase{
    {.id = "k8s/hardcoded-namespace-in-base",
     .section = "k8s",
     .title = "Kustomize bases leave the namespace to overlays",
     .severity = Severity::kWarning,
     .seeds = "004 T042",
     .rationale =
         "A base is shared by every environment; a metadata.namespace written in it puts "
         "staging and production objects in the same namespace unless every overlay "
         "remembers to override it, and an overlay that forgets deploys into the other "
         "environment's namespace. The overlay's 'namespace:' field is the one place the "
         "namespace belongs. golive reports objects in files under a kustomization that "
         "another kustomization references as a base (its own nearest kustomization), which "
         "set metadata.namespace.",
     .remediation =
         "Delete metadata.namespace from the base's manifests and set 'namespace: production' "
         "(and 'namespace: staging') in each overlay's kustomization.yaml.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s
