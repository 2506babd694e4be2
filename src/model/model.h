#pragma once
// The repository as rules see it. Built once by the builder; rules only read it.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/app_facts.h"
#include "model/ci.h"
#include "model/ci_opacity.h"
#include "model/compose.h"
#include "model/coverage.h"
#include "model/env_reads.h"
#include "model/image_builds.h"
#include "model/k8s.h"
#include "model/profile.h"
#include "model/prometheus.h"
#include "model/resilience.h"
#include "model/terraform.h"
#include "parse/dockerfile.h"
#include "parse/env_file.h"
#include "parse/suppressions.h"
#include "parse/yaml.h"
#include "secrets/finding.h"
#include "walk/classify.h"
#include "walk/roles.h"
#include "walk/walker.h"

namespace golive::model {

namespace deploy {
struct DeployJob;
struct Deployable;
}  // namespace deploy
class StepScope;
class ObjectIndex;
struct DerivedFacts;

struct SourceFile {
  std::string path;
  walk::FileKind kind = walk::FileKind::kOther;
  std::string ecosystem;
  std::uintmax_t size = 0;
  bool binary = false;
  walk::PathRole role = walk::PathRole::kProduct;  // what the file is for (walk/roles.h)
};

// A parsed YAML or JSON file; documents keep their positions.
struct YamlDocumentSet {
  std::string path;
  walk::FileKind kind = walk::FileKind::kOther;
  std::vector<parse::Node> documents;
};

struct Ecosystem {
  std::string name;      // npm, python, go, maven, gradle, cargo, ...
  std::string manifest;  // path of the manifest that revealed it
  std::string directory;
  // The project's own name where the manifest says it: go.mod's module (last segment, without
  // a /vN suffix), package.json's name (without its @scope/); "" otherwise.
  std::string project_name = {};
};

struct TextDocument {
  std::string path;
  std::string text;
};

struct EnvFileModel {
  std::string path;
  bool is_template = false;  // .env.example, .env.sample, ...
  parse::EnvFile parsed;
};

struct DockerfileModel {
  std::string path;
  parse::Dockerfile parsed;
};

// A Kubernetes object found in any YAML document by its apiVersion and kind.
struct K8sObject {
  std::string path;
  size_t document = 0;
  int line = 0;
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_name;
};

// Evidence that the repository expects a .env file at run time.
struct EnvFileExpectation {
  std::string path;
  int line = 0;
  std::string reason;
};

struct ParseProblem {
  std::string path;
  parse::ParseIssue issue;
  // A placeholder the file holds ("{SERVICE_IP}", "${IMAGE}"): a script fills it in before
  // the file is used, so the file may be a template rather than broken.
  std::string placeholder = {};
};

struct RepoModel {
  RepoModel();
  ~RepoModel();
  RepoModel(RepoModel&&) noexcept;
  RepoModel& operator=(RepoModel&&) noexcept;
  RepoModel(const RepoModel&) = delete;
  RepoModel& operator=(const RepoModel&) = delete;

  std::string root;
  std::vector<SourceFile> files;            // sorted by path
  std::vector<YamlDocumentSet> yaml_files;  // sorted by path when built by build_model
  bool built_sorted = false;        // set by build_model: files and yaml_files are sorted by path
  std::vector<Workflow> workflows;  // GitHub Actions workflows and GitLab CI pipelines
  std::vector<CompositeAction> actions;
  std::vector<Ecosystem> ecosystems;
  std::vector<TextDocument> docs;
  std::vector<EnvFileModel> env_files;
  std::vector<DockerfileModel> dockerfiles;
  std::vector<K8sObject> k8s_objects;            // every apiVersion+kind document, as written
  std::vector<K8sEnvironment> k8s_environments;  // rendered per environment (model/k8s.h)
  std::vector<KustomizeProblem> kustomize_problems;
  std::vector<std::string> kustomize_bases;  // directories another kustomization references
  std::vector<HelmChart> helm_charts;
  std::vector<ComposeFile> compose_files;
  std::vector<EnvFileExpectation> env_expectations;
  std::vector<ParseProblem> parse_problems;
  // Entrypoint scripts that start their process as another user (gosu, su-exec, setpriv, ...).
  std::vector<std::string> privilege_drop_scripts;
  // .gitleaksignore entries of the working tree ("path:rule:line"): secrets already accepted.
  std::vector<std::pair<std::string, int>> gitleaks_ignores;
  std::vector<secrets::SecretFinding> secret_findings;  // committed secrets, redacted
  AppFacts app;  // libraries, routes, CORS and load tests in application code (app_facts.h)
  CoverageFacts coverage;      // coverage thresholds and settings, task scripts (model/coverage.h)
  PrometheusFacts prometheus;  // rules, configs, monitors, dashboards (model/prometheus.h)
  EnvFacts env;                // env reads, template comments, secrets managers (model/env_reads.h)
  ResilienceFacts resilience;  // backups, databases, migrations (model/resilience.h)
  TerraformFacts terraform;    // parsed .tf/.tfvars, modules, environments (terraform.h)
  DerivedGateFacts gate_facts;  // filled by derive_gate_facts() at the end of the build
  std::map<std::string, std::vector<parse::Suppression>> suppressions;  // by path
  std::vector<walk::SkippedPath> skipped;
  walk::RoleMap roles;  // the conventions and overrides the files' roles came from

