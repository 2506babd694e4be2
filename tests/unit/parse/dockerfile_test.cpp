#include "parse/dockerfile.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::parse {
namespace {

TEST(Dockerfile, ReadsInstructionsWithLines) {
  Dockerfile file = parse_dockerfile(
      "FROM node:20\n"
      "\n"
      "# a comment\n"
      "workdir /app\n"
      "RUN npm ci\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 3u);
  EXPECT_EQ(file.instructions[1].keyword, "WORKDIR");  // keywords are upper-cased
  EXPECT_EQ(file.instructions[1].arguments, "/app");
  EXPECT_EQ(file.instructions[1].line, 4);
  EXPECT_EQ(file.instructions[2].line, 5);
  EXPECT_EQ(file.instructions[2].end_line, 5);
  ASSERT_EQ(file.stages.size(), 1u);
  EXPECT_EQ(file.stages[0].instructions, (std::vector<size_t>{0, 1, 2}));
}

TEST(Dockerfile, JoinsContinuationLines) {
  Dockerfile file = parse_dockerfile(
      "FROM alpine\n"
      "RUN apk add \\\n"
      "      curl \\\n"
      "      git\n"
      "USER app\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 3u);
  const DockerInstruction& run = file.instructions[1];
  EXPECT_EQ(run.keyword, "RUN");
  EXPECT_EQ(run.arguments, "apk add  curl  git");
  EXPECT_EQ(run.line, 2);
  EXPECT_EQ(run.end_line, 4);
  EXPECT_EQ(file.instructions[2].keyword, "USER");
  EXPECT_EQ(file.instructions[2].line, 5);
}

TEST(Dockerfile, CommentsInsideContinuationsAreDropped) {
  Dockerfile file = parse_dockerfile(
      "FROM alpine\n"
      "RUN set -e; \\\n"
      "  # install tools\n"
      "  apk add curl; \\\n"
      "# another\n"
      "  echo done\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 2u);
  EXPECT_EQ(file.instructions[1].arguments, "set -e;  apk add curl;  echo done");
  EXPECT_EQ(file.instructions[1].end_line, 6);
}

TEST(Dockerfile, ParserDirectives) {
  Dockerfile file = parse_dockerfile(
      "# syntax=docker/dockerfile:1.7\n"
      "# escape=`\n"
      "\n"
      "FROM mcr.microsoft.com/windows/servercore\n"
      "RUN dir c:\\ `\n"
      "    && echo ok\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(file.directives.at("syntax"), "docker/dockerfile:1.7");
  EXPECT_EQ(file.directives.at("escape"), "`");
  ASSERT_EQ(file.instructions.size(), 2u);
  // With a backtick escape a trailing backslash is an ordinary character.
  EXPECT_EQ(file.instructions[1].arguments, "dir c:\\  && echo ok");
  EXPECT_EQ(file.instructions[1].end_line, 6);
}

TEST(Dockerfile, DirectivesOnlyCountBeforeAnyOtherComment) {
  Dockerfile file = parse_dockerfile(
      "# a comment first\n"
      "# syntax=docker/dockerfile:1\n"
      "FROM alpine\n");
  EXPECT_TRUE(file.directives.empty());
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 1u);
  EXPECT_EQ(file.instructions[0].line, 3);
}

TEST(Dockerfile, BackslashContinuesWithoutAnEscapeDirective) {
  Dockerfile file = parse_dockerfile("FROM alpine\nRUN a `\nUSER b\n");
  ASSERT_EQ(file.instructions.size(), 3u);
  EXPECT_EQ(file.instructions[1].arguments, "a `");
}

TEST(Dockerfile, Heredocs) {
  Dockerfile file = parse_dockerfile(
      "# syntax=docker/dockerfile:1\n"
      "FROM alpine\n"
      "RUN <<EOF\n"
      "apk add curl\n"
      "echo done\n"
      "EOF\n"
      "COPY <<-'CONF' /etc/app.conf\n"
      "\tkey=value\n"
      "\t\tindented\n"
      "\tCONF\n"
      "USER app\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 4u);
  const DockerInstruction& run = file.instructions[1];
  EXPECT_EQ(run.arguments, "<<EOF");
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0], "apk add curl\necho done\n");
  EXPECT_EQ(run.line, 3);
  EXPECT_EQ(run.end_line, 6);

  const DockerInstruction& copy = file.instructions[2];
  EXPECT_EQ(copy.keyword, "COPY");
  ASSERT_EQ(copy.heredocs.size(), 1u);
  EXPECT_EQ(copy.heredocs[0], "key=value\nindented\n");  // "<<-" strips leading tabs
  EXPECT_EQ(copy.end_line, 10);

  EXPECT_EQ(file.instructions[3].keyword, "USER");
  EXPECT_EQ(file.instructions[3].line, 11);
}

TEST(Dockerfile, SeveralHeredocsOnOneLine) {
  Dockerfile file = parse_dockerfile(
      "FROM alpine\n"
      "COPY <<A <<\"B\" /dest/\n"
      "first\n"
      "A\n"
      "second\n"
      "B\n"
      "USER app\n");
  ASSERT_EQ(file.instructions.size(), 3u);
  EXPECT_EQ(file.instructions[1].heredocs, (std::vector<std::string>{"first\n", "second\n"}));
  EXPECT_EQ(file.instructions[2].keyword, "USER");
}

TEST(Dockerfile, ShiftOperatorIsNotAHeredoc) {
  Dockerfile file = parse_dockerfile(
      "FROM alpine\n"
      "RUN echo $((1<<2)) && cat<<EOF\n"
      "USER app\n"
      "CMD [\"sh\"]\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 4u);
  EXPECT_TRUE(file.instructions[1].heredocs.empty());
  EXPECT_EQ(file.instructions[2].keyword, "USER");
  EXPECT_EQ(file.instructions[3].keyword, "CMD");
}

TEST(Dockerfile, UnterminatedHeredocRunsToTheEnd) {
  Dockerfile file = parse_dockerfile("FROM alpine\nRUN <<EOF\necho hi\n");
  ASSERT_EQ(file.instructions.size(), 2u);
  EXPECT_EQ(file.instructions[1].heredocs, (std::vector<std::string>{"echo hi\n"}));
  EXPECT_EQ(file.instructions[1].end_line, 3);
}

TEST(Dockerfile, GlobalArgsAreSubstitutedInFrom) {
  Dockerfile file = parse_dockerfile(
      "ARG NODE_VERSION=20\n"
      "ARG VARIANT=\"alpine\"\n"
      "ARG UNSET\n"
      "FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-${VARIANT} AS build\n"
      "RUN npm ci\n"
      "FROM ${REGISTRY:-docker.io}/library/node:$NODE_VERSION as runtime\n"
      "FROM ${UNSET:-busybox}:latest\n"
      "FROM build\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(file.global_args.at("NODE_VERSION"), "20");
  EXPECT_EQ(file.global_args.at("VARIANT"), "alpine");  // quotes removed
  EXPECT_EQ(file.global_args.at("UNSET"), "");
  ASSERT_EQ(file.stages.size(), 4u);

  EXPECT_EQ(file.stages[0].image, "node:20-alpine");
  EXPECT_EQ(file.stages[0].raw_image, "node:${NODE_VERSION}-${VARIANT}");
  EXPECT_EQ(file.stages[0].name, "build");
  EXPECT_EQ(file.stages[0].platform, "$BUILDPLATFORM");
  EXPECT_EQ(file.stages[0].line, 4);
  EXPECT_EQ(file.stages[0].instructions, (std::vector<size_t>{3, 4}));

  EXPECT_EQ(file.stages[1].image, "docker.io/library/node:20");
  EXPECT_EQ(file.stages[1].name, "runtime");  // "as" in any case
  EXPECT_EQ(file.stages[2].image, "busybox:latest");
  EXPECT_EQ(file.stages[2].name, "");
  EXPECT_EQ(file.stages[3].image, "build");
}

TEST(Dockerfile, SubstituteArgs) {
  const std::map<std::string, std::string> args = {{"A", "1"}, {"EMPTY", ""}};
  EXPECT_EQ(substitute_args("x-$A-${A}", args), "x-1-1");
  EXPECT_EQ(substitute_args("${MISSING}|$MISSING", args), "|");
  EXPECT_EQ(substitute_args("${EMPTY:-def}|${MISSING:-def}|${A:-def}", args), "def|def|1");
  EXPECT_EQ(substitute_args("${A:+alt}|${EMPTY:+alt}|${MISSING:+alt}", args), "alt||");
  EXPECT_EQ(substitute_args("$", args), "$");
  EXPECT_EQ(substitute_args("a$-b", args), "a$-b");
  EXPECT_EQ(substitute_args("${A", args), "${A");  // unclosed brace left as written
  EXPECT_EQ(substitute_args("$A_B", args), "");    // the longest name is used
}

TEST(Dockerfile, UnknownInstructionIsAnIssue) {
  Dockerfile file = parse_dockerfile("FROM alpine\nRUNN echo hi\n");
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-dockerfile");
  EXPECT_EQ(file.issues[0].line, 2);
  EXPECT_NE(file.issues[0].message.find("'RUNN'"), std::string::npos) << file.issues[0].message;
}

TEST(Dockerfile, MissingFromIsAnIssue) {
  Dockerfile file = parse_dockerfile("ARG X=1\nRUN echo hi\n");
  ASSERT_EQ(file.issues.size(), 2u);
  EXPECT_EQ(file.issues[0].kind, "invalid-dockerfile");
  EXPECT_EQ(file.issues[0].line, 2);
  EXPECT_NE(file.issues[0].message.find("before the first FROM"), std::string::npos);
  EXPECT_EQ(file.issues[1].kind, "invalid-dockerfile");
  EXPECT_NE(file.issues[1].message.find("no FROM"), std::string::npos);
  EXPECT_TRUE(file.stages.empty());
}

TEST(Dockerfile, FromWithoutImageIsAnIssue) {
  Dockerfile file = parse_dockerfile("FROM --platform=linux/amd64\n");
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_NE(file.issues[0].message.find("no image"), std::string::npos);
  ASSERT_EQ(file.stages.size(), 1u);
  EXPECT_EQ(file.stages[0].platform, "linux/amd64");
}

TEST(Dockerfile, EmptyAndCommentOnlyFilesHaveNoIssues) {
  EXPECT_TRUE(parse_dockerfile("").issues.empty());
  Dockerfile comments = parse_dockerfile("# nothing here\n\n");
  EXPECT_TRUE(comments.issues.empty());
  EXPECT_TRUE(comments.instructions.empty());
}

TEST(Dockerfile, CrlfLineEndings) {
  Dockerfile file = parse_dockerfile("FROM alpine\r\nRUN a \\\r\n  b\r\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.instructions.size(), 2u);
  EXPECT_EQ(file.instructions[0].arguments, "alpine");
  EXPECT_EQ(file.instructions[1].arguments, "a  b");
}

}  // namespace
}  // namespace golive::parse
