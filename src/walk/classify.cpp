#include "walk/classify.h"

#include <array>
#include <utility>

#include "core/strings.h"

namespace golive::walk {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool has_yaml_extension(std::string_view name) {
  return ends_with(name, ".yml") || ends_with(name, ".yaml");
}

struct ManifestName {
  std::string_view file;
  std::string_view ecosystem;
};

// Package manifests by exact file name; the ecosystem names follow Dependabot's where it has one.
constexpr std::array kManifests = {
    ManifestName{"package.json", "npm"},
    ManifestName{"pyproject.toml", "python"},
    ManifestName{"setup.py", "python"},
    ManifestName{"setup.cfg", "python"},
    ManifestName{"Pipfile", "python"},
    ManifestName{"poetry.lock", "python"},
    ManifestName{"go.mod", "go"},
    ManifestName{"pom.xml", "maven"},
    ManifestName{"build.gradle", "gradle"},
    ManifestName{"build.gradle.kts", "gradle"},
    ManifestName{"Cargo.toml", "cargo"},
    ManifestName{"Gemfile", "ruby"},
    ManifestName{"composer.json", "php"},
    ManifestName{"mix.exs", "elixir"},
    ManifestName{"pubspec.yaml", "dart"},
    ManifestName{"Package.swift", "swift"},
    ManifestName{"CMakeLists.txt", "cmake"},
    ManifestName{"conanfile.txt", "cmake"},
};

bool is_doc_name(std::string_view name) {
  static constexpr std::array kDocStems = {
      "README",  "LICENSE", "LICENCE",  "COPYING",         "CONTRIBUTING", "CHANGELOG",
      "CHANGES", "HISTORY", "SECURITY", "CODE_OF_CONDUCT", "NOTICE",       "CODEOWNERS"};
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // "SECURITY.md" and "LICENSE-MIT" are docs; "security.yml" is configuration.
  static constexpr std::array kDocExtensions = {".MD",   ".TXT",      ".RST",
                                                ".ADOC", ".MARKDOWN", ".ORG"};
  for (std::string_view stem : kDocStems) {
    if (upper == stem || starts_with(upper, std::string(stem) + "-")) return true;
    if (!starts_with(upper, std::string(stem) + ".")) continue;
    std::string_view extension = std::string_view(upper).substr(stem.size());
    for (std::string_view doc_extension : kDocExtensions) {
      if (extension == doc_extension) return true;
    }
  }
  return ends_with(name, ".md") || ends_with(name, ".rst") || ends_with(name, ".adoc") ||
         ends_with(name, ".markdown");
}

// Files their tools read as JSONC (comments, trailing commas): strict JSON errors would be noise.
bool is_json_with_comments(std::string_view dir, std::string_view name) {
  return starts_with(name, "tsconfig") || starts_with(name, "jsconfig") ||
         name == "devcontainer.json" || name == ".devcontainer.json" || dir == ".vscode" ||
         ends_with(dir, "/.vscode") || dir == ".devcontainer" || ends_with(dir, "/.devcontainer") ||
         name == ".eslintrc.json" || name == "deno.json" || name == ".babelrc.json" ||
         name == ".markdownlint.json" || name == "tslint.json" || name == ".swcrc";
}

Classification classify_env(std::string_view name) {
  static constexpr std::array kTemplateSuffixes = {".example", ".sample",   ".template",
                                                   ".dist",    ".defaults", ".tmpl"};
  for (std::string_view suffix : kTemplateSuffixes) {
    if (ends_with(name, suffix)) return {FileKind::kEnvTemplate, ""};
  }
  return {FileKind::kEnvFile, ""};
}

}  // namespace

std::string_view kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kOther:
      return "other";
    case FileKind::kYaml:
      return "yaml";
    case FileKind::kJson:
      return "json";
    case FileKind::kGithubWorkflow:
      return "github-workflow";
    case FileKind::kDisabledWorkflow:
      return "disabled-workflow";
    case FileKind::kGithubAction:
      return "github-action";
    case FileKind::kGitlabCi:
      return "gitlab-ci";
    case FileKind::kDependabot:
      return "dependabot";
    case FileKind::kRenovate:
      return "renovate";
    case FileKind::kPreCommit:
      return "pre-commit";
    case FileKind::kHelmChart:
      return "helm-chart";
    case FileKind::kHelmValues:
      return "helm-values";
    case FileKind::kHelmTemplate:
      return "helm-template";
    case FileKind::kKustomization:
      return "kustomization";
    case FileKind::kCompose:
      return "compose";
    case FileKind::kPrometheusConfig:
      return "prometheus-config";
    case FileKind::kDockerfile:
      return "dockerfile";
    case FileKind::kDockerignore:
      return "dockerignore";
    case FileKind::kTerraform:
      return "terraform";
    case FileKind::kPackageManifest:
      return "package-manifest";
    case FileKind::kDoc:
      return "doc";
    case FileKind::kEnvFile:
      return "env-file";
    case FileKind::kEnvTemplate:
      return "env-template";
  }
  return "other";
}

