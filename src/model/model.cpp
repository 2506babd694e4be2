#include "model/model.h"

#include <algorithm>
#include <stdexcept>

#include "model/derived.h"

namespace golive::model {

RepoModel::RepoModel() : derived_(std::make_unique<DerivedFacts>()) {}
RepoModel::~RepoModel() = default;
RepoModel::RepoModel(RepoModel&&) noexcept = default;
RepoModel& RepoModel::operator=(RepoModel&&) noexcept = default;

const std::vector<deploy::DeployJob>& RepoModel::deploy_jobs() const {
  return derived_->deploy_jobs.get([this] { return deploy::find_deploy_jobs(*this); });
}

const std::vector<deploy::Deployable>& RepoModel::deployables() const {
  return derived_->deployables.get([this] { return deploy::find_deployables(*this); });
}

const StepScope& RepoModel::step_scope(const Workflow& workflow) const {
  const auto& scopes = derived_->step_scopes.get([this] {
    std::deque<StepScope> out;
    for (const auto& each : workflows) out.emplace_back(*this, each);
    return out;
  });
  for (size_t i = 0; i < workflows.size(); ++i) {
    if (&workflows[i] == &workflow) return scopes[i];
  }
  throw std::logic_error("step_scope: the workflow is not one of the model's");
}

const ObjectIndex& RepoModel::object_index(const K8sEnvironment& environment) const {
  const auto& indexes = derived_->object_indexes.get([this] {
    std::deque<ObjectIndex> out;
    for (const auto& each : k8s_environments) out.emplace_back(each);
    return out;
  });
  for (size_t i = 0; i < k8s_environments.size(); ++i) {
    if (&k8s_environments[i] == &environment) return indexes[i];
  }
  throw std::logic_error("object_index: the environment is not one of the model's");
}

const std::vector<ImageUse>& RepoModel::image_uses(std::string_view dockerfile) const {
  static const std::vector<ImageUse> kNone;
  const auto& all = derived_->image_uses.get([this] { return find_image_uses(*this); });
  auto found = all.find(dockerfile);
  return found == all.end() ? kNone : found->second;
}

const std::map<std::string, std::string, std::less<>>& RepoModel::dockerfile_directories() const {
  return derived_->dockerfile_directories.get(
      [this] { return find_dockerfile_directories(*this); });
}

const RepoProfile& RepoModel::profile() const {
  return derived_->profile.get([this] { return detect_profile(*this); });
}

const std::vector<std::string>& RepoModel::deploy_time_images() const {
  return derived_->deploy_time_images.get([this] { return find_deploy_time_images(*this); });
}

const std::vector<std::string>& RepoModel::built_dockerfiles() const {
  return derived_->built_dockerfiles.get([this] { return find_built_dockerfiles(*this); });
}

const std::vector<std::string>& RepoModel::tagged_images() const {
  return derived_->tagged_images.get([this] { return images_tagged_here(*this); });
}

const std::vector<OpaqueCi>& RepoModel::opaque_ci() const {
  return derived_->opaque_ci.get([this] { return find_opaque_ci(*this); });
}

const std::vector<EnvTarget>& RepoModel::env_targets() const {
  return derived_->env_targets.get([this] { return find_env_targets(*this); });
}

bool RepoModel::has_kind(walk::FileKind kind) const {
  return std::any_of(files.begin(), files.end(),
                     [kind](const SourceFile& f) { return f.kind == kind; });
}

std::vector<const SourceFile*> RepoModel::files_of(walk::FileKind kind) const {
  std::vector<const SourceFile*> out;
  for (const auto& f : files) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

const SourceFile* RepoModel::file(std::string_view path) const {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const SourceFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

const YamlDocumentSet* RepoModel::yaml_file(std::string_view path) const {
  auto it =
      std::lower_bound(yaml_files.begin(), yaml_files.end(), path,
                       [](const YamlDocumentSet& set, std::string_view p) { return set.path < p; });
  if (it != yaml_files.end() && it->path == path) return &*it;
  if (built_sorted) return nullptr;
  // A model assembled by hand (tests) may be in any order.
  auto found = std::find_if(yaml_files.begin(), yaml_files.end(),
                            [&](const YamlDocumentSet& set) { return set.path == path; });
  return found == yaml_files.end() ? nullptr : &*found;
}

const parse::Node* RepoModel::yaml_document(std::string_view path, size_t index) const {
  const YamlDocumentSet* set = yaml_file(path);
  return set == nullptr || index >= set->documents.size() ? nullptr : &set->documents[index];
}

const parse::Node* RepoModel::job_node(const Workflow& workflow, const Job& job) const {
  const parse::Node* root = yaml_document(workflow.path);
  if (root == nullptr || !root->is_map()) return nullptr;
  if (workflow.system == CiSystem::kGitlabCi) return root->find(job.id);
  const parse::Node* jobs = root->find("jobs");
  return jobs != nullptr && jobs->is_map() ? jobs->find(job.id) : nullptr;
}

const parse::Node* RepoModel::object_node(const K8sObject& object) const {
  return yaml_document(object.path, object.document);
}

walk::PathRole RepoModel::role_of(std::string_view path) const {
  if (const SourceFile* found = file(path)) return found->role;
  return roles.of_path(path);
}

walk::PathRole RepoModel::role_of_directory(std::string_view directory) const {
  return roles.of_directory(directory);
}

const TextDocument* RepoModel::doc(std::string_view path) const {
  for (const auto& d : docs) {
    if (d.path == path) return &d;
  }
  return nullptr;
}

bool RepoModel::has_ecosystem(std::string_view name) const {
  return std::any_of(ecosystems.begin(), ecosystems.end(),
                     [name](const Ecosystem& e) { return e.name == name; });
}

const Workflow* RepoModel::workflow_at(std::string_view path) const {
  for (const auto& w : workflows) {
    if (w.path == path) return &w;
  }
  return nullptr;
}

const CompositeAction* RepoModel::action_at(std::string_view directory) const {
  for (const auto& a : actions) {
    if (a.directory == directory) return &a;
  }
  return nullptr;
}

}  // namespace golive::model
