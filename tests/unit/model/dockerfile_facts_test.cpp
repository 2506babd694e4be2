// Stage chains, RUN scripts and shell commands as the container rules read them
// (model/dockerfile_facts.cpp).
#include "model/dockerfile_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace golive::model {
namespace {

using Words = std::vector<std::string>;

TEST(DockerfileFacts, StagesInheritFromTheStageTheirFromNames) {
  parse::Dockerfile file = parse::parse_dockerfile(
      "FROM node:20 AS base\n"
      "USER node\n"
      "HEALTHCHECK CMD true\n"
      "FROM golang:1.22 AS build\n"
      "USER root\n"
      "FROM BASE AS final\n"
      "EXPOSE 3000\n");
  ASSERT_EQ(file.stages.size(), 3u);
  EXPECT_EQ(parent_stage(file, 2), std::optional<size_t>(0));  // names match case-insensitively
  EXPECT_FALSE(parent_stage(file, 1).has_value());
  EXPECT_EQ(stage_chain(file, 2), (std::vector<size_t>{2, 0}));
  const parse::DockerInstruction* user = inherited_instruction(file, 2, "USER");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->arguments, "node");
  EXPECT_NE(inherited_instruction(file, 2, "HEALTHCHECK"), nullptr);
  EXPECT_EQ(inherited_instruction(file, 1, "HEALTHCHECK"), nullptr);
  EXPECT_EQ(chain_instructions(file, 2, "EXPOSE").size(), 1u);
  EXPECT_TRUE(from_earlier_stage(file, 2));
}

TEST(DockerfileFacts, RootUsers) {
  EXPECT_TRUE(is_root_user("root"));
  EXPECT_TRUE(is_root_user("0"));
  EXPECT_TRUE(is_root_user("0:0"));
  EXPECT_TRUE(is_root_user("root:staff"));
  EXPECT_FALSE(is_root_user("node"));
  EXPECT_FALSE(is_root_user("10001:0"));
  EXPECT_FALSE(is_root_user("${UID}"));
}

TEST(DockerfileFacts, UnresolvedArgsInFrom) {
  parse::Dockerfile file = parse::parse_dockerfile(
      "ARG WITH_DEFAULT=node:20\n"
      "ARG WITHOUT\n"
      "FROM ${WITH_DEFAULT}\n"
      "FROM ${WITHOUT}\n"
      "FROM node:${WITHOUT:-20}\n"
      "FROM node:20\n");
  ASSERT_EQ(file.stages.size(), 4u);
  EXPECT_FALSE(from_unresolved_arg(file, file.stages[0]));
  EXPECT_TRUE(from_unresolved_arg(file, file.stages[1]));
  EXPECT_FALSE(from_unresolved_arg(file, file.stages[2]));
  EXPECT_FALSE(from_unresolved_arg(file, file.stages[3]));
}

TEST(DockerfileFacts, RunScriptsFromEachForm) {
  parse::Dockerfile file = parse::parse_dockerfile(
      "FROM debian:12\n"
      "RUN --mount=type=cache,target=/var/cache/apt --network=none apt-get update\n"
      "RUN [\"/bin/sh\", \"-c\", \"apt-get install -y curl\"]\n"
      "RUN [\"apt-get\", \"install\", \"jq\"]\n"
      "RUN <<EOF\n"
      "apt-get install -y git\n"
      "EOF\n"
      "RUN cat <<EOF > /etc/motd\n"
      "hello\n"
      "EOF\n");
  ASSERT_EQ(file.instructions.size(), 6u);
  RunScript flagged = run_script(file.instructions[1]);
  EXPECT_EQ(flagged.flags, (Words{"--mount=type=cache,target=/var/cache/apt", "--network=none"}));
  EXPECT_EQ(flagged.script, "apt-get update");
  EXPECT_EQ(run_script(file.instructions[2]).script, "apt-get install -y curl");
  EXPECT_EQ(run_script(file.instructions[3]).script, "apt-get install jq");
  EXPECT_EQ(run_script(file.instructions[4]).script, "apt-get install -y git\n");
  EXPECT_EQ(run_script(file.instructions[5]).script, "cat <<EOF > /etc/motd");
}

TEST(DockerfileFacts, ShellCommandsSplitAtOperatorsAndDropPrefixes) {
  auto commands = shell_commands(
      "set -e; DEBIAN_FRONTEND=noninteractive sudo apt-get install -y 'a b' \\\n"
      "  && echo \"x && y\" | tee /tmp/log || true\n"
      "# a comment && not a command\n"
      "if [ -f x ]; then pip install flask; fi\n"
      "echo $(date +%s) & (cd /src && make)");
  std::vector<Words> expected = {
      {"set", "-e"},
      {"apt-get", "install", "-y", "a b"},
      {"echo", "x && y"},
      {"tee", "/tmp/log"},
      {"true"},
      {"if", "[", "-f", "x", "]"},
      {"pip", "install", "flask"},
      {"fi"},
      {"echo", "$(date +%s)"},
      {"cd", "/src"},
      {"make"},
  };
  EXPECT_EQ(commands, expected);
}

TEST(DockerfileFacts, KeyValuesOfEnvAndArg) {
  parse::Dockerfile file = parse::parse_dockerfile(
      "ARG A B=2\n"
      "FROM alpine:3.19\n"
      "ENV X=1 Y=\"two words\"\n"
      "ENV LEGACY value with spaces\n");
  auto arg = key_values(file.instructions[0]);
  ASSERT_EQ(arg.size(), 2u);
  EXPECT_EQ(arg[0].name, "A");
  EXPECT_FALSE(arg[0].has_value);
  EXPECT_EQ(arg[1].value, "2");
  auto env = key_values(file.instructions[2]);
  ASSERT_EQ(env.size(), 2u);
  EXPECT_EQ(env[1].name, "Y");
  EXPECT_EQ(env[1].value, "two words");
  auto legacy = key_values(file.instructions[3]);
  ASSERT_EQ(legacy.size(), 1u);
  EXPECT_EQ(legacy[0].name, "LEGACY");
  EXPECT_EQ(legacy[0].value, "value with spaces");
  EXPECT_TRUE(legacy[0].has_value);
}

TEST(DockerfileFacts, CommandWords) {
  EXPECT_EQ(command_words("[\"node\", \"server.js\"]"), (Words{"node", "server.js"}));
  EXPECT_EQ(command_words("gunicorn -b 0.0.0.0:8000 'app:create()'"),
            (Words{"gunicorn", "-b", "0.0.0.0:8000", "app:create()"}));
}

}  // namespace
}  // namespace golive::model
