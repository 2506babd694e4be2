// Compose services as the container rules see them (model/compose.cpp).
#include "model/compose.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::model {
namespace {

ComposeFile compose_of(const std::string& text) {
  parse::YamlFile parsed = parse::parse_yaml(text);
  EXPECT_TRUE(parsed.valid);
  EXPECT_FALSE(parsed.documents.empty());
  return extract_compose("compose.yaml", parsed.documents.front());
}

TEST(ExtractCompose, ImageBuildHealthcheckAndRestart) {
  ComposeFile file = compose_of(
      "services:\n"
      "  api:\n"
      "    build:\n"
      "      context: ./api\n"
      "      dockerfile: Dockerfile.prod\n"
      "      target: runtime\n"
      "    image: ghcr.io/org/api:1.2\n"
      "    restart: unless-stopped\n"
      "    healthcheck:\n"
      "      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/healthz\"]\n"
      "  db:\n"
      "    image: postgres:16\n"
      "    healthcheck:\n"
      "      disable: true\n"
      "  worker:\n"
      "    build: .\n"
      "    deploy:\n"
      "      restart_policy:\n"
      "        condition: on-failure\n");
  ASSERT_EQ(file.services.size(), 3u);
  const ComposeService& api = file.services[0];
  EXPECT_EQ(api.name, "api");
  EXPECT_EQ(api.line, 2);
  EXPECT_EQ(api.image, "ghcr.io/org/api:1.2");
  EXPECT_EQ(api.image_line, 7);
  EXPECT_TRUE(api.builds);
  EXPECT_EQ(api.build_context, "./api");
  EXPECT_EQ(api.build_dockerfile, "Dockerfile.prod");
  EXPECT_EQ(api.build_target, "runtime");
  EXPECT_EQ(api.restart, "unless-stopped");
  EXPECT_EQ(api.restart_line, 8);
  EXPECT_TRUE(api.has_healthcheck);
  EXPECT_FALSE(api.healthcheck_disabled);

  const ComposeService& db = file.services[1];
  EXPECT_FALSE(db.builds);
  EXPECT_FALSE(db.has_healthcheck);
  EXPECT_TRUE(db.healthcheck_disabled);
  EXPECT_TRUE(db.restart.empty());

  const ComposeService& worker = file.services[2];
  EXPECT_TRUE(worker.builds);
  EXPECT_EQ(worker.build_context, ".");
  EXPECT_TRUE(worker.image.empty());
  EXPECT_EQ(worker.restart, "on-failure");
  EXPECT_EQ(worker.restart_line, 19);
}

TEST(ExtractCompose, HealthcheckTestNoneDisablesAndIntervalAloneIsNotACheck) {
  ComposeFile file = compose_of(
      "services:\n"
      "  a:\n"
      "    image: a:1\n"
      "    healthcheck:\n"
      "      test: [\"NONE\"]\n"
      "  b:\n"
      "    image: b:1\n"
      "    healthcheck:\n"
      "      interval: 10s\n");
  ASSERT_EQ(file.services.size(), 2u);
  EXPECT_TRUE(file.services[0].healthcheck_disabled);
  EXPECT_FALSE(file.services[0].has_healthcheck);
  EXPECT_FALSE(file.services[1].healthcheck_disabled);
  EXPECT_FALSE(file.services[1].has_healthcheck);
  EXPECT_EQ(file.services[1].healthcheck_line, 8);
}

TEST(ExtractCompose, EnvironmentAsMappingOrList) {
  ComposeFile file = compose_of(
      "services:\n"
      "  a:\n"
      "    environment:\n"
      "      DB_PASSWORD: hunter2\n"
      "      PASSED_THROUGH:\n"
      "      PORT: 8080\n"
      "  b:\n"
      "    environment:\n"
      "      - API_TOKEN=abc=def\n"
      "      - FROM_SHELL\n"
      "      - EMPTY=\n");
  ASSERT_EQ(file.services.size(), 2u);
  const auto& a = file.services[0].environment;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].name, "DB_PASSWORD");
  EXPECT_EQ(a[0].value, "hunter2");
  EXPECT_TRUE(a[0].has_value);
  EXPECT_EQ(a[0].line, 4);
  EXPECT_EQ(a[1].name, "PASSED_THROUGH");
  EXPECT_FALSE(a[1].has_value);
  EXPECT_EQ(a[2].value, "8080");

  const auto& b = file.services[1].environment;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].name, "API_TOKEN");
  EXPECT_EQ(b[0].value, "abc=def");
  EXPECT_EQ(b[0].line, 9);
  EXPECT_EQ(b[1].name, "FROM_SHELL");
  EXPECT_FALSE(b[1].has_value);
  EXPECT_EQ(b[2].name, "EMPTY");
  EXPECT_TRUE(b[2].has_value);
  EXPECT_TRUE(b[2].value.empty());
}

TEST(ExtractCompose, EnvFilesSecretsPortsProfilesAndDependsOn) {
  ComposeFile file = compose_of(
      "services:\n"
      "  a:\n"
      "    env_file: .env\n"
      "    secrets: [db_password, {source: api_key, target: key}]\n"
      "    ports: [\"8080:80\", {target: 80, published: 9090}]\n"
      "    profiles: [debug]\n"
      "    depends_on: [db, cache]\n"
      "  b:\n"
      "    env_file:\n"
      "      - path: ./common.env\n"
      "      - ./b.env\n"
      "    depends_on:\n"
      "      db:\n"
      "        condition: service_healthy\n");
  ASSERT_EQ(file.services.size(), 2u);
  const ComposeService& a = file.services[0];
  EXPECT_EQ(a.env_files, std::vector<std::string>{".env"});
  EXPECT_EQ(a.secrets, (std::vector<std::string>{"db_password", "api_key"}));
  EXPECT_EQ(a.ports, (std::vector<std::string>{"8080:80", "9090"}));
  EXPECT_EQ(a.profiles, std::vector<std::string>{"debug"});
  ASSERT_EQ(a.depends_on.size(), 2u);
  EXPECT_EQ(a.depends_on[0], (std::pair<std::string, std::string>{"db", ""}));
  const ComposeService& b = file.services[1];
  EXPECT_EQ(b.env_files, (std::vector<std::string>{"./common.env", "./b.env"}));
  ASSERT_EQ(b.depends_on.size(), 1u);
  EXPECT_EQ(b.depends_on[0], (std::pair<std::string, std::string>{"db", "service_healthy"}));
}

TEST(ExtractCompose, MergeKeysAndOddShapes) {
  ComposeFile file = compose_of(
      "x-common: &common\n"
      "  restart: always\n"
      "services:\n"
      "  a:\n"
      "    <<: *common\n"
      "    image: a:1\n"
      "  empty:\n"
      "  odd: 3\n");
  ASSERT_EQ(file.services.size(), 2u);
  EXPECT_EQ(file.services[0].restart, "always");
  EXPECT_EQ(file.services[1].name, "empty");
  EXPECT_TRUE(compose_of("version: '3'\n").services.empty());
}

}  // namespace
}  // namespace golive::model
