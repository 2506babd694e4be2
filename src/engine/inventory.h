#pragma once
// What golive saw in the repository, so a reader can tell "not found" from "not looked at":
// the CI pipelines it read, the projects, images, compose services, Kubernetes objects per
// environment, charts, Terraform modules, alert rules, dashboards, load tests and documents,
// each with its path. Derived from the model after the build; reports print it (JSON
// `inventory`, `golive scan --inventory` in text).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace golive::engine {

struct CiPipeline {
  std::string system;  // "github-actions", "gitlab-ci"
  std::string path;
  size_t jobs = 0;
  std::vector<std::string> triggers;  // push, pull_request, schedule, ...
};

struct ProjectEntry {
  std::string ecosystem;  // npm, python, go, maven, ...
  std::string directory;
  std::string manifest;
};

struct DockerfileEntry {
  std::string path;
  std::string role;  // product, test, tooling, ...
  std::string base;  // the final stage's FROM, as resolved
  std::string user;  // the final stage's last USER (inherited through stages); "" when none
  size_t stages = 0;
  bool built_here = false;  // CI, make, compose, skaffold or goreleaser builds it
};

struct ComposeEntry {
  std::string path;
  std::string role;
  std::vector<std::string> services;
};

struct KubernetesEnvironmentEntry {
  std::string name;           // "overlays/prod", or "manifests" for plain manifests
  std::string kustomization;  // the kustomization built; "" for plain manifests
  bool production = false;
  std::map<std::string, size_t> kinds;  // Deployment -> 3, Service -> 3, ...
};

struct HelmChartEntry {
  std::string directory;
  std::string name;
  std::vector<std::string> values_files;
};

struct TerraformModuleEntry {
  std::string directory;
  size_t files = 0;
  size_t resources = 0;
  std::vector<std::string> backends;  // "s3", "gcs", "remote", ...
};

struct CountedFile {
  std::string path;
  size_t count = 0;
};

struct Inventory {
  std::vector<CiPipeline> ci;
  std::vector<ProjectEntry> projects;
  std::vector<DockerfileEntry> dockerfiles;
  std::vector<ComposeEntry> compose;
  std::vector<KubernetesEnvironmentEntry> kubernetes;
  std::vector<std::string> kustomize_bases;
  std::vector<HelmChartEntry> helm_charts;
  std::vector<TerraformModuleEntry> terraform_modules;
  std::vector<std::string> terraform_environments;  // "prod (folder environments/prod)"
  std::vector<CountedFile> alert_rules;             // files with alerting rules, and how many
  std::vector<CountedFile> recording_rules;
  std::vector<std::string> dashboards;
  std::vector<std::string> load_tests;  // "k6 load/test.js"
  std::vector<std::string> docs;
  std::map<std::string, size_t> files_by_role;  // product -> 120, test -> 40, ...
};

// Everything above, from a built model; every list is sorted by path.
Inventory build_inventory(const model::RepoModel& model);

}  // namespace golive::engine
