#include "walk/classify.h"

#include <gtest/gtest.h>

namespace golive::walk {
namespace {

FileKind kind_of(std::string_view path) { return classify_path(path).kind; }

TEST(Classify, GithubWorkflows) {
  EXPECT_EQ(kind_of(".github/workflows/ci.yml"), FileKind::kGithubWorkflow);
  EXPECT_EQ(kind_of(".github/workflows/release.yaml"), FileKind::kGithubWorkflow);
  EXPECT_EQ(kind_of("services/api/.github/workflows/ci.yml"), FileKind::kGithubWorkflow);
  // Only directly inside .github/workflows.
  EXPECT_EQ(kind_of(".github/workflows/sub/ci.yml"), FileKind::kYaml);
  EXPECT_EQ(kind_of("github/workflows/ci.yml"), FileKind::kYaml);
  EXPECT_EQ(kind_of(".github/workflows/README.md"), FileKind::kDoc);
}

TEST(Classify, DisabledWorkflows) {
  EXPECT_EQ(kind_of(".github/workflows/ci.yml.disabled"), FileKind::kDisabledWorkflow);
  EXPECT_EQ(kind_of(".github/workflows/ci.yml.disable"), FileKind::kDisabledWorkflow);
  EXPECT_EQ(kind_of(".github/workflows/deploy.yaml.off"), FileKind::kDisabledWorkflow);
  EXPECT_EQ(kind_of(".github/workflows/old.yml.bak"), FileKind::kDisabledWorkflow);
  EXPECT_EQ(kind_of("ci.yml.disabled"), FileKind::kOther);
}

TEST(Classify, GithubConfigFiles) {
  EXPECT_EQ(kind_of(".github/dependabot.yml"), FileKind::kDependabot);
  EXPECT_EQ(kind_of(".github/dependabot.yaml"), FileKind::kDependabot);
  EXPECT_EQ(kind_of("dependabot.yml"), FileKind::kYaml);  // only under .github
  EXPECT_EQ(kind_of("renovate.json"), FileKind::kRenovate);
  EXPECT_EQ(kind_of(".github/renovate.json5"), FileKind::kRenovate);
  EXPECT_EQ(kind_of("action.yml"), FileKind::kGithubAction);
  EXPECT_EQ(kind_of(".github/actions/setup/action.yaml"), FileKind::kGithubAction);
  EXPECT_EQ(kind_of(".gitlab-ci.yml"), FileKind::kGitlabCi);
  EXPECT_EQ(kind_of(".pre-commit-config.yaml"), FileKind::kPreCommit);
}

TEST(Classify, HelmChartsTemplatesAndValues) {
  EXPECT_EQ(kind_of("charts/api/Chart.yaml"), FileKind::kHelmChart);
  EXPECT_EQ(kind_of("charts/api/templates/deployment.yaml"), FileKind::kHelmTemplate);
  EXPECT_EQ(kind_of("charts/api/templates/sub/service.yml"), FileKind::kHelmTemplate);
  EXPECT_EQ(kind_of("templates/x.yaml"), FileKind::kHelmTemplate);
  EXPECT_EQ(kind_of("charts/api/templates/NOTES.txt"), FileKind::kOther);
  EXPECT_EQ(kind_of("charts/api/values.yaml"), FileKind::kHelmValues);
  EXPECT_EQ(kind_of("charts/api/values-prod.yml"), FileKind::kHelmValues);
  // Values files inside templates/ are templates, not values.
  EXPECT_EQ(kind_of("charts/api/templates/values.yaml"), FileKind::kHelmTemplate);
}

TEST(Classify, KustomizeComposeAndPrometheus) {
  EXPECT_EQ(kind_of("deploy/kustomization.yaml"), FileKind::kKustomization);
  EXPECT_EQ(kind_of("Kustomization"), FileKind::kKustomization);
  EXPECT_EQ(kind_of("docker-compose.yml"), FileKind::kCompose);
  EXPECT_EQ(kind_of("docker-compose.prod.yaml"), FileKind::kCompose);
  EXPECT_EQ(kind_of("deploy/compose.yaml"), FileKind::kCompose);
  EXPECT_EQ(kind_of("composer.yaml"), FileKind::kYaml);
  EXPECT_EQ(kind_of("monitoring/prometheus.yml"), FileKind::kPrometheusConfig);
}

TEST(Classify, DockerfileVariants) {
  EXPECT_EQ(kind_of("Dockerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("services/api/Dockerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("Dockerfile.prod"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("api.Dockerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("build/api.dockerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("Containerfile"), FileKind::kDockerfile);
  // Any case, as BuildKit and Podman read them (uptime-kuma's docker/dockerfile).
  EXPECT_EQ(kind_of("docker/dockerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("Containerfile.alpine"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("api.containerfile"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of("Dockerfile.md"), FileKind::kDoc);
  // golive's own parser: a source file named for what it reads is not a Dockerfile.
  EXPECT_NE(kind_of("src/parse/dockerfile.cpp"), FileKind::kDockerfile);
  EXPECT_NE(kind_of("pkg/dockerfile.go"), FileKind::kDockerfile);
  EXPECT_EQ(kind_of(".dockerignore"), FileKind::kDockerignore);
  EXPECT_EQ(kind_of("Dockerfiles.md"), FileKind::kDoc);
  EXPECT_EQ(kind_of("NotADockerfile"), FileKind::kOther);
}

TEST(Classify, PackageManifestsCarryTheirEcosystem) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"package.json", "npm"},
      {"web/package.json", "npm"},
      {"pyproject.toml", "python"},
      {"setup.py", "python"},
      {"Pipfile", "python"},
      {"requirements.txt", "python"},
      {"requirements-dev.txt", "python"},
      {"requirements.in", "python"},
      {"go.mod", "go"},
      {"pom.xml", "maven"},
      {"build.gradle", "gradle"},
      {"build.gradle.kts", "gradle"},
      {"Cargo.toml", "cargo"},
      {"Gemfile", "ruby"},
      {"composer.json", "php"},
      {"mix.exs", "elixir"},
      {"pubspec.yaml", "dart"},
      {"Package.swift", "swift"},
      {"CMakeLists.txt", "cmake"},
      {"src/App/App.csproj", "nuget"},
      {"lib.fsproj", "nuget"},
  };
  for (const auto& [path, ecosystem] : cases) {
    Classification c = classify_path(path);
    EXPECT_EQ(c.kind, FileKind::kPackageManifest) << path;
    EXPECT_EQ(c.ecosystem, ecosystem) << path;
  }
  EXPECT_EQ(classify_path("package-lock.json").kind, FileKind::kJson);
  EXPECT_EQ(classify_path("go.sum").kind, FileKind::kOther);
  EXPECT_EQ(classify_path("requirements.md").kind, FileKind::kDoc);
  EXPECT_EQ(classify_path("README.md").ecosystem, "");
}

TEST(Classify, EnvFilesAndTemplates) {
  EXPECT_EQ(kind_of(".env"), FileKind::kEnvFile);
  EXPECT_EQ(kind_of(".env.local"), FileKind::kEnvFile);
  EXPECT_EQ(kind_of(".env.production"), FileKind::kEnvFile);
  EXPECT_EQ(kind_of("config/prod.env"), FileKind::kEnvFile);
  EXPECT_EQ(kind_of(".env.example"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of(".env.sample"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of(".env.template"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of(".env.dist"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of("api/.env.defaults"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of(".env.tmpl"), FileKind::kEnvTemplate);
  EXPECT_EQ(kind_of(".envrc"), FileKind::kOther);
  EXPECT_EQ(kind_of("environment.yml"), FileKind::kYaml);
}

TEST(Classify, Docs) {
  for (std::string_view path :
       {"README", "README.md", "readme.rst", "docs/guide.md", "LICENSE", "LICENSE.txt", "LICENCE",
        "COPYING", "CONTRIBUTING.md", "CHANGELOG.md", "HISTORY.md", "SECURITY.md",
        "CODE_OF_CONDUCT.md", "NOTICE", ".github/CODEOWNERS", "docs/adr/0001-x.adoc", "LICENSE-MIT",
        "notes.markdown"}) {
    EXPECT_EQ(kind_of(path), FileKind::kDoc) << path;
  }
  EXPECT_EQ(kind_of("READMEFIRST.txt"), FileKind::kOther);
  // A config file named after a doc stem is still configuration.
  EXPECT_EQ(kind_of(".gitlab/ci/security.yml"), FileKind::kYaml);
  EXPECT_EQ(kind_of("changelog.json"), FileKind::kJson);
  EXPECT_EQ(kind_of("docs/image.png"), FileKind::kOther);
}

TEST(Classify, GenericStructuredFilesAndOthers) {
  EXPECT_EQ(kind_of("config/app.yaml"), FileKind::kYaml);
  EXPECT_EQ(kind_of("k8s/deploy.yml"), FileKind::kYaml);
  EXPECT_EQ(kind_of("data/config.json"), FileKind::kJson);
  EXPECT_EQ(kind_of("infra/main.tf"), FileKind::kTerraform);
  EXPECT_EQ(kind_of("prod.tfvars"), FileKind::kTerraform);
  EXPECT_EQ(kind_of("src/main.cpp"), FileKind::kOther);
  EXPECT_EQ(kind_of(""), FileKind::kOther);
}

TEST(Classify, JsonWithCommentsIsNotStrictJson) {
  EXPECT_EQ(kind_of("tsconfig.json"), FileKind::kOther);
  EXPECT_EQ(kind_of("web/tsconfig.build.json"), FileKind::kOther);
  EXPECT_EQ(kind_of(".vscode/settings.json"), FileKind::kOther);
  EXPECT_EQ(kind_of(".devcontainer/devcontainer.json"), FileKind::kOther);
  EXPECT_EQ(kind_of("settings.json"), FileKind::kJson);
}

TEST(Classify, KindNamesAreStable) {
  EXPECT_EQ(kind_name(FileKind::kGithubWorkflow), "github-workflow");
  EXPECT_EQ(kind_name(FileKind::kDisabledWorkflow), "disabled-workflow");
  EXPECT_EQ(kind_name(FileKind::kPackageManifest), "package-manifest");
  EXPECT_EQ(kind_name(FileKind::kEnvTemplate), "env-template");
  EXPECT_EQ(kind_name(FileKind::kOther), "other");
}

TEST(Classify, YamlKinds) {
  EXPECT_TRUE(is_yaml_kind(FileKind::kYaml));
  EXPECT_TRUE(is_yaml_kind(FileKind::kGithubWorkflow));
  EXPECT_TRUE(is_yaml_kind(FileKind::kCompose));
  EXPECT_TRUE(is_yaml_kind(FileKind::kHelmValues));
  EXPECT_TRUE(is_yaml_kind(FileKind::kDependabot));
  // Helm templates are Go templates, not YAML, until rendered.
  EXPECT_FALSE(is_yaml_kind(FileKind::kHelmTemplate));
  EXPECT_FALSE(is_yaml_kind(FileKind::kJson));
  EXPECT_FALSE(is_yaml_kind(FileKind::kDisabledWorkflow));
  EXPECT_FALSE(is_yaml_kind(FileKind::kDockerfile));
}

}  // namespace
}  // namespace golive::walk
