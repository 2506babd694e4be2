#include "parse/env_file.h"

#include <gtest/gtest.h>

namespace golive::parse {
namespace {

TEST(EnvFile, ReadsPairsWithLines) {
  EnvFile file = parse_env_file("# header\n\nA=1\n  B = two  \nC=\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[0].name, "A");
  EXPECT_EQ(file.entries[0].value, "1");
  EXPECT_EQ(file.entries[0].line, 3);
  EXPECT_EQ(file.entries[1].name, "B");
  EXPECT_EQ(file.entries[1].value, "two");
  EXPECT_EQ(file.entries[1].line, 4);
  EXPECT_EQ(file.entries[2].name, "C");
  EXPECT_EQ(file.entries[2].value, "");
}

TEST(EnvFile, ExportPrefix) {
  EnvFile file = parse_env_file("export DATABASE_URL=postgres://x\nexporter=1\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].name, "DATABASE_URL");
  EXPECT_EQ(file.entries[0].value, "postgres://x");
  EXPECT_EQ(file.entries[1].name, "exporter");  // only "export " with a space is a prefix
}

TEST(EnvFile, QuotesAreRemoved) {
  EnvFile file = parse_env_file(
      "A=\"hello world\"\n"
      "B='single # not a comment'\n"
      "C=\"with = sign\"\n"
      "D=\"escaped \\\" quote\"\n"
      "E=\"\"\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 5u);
  EXPECT_EQ(file.entries[0].value, "hello world");
  EXPECT_EQ(file.entries[1].value, "single # not a comment");
  EXPECT_EQ(file.entries[2].value, "with = sign");
  EXPECT_EQ(file.entries[3].value, "escaped \\\" quote");
  EXPECT_EQ(file.entries[4].value, "");
}

TEST(EnvFile, InlineComments) {
  EnvFile file = parse_env_file(
      "A=value # a comment\n"
      "B=\"quoted\" # a comment\n"
      "C='single'   # a comment\n"
      "D=no#comment\n"
      "E=\"mismatched'\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 5u);
  EXPECT_EQ(file.entries[0].value, "value");
  EXPECT_EQ(file.entries[1].value, "quoted");
  EXPECT_EQ(file.entries[2].value, "single");
  EXPECT_EQ(file.entries[3].value, "no#comment");  // a '#' needs a space before it
  EXPECT_EQ(file.entries[4].value, "\"mismatched'");
}

TEST(EnvFile, InvalidLinesAreIssues) {
  EnvFile file = parse_env_file(
      "GOOD=1\n"
      "just some words\n"
      "1BAD=x\n"
      "BAD NAME=x\n"
      "=nothing\n"
      "ALSO_GOOD=2\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].name, "GOOD");
  EXPECT_EQ(file.entries[1].name, "ALSO_GOOD");
  EXPECT_EQ(file.entries[1].line, 6);
  ASSERT_EQ(file.issues.size(), 4u);
  EXPECT_EQ(file.issues[0].kind, "invalid-env");
  EXPECT_EQ(file.issues[0].line, 2);
  EXPECT_NE(file.issues[0].message.find("KEY=VALUE"), std::string::npos);
  EXPECT_EQ(file.issues[1].line, 3);
  EXPECT_NE(file.issues[1].message.find("'1BAD'"), std::string::npos);
  EXPECT_EQ(file.issues[2].line, 4);
  EXPECT_EQ(file.issues[3].line, 5);
  for (const auto& issue : file.issues) EXPECT_EQ(issue.kind, "invalid-env");
}

TEST(EnvFile, DottedAndDashedNamesAreAccepted) {
  EnvFile file = parse_env_file("spring.profiles.active=prod\nmy-var=1\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].name, "spring.profiles.active");
}

TEST(EnvFile, CrlfAndEmptyInput) {
  EnvFile file = parse_env_file("A=1\r\nB=\"2\"\r\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].value, "1");
  EXPECT_EQ(file.entries[1].value, "2");
  EXPECT_TRUE(parse_env_file("").entries.empty());
  EXPECT_TRUE(parse_env_file("").issues.empty());
}

}  // namespace
}  // namespace golive::parse
