#include "model/kustomize.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/strings.h"

namespace golive::model {
namespace {

constexpr std::array<std::string_view, 14> kEnvironmentWords = {
    "prod",    "production", "prd",         "live", "staging", "stage", "stg",
    "preprod", "dev",        "development", "test", "qa",      "uat",   "sandbox"};

std::string directory_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

// The environment a plain manifest's path names: its first directory that is an environment
// word (k8s/prod/api.yaml -> k8s/prod), or "manifests".
std::string environment_of_path(std::string_view path) {
  std::string directory = directory_of(path);
  size_t start = 0;
  while (start < directory.size()) {
    size_t end = directory.find('/', start);
    if (end == std::string::npos) end = directory.size();
    std::string part = core::to_lower(std::string_view(directory).substr(start, end - start));
    if (std::find(kEnvironmentWords.begin(), kEnvironmentWords.end(), part) !=
        kEnvironmentWords.end())
      return directory.substr(0, end);
    start = end + 1;
  }
  return "manifests";
}

bool is_kustomize_kind(std::string_view kind) {
  return kind == "Kustomization" || kind == "Component";
}

// Appends the objects of one document, expanding "kind: List".
void add_objects(const parse::Node& document, const std::string& path,
                 std::vector<RenderedObject>& out) {
  if (!document.is_map()) return;
  std::string kind = document.get("kind");
  std::string api_version = document.get("apiVersion");
  if (kind.empty() || api_version.empty() || is_kustomize_kind(kind)) return;
  if (kind == "List" || (kind.size() > 4 && kind.compare(kind.size() - 4, 4, "List") == 0)) {
    if (const parse::Node* items = document.find("items"); items && items->is_seq()) {
      for (const auto& item : items->children) add_objects(item, path, out);
    }
    return;
  }
  RenderedObject object;
  object.api_version = std::move(api_version);
  object.kind = std::move(kind);
  if (const parse::Node* metadata = document.find("metadata"); metadata && metadata->is_map()) {
    object.name = metadata->get("name");
    object.namespace_name = metadata->get("namespace");
  }
  object.node = document;
  object.sources = {path};
  object.line = document.mark.line;
  out.push_back(std::move(object));
}

void add_plain_objects(const YamlDocumentSet& set, std::vector<RenderedObject>& out) {
  for (const auto& document : set.documents) add_objects(document, set.path, out);
}

void render_plain_manifests(RepoModel& model, const std::set<std::string>& consumed) {
  std::map<std::string, K8sEnvironment> by_name;
  for (const auto& set : model.yaml_files) {
    if (set.kind != walk::FileKind::kYaml && set.kind != walk::FileKind::kJson) continue;
    if (consumed.count(set.path) != 0) continue;
    std::vector<RenderedObject> objects;
    add_plain_objects(set, objects);
    if (objects.empty()) continue;
    std::string name = environment_of_path(set.path);
    K8sEnvironment& environment = by_name[name];
    environment.name = name;
    environment.production = is_production_name(name);
    for (auto& object : objects) environment.objects.push_back(std::move(object));
  }
  for (auto& [name, environment] : by_name)
    model.k8s_environments.push_back(std::move(environment));
}

void find_helm_charts(RepoModel& model) {
  for (const auto& file : model.files) {
    if (file.kind != walk::FileKind::kHelmChart) continue;
    HelmChart chart;
    chart.directory = directory_of(file.path);
    for (const auto& set : model.yaml_files) {
      if (set.path == file.path && !set.documents.empty())
        chart.name = set.documents[0].get("name");
      if (set.kind == walk::FileKind::kHelmValues && directory_of(set.path) == chart.directory)
        chart.values_files.push_back(set.path);
    }
    model.helm_charts.push_back(std::move(chart));
  }
}

}  // namespace

void render_k8s_environments(RepoModel& model) {
  std::set<std::string> consumed;
  render_plain_manifests(model, consumed);
  find_helm_charts(model);
  std::sort(model.k8s_environments.begin(), model.k8s_environments.end(),
            [](const K8sEnvironment& a, const K8sEnvironment& b) { return a.name < b.name; });
}

}  // namespace golive::model
