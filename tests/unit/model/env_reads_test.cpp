// Environment reads, template comments and secrets managers (model/env_reads.cpp).
#include "model/env_reads.h"

#include <gtest/gtest.h>

#include <string>

#include "model/builder.h"
#include "model/model.h"

namespace golive::model {
namespace {

RepoModel model_of(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  return model;
}

const EnvRead* read_named(const RepoModel& model, std::string_view name) {
  for (const auto& read : model.env.reads) {
    if (read.name == name) return &read;
  }
  return nullptr;
}

TEST(EnvReads, NodeFormsWithDefaults) {
  RepoModel model = model_of({{"src/server.js",
                               "const a = process.env.DATABASE_URL;\n"
                               "const b = process.env['API_KEY'] || 'dev';\n"
                               "const c = import.meta.env.VITE_URL ?? '/';\n"
                               "// process.env.IN_COMMENT\n"
                               "const d = myprocess.env.NOT_A_READ;\n"}});
  ASSERT_EQ(model.env.reads.size(), 3u);
  const EnvRead* a = read_named(model, "DATABASE_URL");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->line, 1);
  EXPECT_EQ(a->column, 11);
  EXPECT_EQ(a->ecosystem, "node");
  EXPECT_FALSE(a->has_default);
  EXPECT_TRUE(read_named(model, "API_KEY")->has_default);
  EXPECT_TRUE(read_named(model, "VITE_URL")->has_default);
  EXPECT_EQ(read_named(model, "NOT_A_READ"), nullptr);
}

TEST(EnvReads, PythonGoJavaAndSpring) {
  RepoModel model = model_of({
      {"app/settings.py",
       "import os\nA = os.environ['A']\nB = os.environ.get('B', 'x')\nC = os.getenv(\"C\")\n"
       "D = os.getenv('D') or 'd'\n"},
      {"main.go", "package main\nvar e = os.Getenv(\"E\")\nvar f, ok = os.LookupEnv(\"F\")\n"},
      {"src/Main.java", "String g = System.getenv(\"G\");\n"},
      {"src/main/resources/application.properties",
       "url=${H}\npool=${POOL_SIZE:10}\nother=${spring.name}\n"},
  });
  EXPECT_FALSE(read_named(model, "A")->has_default);
  EXPECT_TRUE(read_named(model, "B")->has_default);
  EXPECT_FALSE(read_named(model, "C")->has_default);
  EXPECT_TRUE(read_named(model, "D")->has_default);
  EXPECT_FALSE(read_named(model, "E")->has_default);
  EXPECT_TRUE(read_named(model, "F")->has_default);
  EXPECT_EQ(read_named(model, "G")->ecosystem, "java");
  EXPECT_FALSE(read_named(model, "H")->has_default);
  EXPECT_TRUE(read_named(model, "POOL_SIZE")->has_default);
  EXPECT_EQ(read_named(model, "spring.name"), nullptr);
}

TEST(EnvReads, PydanticSettingsWithPrefix) {
  RepoModel model = model_of({{"app/config.py",
                               "class Settings(BaseSettings):\n"
                               "    model_config = SettingsConfigDict(env_prefix='APP_')\n"
                               "    database_url: str\n"
                               "    debug: bool = False\n"
                               "\n"
                               "    def helper(self) -> None:\n"
                               "        pass\n"}});
  ASSERT_NE(read_named(model, "APP_DATABASE_URL"), nullptr);
  EXPECT_EQ(read_named(model, "APP_DATABASE_URL")->line, 3);
  EXPECT_TRUE(read_named(model, "APP_DEBUG")->has_default);
  EXPECT_EQ(model.env.reads.size(), 2u);
}

TEST(EnvReads, SkipsTestsToolingAndMinifiedFiles) {
  RepoModel model = model_of({
      {"tests/test_api.py", "os.getenv('X')\n"},
      {"src/api.test.ts", "process.env.Y\n"},
      {"vite.config.ts", "process.env.Z\n"},
      {"dist/app.js", std::string(3000, 'a') + "\nprocess.env.W\n"},
  });
  EXPECT_TRUE(model.env.reads.empty());
}

TEST(EnvReads, TemplateCommentsReferencesAndSecretSources) {
  RepoModel model = model_of({
      {".env.example", "A=1\n# OPTIONAL_B=2\n# just a comment\n"},
      {"docker-compose.yml", "services:\n  api:\n    image: acme/api:${TAG}\n"},
      {"k8s/external.yaml", "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\n"},
      {".sops.yaml", "creation_rules: []\n"},
  });
  ASSERT_EQ(model.env.commented_template_names.size(), 1u);
  EXPECT_EQ(model.env.commented_template_names[0].second, "OPTIONAL_B");
  EXPECT_EQ(model.env.config_references.count("TAG"), 1u);
  ASSERT_EQ(model.env.secret_sources.size(), 2u);
  EXPECT_EQ(model.env.secret_sources[0].kind, "ExternalSecret");
  EXPECT_EQ(model.env.secret_sources[0].line, 2);
  EXPECT_EQ(model.env.secret_sources[1].kind, "SOPS");
}

TEST(EnvTargets, ComposeServiceProvidesEnvironmentEnvFileAndDockerfileEnv) {
  RepoModel model = model_of({
      {"api/Dockerfile", "FROM node:20\nENV PORT=3000 MODE=prod\nENV HOST 0.0.0.0\n"},
      {".env.compose", "DB_URL=x\n"},
      {"docker-compose.yml",
       "services:\n  api:\n    build: ./api\n    environment:\n      - TOKEN\n    env_file: "
       ".env.compose\n  db:\n    image: postgres:16\n"},
  });
  std::vector<EnvTarget> targets = find_env_targets(model);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].code_directory, "api");
  EXPECT_FALSE(targets[0].provides_everything);
  for (const char* name : {"PORT", "MODE", "HOST", "DB_URL", "TOKEN"})
    EXPECT_EQ(targets[0].provides.count(name), 1u) << name;
}

TEST(EnvTargets, UnresolvableEnvFileProvidesEverything) {
  RepoModel model =
      model_of({{"docker-compose.yml", "services:\n  api:\n    build: .\n    env_file: .env\n"}});
  std::vector<EnvTarget> targets = find_env_targets(model);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_TRUE(targets[0].provides_everything);
}

TEST(EnvReads, PlatformVariables) {
  EXPECT_TRUE(is_platform_variable("NODE_ENV"));
  EXPECT_TRUE(is_platform_variable("GITHUB_TOKEN"));
  EXPECT_FALSE(is_platform_variable("DATABASE_URL"));
  EXPECT_TRUE(env_path_within("services/api/app.py", "services/api"));
  EXPECT_FALSE(env_path_within("services/api2/app.py", "services/api"));
  EXPECT_TRUE(env_path_within("app.py", ""));
}

}  // namespace
}  // namespace golive::model