bool is_dockerfile_name(std::string_view name) {
  std::string lower = core::to_lower(name);
  // Dockerfile.md documents a Dockerfile and dockerfile.cpp parses them: neither is one.
  for (std::string_view other :
       {".md",   ".txt",  ".rst", ".adoc", ".orig", ".bak",  ".swp",   ".c",    ".cc",
        ".cpp",  ".h",    ".hpp", ".go",   ".py",   ".js",   ".ts",    ".tsx",  ".jsx",
        ".java", ".kt",   ".rs",  ".rb",   ".php",  ".cs",   ".swift", ".json", ".yaml",
        ".yml",  ".toml", ".sh",  ".ps1",  ".xml",  ".html", ".lock"}) {
    if (ends_with(lower, other)) return false;
  }
  for (std::string_view stem : {"dockerfile", "containerfile"}) {
    if (lower == stem || starts_with(lower, std::string(stem) + ".") ||
        ends_with(lower, "." + std::string(stem)))
      return true;
  }
  return false;
}

bool is_build_tool_config(std::string_view name) {
  return name.find(".config.") != std::string_view::npos;
}

bool is_yaml_kind(FileKind kind) {
  switch (kind) {
    case FileKind::kYaml:
    case FileKind::kGithubWorkflow:
    case FileKind::kGithubAction:
    case FileKind::kGitlabCi:
    case FileKind::kDependabot:
    case FileKind::kPreCommit:
    case FileKind::kHelmChart:
    case FileKind::kHelmValues:
    case FileKind::kKustomization:
    case FileKind::kCompose:
    case FileKind::kPrometheusConfig:
      return true;
    default:
      return false;
  }
}

Classification classify_path(std::string_view rel_path) {
  size_t slash = rel_path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  std::string_view dir =
      slash == std::string_view::npos ? std::string_view() : rel_path.substr(0, slash);

  if (dir == ".github/workflows" || ends_with(dir, "/.github/workflows")) {
    if (has_yaml_extension(name)) return {FileKind::kGithubWorkflow, ""};
    if (ends_with(name, ".disabled") || ends_with(name, ".disable") || ends_with(name, ".off") ||
        ends_with(name, ".bak")) {
      return {FileKind::kDisabledWorkflow, ""};
    }
  }
  if ((dir == ".github" || ends_with(dir, "/.github")) &&
      (name == "dependabot.yml" || name == "dependabot.yaml")) {
    return {FileKind::kDependabot, ""};
  }
  if (name == "renovate.json" || name == "renovate.json5" || name == ".renovaterc" ||
      name == ".renovaterc.json") {
    return {FileKind::kRenovate, ""};
  }
  if (name == "action.yml" || name == "action.yaml") return {FileKind::kGithubAction, ""};
  if (name == ".gitlab-ci.yml") return {FileKind::kGitlabCi, ""};
  if (name == ".pre-commit-config.yaml" || name == ".pre-commit-config.yml") {
    return {FileKind::kPreCommit, ""};
  }
  if (name == "Chart.yaml") return {FileKind::kHelmChart, ""};
  if (has_yaml_extension(name) &&
      (dir == "templates" || ends_with(dir, "/templates") ||
       dir.find("/templates/") != std::string_view::npos || starts_with(dir, "templates/"))) {
    return {FileKind::kHelmTemplate, ""};
  }
  if (has_yaml_extension(name) && starts_with(name, "values")) return {FileKind::kHelmValues, ""};
  if (name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization") {
    return {FileKind::kKustomization, ""};
  }
  if (has_yaml_extension(name) &&
      (starts_with(name, "docker-compose") || starts_with(name, "compose."))) {
    return {FileKind::kCompose, ""};
  }
  if (name == "prometheus.yml" || name == "prometheus.yaml")
    return {FileKind::kPrometheusConfig, ""};
  if (is_dockerfile_name(name)) return {FileKind::kDockerfile, ""};
  if (name == ".dockerignore") return {FileKind::kDockerignore, ""};
  if (ends_with(name, ".tf") || ends_with(name, ".tfvars")) return {FileKind::kTerraform, ""};
  for (const auto& manifest : kManifests) {
    if (name == manifest.file) return {FileKind::kPackageManifest, std::string(manifest.ecosystem)};
  }
  if ((starts_with(name, "requirements") && ends_with(name, ".txt")) || name == "requirements.in") {
    return {FileKind::kPackageManifest, "python"};
  }
  if (ends_with(name, ".csproj") || ends_with(name, ".fsproj")) {
    return {FileKind::kPackageManifest, "nuget"};
  }
  // .env.patch, .env.sh, .env.md: a diff, a script or a document about an env file.
  bool about_env = ends_with(name, ".patch") || ends_with(name, ".diff") ||
                   ends_with(name, ".sh") || ends_with(name, ".md") || ends_with(name, ".orig");
  if (!about_env && (name == ".env" || starts_with(name, ".env.") || ends_with(name, ".env")))
    return classify_env(name);
  if (is_doc_name(name)) return {FileKind::kDoc, ""};
  if (has_yaml_extension(name)) return {FileKind::kYaml, ""};
  if (ends_with(name, ".json") && !is_json_with_comments(dir, name)) return {FileKind::kJson, ""};
  return {FileKind::kOther, ""};
}

}  // namespace golive::walk
