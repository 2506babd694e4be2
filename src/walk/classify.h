#pragma once
#include <string>
#include <string_view>

namespace golive::walk {

// What a path says a file is. Generic YAML is refined by content later (a Kubernetes manifest
// is known by its apiVersion and kind, a Prometheus rule file by its groups).
enum class FileKind {
  kOther,
  kYaml,
  kJson,
  kGithubWorkflow,
  kDisabledWorkflow,
  kGithubAction,
  kGitlabCi,
  kDependabot,
  kRenovate,
  kPreCommit,
  kHelmChart,
  kHelmValues,
  kHelmTemplate,
  kKustomization,
  kCompose,
  kPrometheusConfig,
  kDockerfile,
  kDockerignore,
  kTerraform,
  kPackageManifest,
  kDoc,
  kEnvFile,
  kEnvTemplate,
};

std::string_view kind_name(FileKind kind);

struct Classification {
  FileKind kind = FileKind::kOther;
  std::string ecosystem;  // for package manifests: npm, python, go, maven, gradle, cargo, ...
};

Classification classify_path(std::string_view rel_path);

// Build tool configuration in code ("vite.config.ts", "jest.config.js"): it configures the build
// or the tests, not the service.
bool is_build_tool_config(std::string_view name);

// Dockerfile, dockerfile, Containerfile, Dockerfile.prod, api.Dockerfile, api.containerfile:
// the names Docker, BuildKit and Podman read, in any case; not Dockerfile.md and the like.
bool is_dockerfile_name(std::string_view name);

// True for the file kinds parsed as YAML.
bool is_yaml_kind(FileKind kind);

}  // namespace golive::walk