  [[nodiscard]] bool has_kind(walk::FileKind kind) const;
  [[nodiscard]] std::vector<const SourceFile*> files_of(walk::FileKind kind) const;
  [[nodiscard]] const SourceFile* file(std::string_view path) const;
  // The role of a repository file; for a path that is no file (a directory, a path a manifest
  // names), the role its path conventions give.
  [[nodiscard]] walk::PathRole role_of(std::string_view path) const;
  [[nodiscard]] walk::PathRole role_of_directory(std::string_view directory) const;
  [[nodiscard]] const TextDocument* doc(std::string_view path) const;
  [[nodiscard]] bool has_ecosystem(std::string_view name) const;
  [[nodiscard]] const Workflow* workflow_at(std::string_view path) const;
  // The one lookup of a parsed YAML or JSON file by path (yaml_files is sorted by path; a model
  // assembled by hand in a test is searched in full), or nullptr.
  [[nodiscard]] const YamlDocumentSet* yaml_file(std::string_view path) const;
  // Its document at index, or nullptr.
  [[nodiscard]] const parse::Node* yaml_document(std::string_view path, size_t index = 0) const;
  // The node of a workflow's job: GitHub's jobs.<id>, GitLab's top-level <id>; or nullptr.
  [[nodiscard]] const parse::Node* job_node(const Workflow& workflow, const Job& job) const;
  // The document a Kubernetes object was read from, or nullptr.
  [[nodiscard]] const parse::Node* object_node(const K8sObject& object) const;
  [[nodiscard]] const CompositeAction* action_at(std::string_view directory) const;

  // Facts derived from the whole model on first use, once (model/derived.h). The model must be
  // complete before the first call: what is derived is kept.
  // Every CI job that deploys (model/deploy_jobs.h).
  [[nodiscard]] const std::vector<deploy::DeployJob>& deploy_jobs() const;
  // Files that say the repository ships something to run somewhere, best evidence first.
  [[nodiscard]] const std::vector<deploy::Deployable>& deployables() const;
  // The steps that run with one of this model's workflows (model/step_scope.h).
  [[nodiscard]] const StepScope& step_scope(const Workflow& workflow) const;
  // How the objects of one of this model's Kubernetes environments relate (model/k8s_index.h).
  [[nodiscard]] const ObjectIndex& object_index(const K8sEnvironment& environment) const;
  // The containers that run an image built from the Dockerfile at path (model/image_builds.h).
  [[nodiscard]] const std::vector<ImageUse>& image_uses(std::string_view dockerfile) const;
  // Dockerfile directories by the image name they build (image_builds.h).
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& dockerfile_directories()
      const;
  // Images a deploy tool (Skaffold) builds and tags at deploy time, sorted (image_builds.h).
  [[nodiscard]] const std::vector<std::string>& deploy_time_images() const;
  // The Dockerfiles something in the repository builds, sorted by path (image_builds.h).
  [[nodiscard]] const std::vector<std::string>& built_dockerfiles() const;
  // The image repositories the repository's build commands tag, sorted (image_builds.h).
  [[nodiscard]] const std::vector<std::string>& tagged_images() const;
  // Where CI evidence may sit that golive cannot read (model/ci_opacity.h).
  [[nodiscard]] const std::vector<OpaqueCi>& opaque_ci() const;
  // Deploy targets that run the repository's code, with the variables they provide.
  [[nodiscard]] const std::vector<EnvTarget>& env_targets() const;
  // What kind of repository the files show (model/profile.h); .golive.yml may say otherwise.
  [[nodiscard]] const RepoProfile& profile() const;

 private:
  std::unique_ptr<DerivedFacts> derived_;
};

}  // namespace golive::model
