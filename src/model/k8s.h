#pragma once
// Kubernetes objects as each environment renders them. Plain manifests are grouped into
// environments by the environment a path names (k8s/prod/...); every kustomization that no
// other kustomization references is built natively, as its own environment.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parse/yaml.h"

namespace golive::model {

struct SourceLine {
  std::string path;
  int line = 0;
};

struct RenderedObject {
  std::string api_version;
  std::string kind;
  std::string name;  // after namePrefix/nameSuffix
  std::string namespace_name;
  parse::Node node;  // the document after every transform and patch
  // sources[0] is the file the document came from; a node copied from a patch carries the
  // index of the patch file in parse::Node::source.
  std::vector<std::string> sources;
  int line = 0;  // where the document starts in sources[0]

  [[nodiscard]] std::string label() const { return kind + "/" + name; }
  // The file and line where a node of this object was written (a mapping entry: its key).
  [[nodiscard]] SourceLine where(const parse::Node& node) const;
  [[nodiscard]] SourceLine where() const { return {sources.empty() ? "" : sources[0], line}; }
};

// The environment of manifests that no kustomization or environment folder places: messages
// name no environment for them.
inline constexpr std::string_view kPlainManifests = "manifests";

struct K8sEnvironment {
  std::string name;           // "overlays/prod", "k8s/production", or "manifests"
  std::string kustomization;  // path of the kustomization file built; empty for plain manifests
  bool production = false;    // the name has a prod/production/prd/live segment
  std::vector<RenderedObject> objects;
  // Rendered name -> the name its file writes, for objects a namePrefix or nameSuffix renamed.
  std::map<std::string, std::string, std::less<>> written_names;
};

// A kustomization that could not be built as written: a missing resource, a patch whose
// target is absent, a cycle. The build goes on without the broken part.
struct KustomizeProblem {
  std::string path;  // the kustomization or patch file
  int line = 0;
  std::string message;
};

struct HelmChart {
  std::string directory;
  std::string name;
  std::vector<std::string> values_files;  // values*.yaml beside Chart.yaml
};

// True for prod, production, prd and live (case-insensitive), as a path segment or name part.
bool is_production_name(std::string_view name);

// Workload kinds that run pods: Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, Job, CronJob, Pod, Rollout (Argo), DeploymentConfig (OpenShift).
bool is_workload_kind(std::string_view kind);

// The pod spec of a workload (spec.template.spec, spec.jobTemplate.spec.template.spec for a
// CronJob, spec for a Pod), or nullptr.
const parse::Node* pod_spec_of(const RenderedObject& object);
// The pod template's metadata (labels, annotations), or nullptr.
const parse::Node* pod_metadata_of(const RenderedObject& object);

struct ContainerView {
  const parse::Node* node = nullptr;
  std::string name;
  bool init = false;  // an initContainer
};
// The containers then the init containers of a pod spec.
std::vector<ContainerView> containers_of(const parse::Node& pod_spec);

// The label map of spec.selector.matchLabels (or spec.selector for a Service); empty if none.
std::vector<std::pair<std::string, std::string>> labels_of(const parse::Node* map);

}  // namespace golive::model
