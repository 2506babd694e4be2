#include "model/kustomize.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "core/paths.h"
#include "core/strings.h"
#include "model/image_ref.h"
#include "model/patches.h"

namespace golive::model {
namespace {

constexpr std::array<std::string_view, 14> kEnvironmentWords = {
    "prod",    "production", "prd",         "live", "staging", "stage", "stg",
    "preprod", "dev",        "development", "test", "qa",      "uat",   "sandbox"};

// The environment a plain manifest's path names: its first directory that is an environment
// word (k8s/prod/api.yaml -> k8s/prod), or "manifests".
std::string environment_of_path(std::string_view path) {
  std::string directory = std::string(core::directory_name(path));
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
  return std::string(kPlainManifests);
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

bool is_remote(std::string_view entry) {
  return entry.find("://") != std::string_view::npos || entry.rfind("github.com/", 0) == 0 ||
         entry.rfind("git@", 0) == 0 || entry.find("?ref=") != std::string_view::npos;
}

bool is_cluster_scoped(std::string_view kind) {
  static const std::set<std::string_view> kClusterScopedKinds = {"Namespace",
                                                                 "ClusterRole",
                                                                 "ClusterRoleBinding",
                                                                 "CustomResourceDefinition",
                                                                 "PersistentVolume",
                                                                 "StorageClass",
                                                                 "PriorityClass",
                                                                 "ClusterIssuer",
                                                                 "IngressClass",
                                                                 "MutatingWebhookConfiguration",
                                                                 "ValidatingWebhookConfiguration",
                                                                 "APIService",
                                                                 "RuntimeClass"};
  return kClusterScopedKinds.count(kind) != 0;
}

// A rendered object and the name it had in its own file, which patches may still use.
struct Item {
  RenderedObject object;
  std::string original_name;
};

unsigned source_index(RenderedObject& object, const std::string& path) {
  auto it = std::find(object.sources.begin(), object.sources.end(), path);
  if (it != object.sources.end()) return static_cast<unsigned>(it - object.sources.begin());
  object.sources.push_back(path);
  return static_cast<unsigned>(object.sources.size() - 1);
}

parse::Node* child(parse::Node& map, std::string_view key) {
  if (!map.is_map()) return nullptr;
  for (auto& entry : map.children) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

// The child under key, created as an empty mapping (or scalar) written by source at mark.
parse::Node& ensure(parse::Node& map, std::string_view key, parse::Node::Kind kind, unsigned source,
                    parse::Mark mark) {
  if (parse::Node* existing = child(map, key)) return *existing;
  if (map.kind == parse::Node::Kind::kNull) map.kind = parse::Node::Kind::kMapping;
  parse::Node created;
  created.kind = kind;
  created.key = std::string(key);
  created.mark = mark;
  created.key_mark = mark;
  created.source = source;
  map.children.push_back(std::move(created));
  return map.children.back();
}

void set_scalar(parse::Node& map, std::string_view key, std::string value, unsigned source,
                parse::Mark mark) {
  parse::Node& node = ensure(map, key, parse::Node::Kind::kScalar, source, mark);
  node.kind = parse::Node::Kind::kScalar;
  node.children.clear();
  node.value = std::move(value);
  node.source = source;
  node.mark = mark;
  node.key_mark = mark;
}

std::vector<std::string> string_list(const parse::Node* node) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  if (node->is_scalar()) out.push_back(node->value);
  for (const auto& item : node->children) {
    if (item.is_scalar()) out.push_back(item.value);
  }
  return out;
}

class Renderer {
 public:
  explicit Renderer(RepoModel& model) : model_(model) {
    for (const auto& set : model.yaml_files) yaml_by_path_[set.path] = &set;
    for (const auto& file : model.files) {
      if (file.kind == walk::FileKind::kKustomization)
        kustomization_in_[std::string(core::directory_name(file.path))] = file.path;
      for (std::string directory = std::string(core::directory_name(file.path)); !directory.empty();
           directory = std::string(core::directory_name(directory)))
        directories_.insert(directory);
    }
  }

  void run() {
    std::set<std::string> referenced;
    for (const auto& [directory, path] : kustomization_in_) {
      const parse::Node* document = document_of(path);
      if (document == nullptr) continue;
      for (const char* key : {"resources", "bases", "components"}) {
        for (const auto& entry : string_list(document->find(key))) {
          if (is_remote(entry)) continue;
          std::string resolved = core::join_path(directory, entry);
          if (kustomization_in_.count(resolved) != 0) {
            referenced.insert(resolved);
          } else {
            consumed_.insert(resolved);
          }
        }
      }
      for (const auto& patch : patch_files(*document, directory)) consumed_.insert(patch);
    }
    model_.kustomize_bases.assign(referenced.begin(), referenced.end());
    for (const auto& [directory, path] : kustomization_in_) {
      // A Component means something only inside the kustomization that lists it.
      if (referenced.count(directory) != 0 || document_of(path) == nullptr || is_component(path))
        continue;
      K8sEnvironment environment;
      environment.name = directory.empty() ? "." : directory;
      environment.kustomization = path;
      environment.production = is_production_name(directory);
      std::vector<std::string> stack;
      for (auto& item : build(path, stack)) {
        if (item.object.name != item.original_name)
          environment.written_names[item.object.name] = item.original_name;
        environment.objects.push_back(std::move(item.object));
      }
      model_.k8s_environments.push_back(std::move(environment));
    }
  }

  // Files kustomizations read: resources and patches; and YAML in kustomization folders.
  [[nodiscard]] bool is_kustomize_input(const std::string& path) const {
    return consumed_.count(path) != 0 ||
           kustomization_in_.count(std::string(core::directory_name(path))) != 0;
  }

 private:
  const parse::Node* document_of(const std::string& path) const {
    auto it = yaml_by_path_.find(path);
    if (it == yaml_by_path_.end() || it->second->documents.empty()) return nullptr;
    const parse::Node& document = it->second->documents.front();
    return document.is_map() ? &document : nullptr;
  }

  void problem(const std::string& path, int line, std::string message) {
    model_.kustomize_problems.push_back({path, line, std::move(message)});
  }

  std::vector<std::string> patch_files(const parse::Node& document, const std::string& directory) {
    std::vector<std::string> out;
    for (const auto& entry : string_list(document.find("patchesStrategicMerge"))) {
      if (entry.find('\n') == std::string::npos) out.push_back(core::join_path(directory, entry));
    }
    for (const char* key : {"patches", "patchesJson6902"}) {
      const parse::Node* list = document.find(key);
      if (list == nullptr) continue;
      for (const auto& patch : list->children) {
        std::string path = patch.is_map() ? patch.get("path") : "";
        if (!path.empty()) out.push_back(core::join_path(directory, path));
      }
    }
    return out;
  }

  std::vector<Item> build(const std::string& path, std::vector<std::string>& stack) {
    std::vector<Item> items;
    build_into(path, stack, items);
    return items;
  }

  // Builds a kustomization onto items: a Kustomization starts from nothing; a Component
  // (kustomize's kind: Component) adds its resources to those of the kustomization that lists
  // it and patches and transforms them all.
  void build_into(const std::string& path, std::vector<std::string>& stack,
                  std::vector<Item>& items) {
    if (std::find(stack.begin(), stack.end(), path) != stack.end()) {
      problem(path, 1, "kustomization includes itself through " + core::join(stack, " -> "));
      return;
    }
    const parse::Node* document = document_of(path);
    if (document == nullptr) return;
    stack.push_back(path);
    std::string directory = std::string(core::directory_name(path));
    size_t remote_before = remote_resources_;
    add_resources(*document, directory, path, stack, items);
    add_generators(*document, path, items);
    // A patch may target an object of a remote resource golive does not fetch.
    apply_patches(*document, directory, path, items, remote_resources_ > remote_before);
    apply_namespace(*document, path, items);
    apply_names(*document, path, items);
    apply_labels(*document, path, items);
    apply_images(*document, path, items);
    apply_replicas(*document, path, items);
    stack.pop_back();
  }

  bool is_component(const std::string& path) const {
    const parse::Node* document = document_of(path);
    return document != nullptr && document->get("kind") == "Component";
  }

  void add_resources(const parse::Node& document, const std::string& directory,
                     const std::string& path, std::vector<std::string>& stack,
                     std::vector<Item>& items) {
    for (const char* key : {"resources", "bases", "components"}) {
      const parse::Node* list = document.find(key);
      if (list == nullptr) continue;
      for (const auto& entry : list->children) {
        if (!entry.is_scalar()) continue;
        if (is_remote(entry.value)) {
          ++remote_resources_;
          continue;
        }
        std::string resolved = core::join_path(directory, entry.value);
        if (auto it = kustomization_in_.find(resolved); it != kustomization_in_.end()) {
          if (std::string_view(key) == "components" || is_component(it->second)) {
            build_into(it->second, stack, items);
          } else {
            for (auto& item : build(it->second, stack)) items.push_back(std::move(item));
          }
        } else if (auto set = yaml_by_path_.find(resolved); set != yaml_by_path_.end()) {
          std::vector<RenderedObject> objects;
          add_plain_objects(*set->second, objects);
          for (auto& object : objects) {
            std::string name = object.name;
            items.push_back({std::move(object), std::move(name)});
          }
        } else if (model_.file(resolved) != nullptr) {
          continue;  // a file that did not parse; its parse error is reported already
        } else if (directories_.count(resolved) != 0) {
          problem(path, entry.mark.line,
                  "resource '" + entry.value + "' is a folder without a kustomization.yaml");
        } else {
          problem(path, entry.mark.line, "resource '" + entry.value + "' does not exist");
        }
      }
    }
  }

  void add_generators(const parse::Node& document, const std::string& path,
                      std::vector<Item>& items) {
    for (auto [key, kind] :
         {std::pair{"configMapGenerator", "ConfigMap"}, std::pair{"secretGenerator", "Secret"}}) {
      const parse::Node* list = document.find(key);
      if (list == nullptr) continue;
      for (const auto& generator : list->children) {
        if (!generator.is_map() || generator.get("name").empty()) continue;
        if (generator.get("behavior") == "merge" || generator.get("behavior") == "replace")
          continue;  // changes a generator of a base; the base made the object
        items.push_back({generated(generator, kind, path), generator.get("name")});
      }
    }
  }

  static RenderedObject generated(const parse::Node& generator, const std::string& kind,
                                  const std::string& path) {
    RenderedObject object;
    object.api_version = "v1";
    object.kind = kind;
    object.name = generator.get("name");
    object.namespace_name = generator.get("namespace");
    object.sources = {path};
    object.line = generator.mark.line;
    parse::Node& node = object.node;
    node.kind = parse::Node::Kind::kMapping;
    node.mark = generator.mark;
    set_scalar(node, "apiVersion", "v1", 0, generator.mark);
    set_scalar(node, "kind", kind, 0, generator.mark);
    parse::Node& metadata =
        ensure(node, "metadata", parse::Node::Kind::kMapping, 0, generator.mark);
    set_scalar(metadata, "name", object.name, 0, generator.mark);
    parse::Node& data = ensure(node, kind == "Secret" ? "stringData" : "data",
                               parse::Node::Kind::kMapping, 0, generator.mark);
    if (const parse::Node* literals = generator.find("literals")) {
      for (const auto& literal : literals->children) {
        size_t equals = literal.value.find('=');
        if (!literal.is_scalar() || equals == std::string::npos) continue;
        set_scalar(data, literal.value.substr(0, equals), literal.value.substr(equals + 1), 0,
                   literal.mark);
      }
    }
    for (const char* key : {"files", "envs", "env"}) {
      for (const auto& file : string_list(generator.find(key))) {
        std::string name = file.substr(0, file.find('='));
        set_scalar(data, name.substr(name.rfind('/') + 1), "<from " + file + ">", 0,
                   generator.mark);
      }
    }
    if (std::string type = generator.get("type"); !type.empty())
      set_scalar(node, "type", type, 0, generator.mark);
    return object;
  }

  struct PatchSource {
    std::string path;  // the patch file, or the kustomization for an inline patch
    parse::Node body;  // a document (strategic merge) or an operation list (JSON 6902)
    int line = 0;      // where the patch is named, for problems
    const parse::Node* target = nullptr;
  };

  std::optional<parse::Node> load_patch(const std::string& file, const std::string& kustomization,
                                        int line) {
    auto it = yaml_by_path_.find(file);
    if (it == yaml_by_path_.end() || it->second->documents.empty()) {
      if (model_.file(file) == nullptr)
        problem(kustomization, line, "patch '" + file + "' does not exist");
      return std::nullopt;
    }
    return it->second->documents.front();
  }

  // An inline patch is YAML inside a string; its lines are counted from the string's start.
  static std::optional<parse::Node> inline_patch(const parse::Node& text) {
    parse::YamlFile parsed = parse::parse_yaml(text.value);
    if (!parsed.valid || parsed.documents.empty()) return std::nullopt;
    parse::Node body = std::move(parsed.documents.front());
    shift_lines(body, text.mark.line);
    return body;
  }

  static void shift_lines(parse::Node& node, int by) {
    node.mark.line += by;
    node.key_mark.line += by;
    for (auto& entry : node.children) shift_lines(entry, by);
  }

  std::vector<PatchSource> patches_of(const parse::Node& document, const std::string& directory,
                                      const std::string& path) {
    std::vector<PatchSource> out;
    if (const parse::Node* list = document.find("patchesStrategicMerge")) {
      for (const auto& entry : list->children) {
        if (!entry.is_scalar()) continue;
        std::optional<parse::Node> body;
        std::string from = path;
        if (entry.value.find('\n') != std::string::npos) {
          body = inline_patch(entry);
        } else {
          from = core::join_path(directory, entry.value);
          body = load_patch(from, path, entry.mark.line);
        }
        if (body) out.push_back({from, std::move(*body), entry.mark.line, nullptr});
      }
    }
    for (const char* key : {"patches", "patchesJson6902"}) {
      const parse::Node* list = document.find(key);
      if (list == nullptr) continue;
      for (const auto& entry : list->children) {
        if (!entry.is_map()) continue;
        std::optional<parse::Node> body;
        std::string from = path;
        if (const parse::Node* text = entry.find("patch"); text && text->is_scalar()) {
          body = inline_patch(*text);
        } else if (std::string file = entry.get("path"); !file.empty()) {
          from = core::join_path(directory, file);
          body = load_patch(from, path, entry.mark.line);
        }
        if (body) out.push_back({from, std::move(*body), entry.mark.line, entry.find("target")});
      }
    }
    return out;
  }

  static bool matches_target(const Item& item, const parse::Node& target) {
    std::string kind = target.get("kind");
    std::string name = target.get("name");
    std::string namespace_name = target.get("namespace");
    if (!kind.empty() && kind != item.object.kind) return false;
    if (!name.empty() && name != item.object.name && name != item.original_name) {
      // Kustomize reads target names as regular expressions; a plain name is the common case.
      return false;
    }
    if (!namespace_name.empty() && namespace_name != item.object.namespace_name) return false;
    if (std::string selector = target.get("labelSelector"); !selector.empty()) {
      const parse::Node* labels = item.object.node.find("metadata");
      labels = labels ? labels->find("labels") : nullptr;
      for (const auto& term : core::split(selector, ',')) {
        size_t equals = term.find('=');
        if (equals == std::string::npos) continue;
        std::string key(core::trim(term.substr(0, equals)));
        std::string value(core::trim(term.substr(equals + 1)));
        if (labels == nullptr || labels->get(key) != value) return false;
      }
    }
    return true;
  }

  void apply_patches(const parse::Node& document, const std::string& directory,
                     const std::string& path, std::vector<Item>& items, bool remote_resources) {
    for (auto& patch : patches_of(document, directory, path)) {
      bool operations = patch.body.is_seq();
      parse::Node own_target;
      const parse::Node* target = patch.target;
      if (target == nullptr && !operations) {
        // A strategic merge patch names its own target.
        own_target.kind = parse::Node::Kind::kMapping;
        set_scalar(own_target, "kind", patch.body.get("kind"), 0, {});
        const parse::Node* metadata = patch.body.find("metadata");
        set_scalar(own_target, "name", metadata ? metadata->get("name") : "", 0, {});
        target = &own_target;
      }
      if (target == nullptr) {
        problem(path, patch.line, "a JSON 6902 patch needs a target");
        continue;
      }
      bool applied = false;
      for (auto& item : items) {
        if (!matches_target(item, *target)) continue;
        applied = true;
        unsigned source = source_index(item.object, patch.path);
        std::string error = operations
                                ? apply_json6902(item.object.node, patch.body, source)
                                : (strategic_merge(item.object.node, patch.body, source), "");
        if (!error.empty())
          problem(patch.path, patch.body.mark.line,
                  "patch on " + item.object.label() + " cannot apply: " + error);
      }
      if (!applied && !remote_resources) {
        std::string what = target->get("kind") + "/" + target->get("name");
        problem(path, patch.line, "patch target " + what + " is not among the resources");
      }
    }
  }

  static void apply_namespace(const parse::Node& document, const std::string& path,
                              std::vector<Item>& items) {
    const parse::Node* namespace_node = document.find("namespace");
    if (namespace_node == nullptr || !namespace_node->is_scalar() || namespace_node->value.empty())
      return;
    for (auto& item : items) {
      if (is_cluster_scoped(item.object.kind)) continue;
      unsigned source = source_index(item.object, path);
      parse::Node& metadata = ensure(item.object.node, "metadata", parse::Node::Kind::kMapping,
                                     source, namespace_node->mark);
      set_scalar(metadata, "namespace", namespace_node->value, source, namespace_node->mark);
      item.object.namespace_name = namespace_node->value;
    }
  }

  // Renames the fields that refer to other objects by name, and nothing else: a container
  // named like its Deployment keeps its name.
  static void rename_references(parse::Node& node, const std::map<std::string, std::string>& names,
                                std::string_view parent_key) {
    static const std::set<std::string_view> kNamedByName = {
        "service",      "configMapRef", "secretRef",     "configMapKeyRef",
        "secretKeyRef", "configMap",    "scaleTargetRef"};
    static const std::set<std::string_view> kReferenceKeys = {"secretName", "serviceName",
                                                              "claimName", "serviceAccountName"};
    for (auto& entry : node.children) {
      bool reference = kReferenceKeys.count(entry.key) != 0 ||
                       (entry.key == "name" && kNamedByName.count(parent_key) != 0);
      if (entry.is_scalar() && reference) {
        if (auto it = names.find(entry.value); it != names.end()) entry.value = it->second;
      }
      rename_references(entry, names, entry.key.empty() ? parent_key : entry.key);
    }
  }

  // Applies namePrefix and nameSuffix and follows them into the references other objects
  // make (Ingress backends, HPA targets, config and secret refs), as kustomize does.
  static void apply_names(const parse::Node& document, const std::string& path,
                          std::vector<Item>& items) {
    std::string prefix = document.get("namePrefix");
    std::string suffix = document.get("nameSuffix");
    if (prefix.empty() && suffix.empty()) return;
    std::map<std::string, std::string> renamed;
    for (auto& item : items) {
      if (item.object.kind == "Namespace" || item.object.kind == "CustomResourceDefinition")
        continue;
      std::string name = prefix + item.object.name + suffix;
      renamed[item.object.name] = name;
      item.object.name = name;
    }
    const parse::Node* mark_node = document.find(prefix.empty() ? "nameSuffix" : "namePrefix");
    for (auto& item : items) {
      parse::Node* metadata = child(item.object.node, "metadata");
      for (auto& entry : item.object.node.children) {
        if (&entry != metadata) rename_references(entry, renamed, entry.key);
      }
      if (metadata == nullptr) continue;
      if (parse::Node* name = child(*metadata, "name")) {
        if (auto it = renamed.find(name->value); it != renamed.end() && it->second != name->value) {
          name->value = it->second;
          name->source = source_index(item.object, path);
          name->mark = mark_node->mark;
          name->key_mark = mark_node->mark;
        }
      }
    }
  }

  static void add_labels(parse::Node& map, const parse::Node& labels, unsigned source) {
    for (const auto& label : labels.children) {
      if (label.is_scalar()) set_scalar(map, label.key, label.value, source, label.mark);
    }
  }

  static void apply_labels(const parse::Node& document, const std::string& path,
                           std::vector<Item>& items) {
    struct LabelSet {
      const parse::Node* labels;
      bool selectors;
      bool templates;
    };
    std::vector<LabelSet> sets;
    if (const parse::Node* common = document.find("commonLabels"); common && common->is_map())
      sets.push_back({common, true, true});
    if (const parse::Node* list = document.find("labels"); list && list->is_seq()) {
      for (const auto& entry : list->children) {
        const parse::Node* pairs = entry.find("pairs");
        if (pairs == nullptr || !pairs->is_map()) continue;
        bool selectors = entry.find("includeSelectors") && entry.find("includeSelectors")->truthy();
        bool templates = selectors || (entry.find("includeTemplates") &&
                                       entry.find("includeTemplates")->truthy());
        sets.push_back({pairs, selectors, templates});
      }
    }
    for (const auto& set : sets) {
      for (auto& item : items) {
        unsigned source = source_index(item.object, path);
        parse::Node& root = item.object.node;
        parse::Node& metadata =
            ensure(root, "metadata", parse::Node::Kind::kMapping, source, set.labels->mark);
        add_labels(
            ensure(metadata, "labels", parse::Node::Kind::kMapping, source, set.labels->mark),
            *set.labels, source);
        parse::Node* spec = child(root, "spec");
        if (spec == nullptr) continue;
        bool workload = is_workload_kind(item.object.kind) && item.object.kind != "Pod";
        if (set.selectors && item.object.kind == "Service") {
          add_labels(
              ensure(*spec, "selector", parse::Node::Kind::kMapping, source, set.labels->mark),
              *set.labels, source);
        }
        if (set.selectors &&
            (item.object.kind == "PodDisruptionBudget" || item.object.kind == "NetworkPolicy")) {
          const char* key = item.object.kind == "NetworkPolicy" ? "podSelector" : "selector";
          parse::Node& selector =
              ensure(*spec, key, parse::Node::Kind::kMapping, source, set.labels->mark);
          add_labels(ensure(selector, "matchLabels", parse::Node::Kind::kMapping, source,
                            set.labels->mark),
                     *set.labels, source);
        }
        if (set.selectors && workload && item.object.kind != "CronJob") {
          parse::Node& selector =
              ensure(*spec, "selector", parse::Node::Kind::kMapping, source, set.labels->mark);
          add_labels(ensure(selector, "matchLabels", parse::Node::Kind::kMapping, source,
                            set.labels->mark),
                     *set.labels, source);
        }
        if (set.templates && workload) {
          parse::Node* pod = item.object.kind == "CronJob" ? nullptr : child(*spec, "template");
          if (pod != nullptr) {
            parse::Node& pod_metadata =
                ensure(*pod, "metadata", parse::Node::Kind::kMapping, source, set.labels->mark);
            add_labels(ensure(pod_metadata, "labels", parse::Node::Kind::kMapping, source,
                              set.labels->mark),
                       *set.labels, source);
          }
        }
      }
    }
  }

  static void retag(parse::Node& container, const parse::Node& rule, unsigned source) {
    parse::Node* image = child(container, "image");
    if (image == nullptr || !image->is_scalar()) return;
    ImageRef ref = parse_image_ref(image->value);
    std::string repository =
        ref.registry.empty() ? ref.repository : ref.registry + "/" + ref.repository;
    if (repository != rule.get("name")) return;
    std::string name = rule.get("newName", repository);
    std::string tag = rule.get("newTag", ref.tag);
    std::string digest = rule.get("digest", ref.digest);
    if (rule.find("newTag") != nullptr && rule.find("digest") == nullptr) digest.clear();
    image->value = name + (tag.empty() ? "" : ":" + tag) + (digest.empty() ? "" : "@" + digest);
    image->source = source;
    const parse::Node* decisive = rule.find("digest")   ? rule.find("digest")
                                  : rule.find("newTag") ? rule.find("newTag")
                                                        : &rule;
    image->mark = decisive->mark;
    image->key_mark = decisive->mark;
  }

  static void apply_images(const parse::Node& document, const std::string& path,
                           std::vector<Item>& items) {
    const parse::Node* rules = document.find("images");
    if (rules == nullptr || !rules->is_seq()) return;
    for (auto& item : items) {
      const parse::Node* spec = pod_spec_of(item.object);
      if (spec == nullptr) continue;
      auto& pod_spec = const_cast<parse::Node&>(*spec);
      unsigned source = source_index(item.object, path);
      for (const char* key : {"containers", "initContainers"}) {
        parse::Node* list = child(pod_spec, key);
        if (list == nullptr) continue;
        for (auto& container : list->children) {
          for (const auto& rule : rules->children) retag(container, rule, source);
        }
      }
    }
  }

  static void apply_replicas(const parse::Node& document, const std::string& path,
                             std::vector<Item>& items) {
    const parse::Node* rules = document.find("replicas");
    if (rules == nullptr || !rules->is_seq()) return;
    for (const auto& rule : rules->children) {
      const parse::Node* count = rule.find("count");
      if (count == nullptr) continue;
      for (auto& item : items) {
        if (item.object.name != rule.get("name") && item.original_name != rule.get("name"))
          continue;
        unsigned source = source_index(item.object, path);
        parse::Node& spec =
            ensure(item.object.node, "spec", parse::Node::Kind::kMapping, source, count->mark);
        set_scalar(spec, "replicas", count->value, source, count->mark);
      }
    }
  }

  RepoModel& model_;
  std::map<std::string, const YamlDocumentSet*> yaml_by_path_;
  std::map<std::string, std::string> kustomization_in_;  // folder -> kustomization file
  std::set<std::string> directories_;
  std::set<std::string> consumed_;
  size_t remote_resources_ = 0;  // remote resources and bases met so far (not fetched)
};

void render_plain_manifests(RepoModel& model, const Renderer& renderer) {
  std::map<std::string, K8sEnvironment> by_name;
  for (const auto& set : model.yaml_files) {
    if (set.kind != walk::FileKind::kYaml && set.kind != walk::FileKind::kJson) continue;
    if (renderer.is_kustomize_input(set.path)) continue;
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
    chart.directory = std::string(core::directory_name(file.path));
    for (const auto& set : model.yaml_files) {
      if (set.path == file.path && !set.documents.empty())
        chart.name = set.documents[0].get("name");
      if (set.kind == walk::FileKind::kHelmValues &&
          core::directory_name(set.path) == chart.directory)
        chart.values_files.push_back(set.path);
    }
    model.helm_charts.push_back(std::move(chart));
  }
}

}  // namespace

void render_k8s_environments(RepoModel& model) {
  Renderer renderer(model);
  renderer.run();
  render_plain_manifests(model, renderer);
  find_helm_charts(model);
  std::sort(model.k8s_environments.begin(), model.k8s_environments.end(),
            [](const K8sEnvironment& a, const K8sEnvironment& b) { return a.name < b.name; });
}

}  // namespace golive::model
