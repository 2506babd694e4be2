#include "parse/json.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::parse {
namespace {

TEST(Json, ValidJsonKeepsPositions) {
  const char* text =
      "{\n"
      "  \"name\": \"app\",\n"
      "  \"version\": 2,\n"
      "  \"dependencies\": {\n"
      "    \"dotenv\": \"^16.0.0\"\n"
      "  },\n"
      "  \"files\": [\"a\", null, true]\n"
      "}\n";
  YamlFile file = parse_json(text);
  ASSERT_TRUE(file.valid);
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.documents.size(), 1u);
  const Node& root = file.documents[0];
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.mark.line, 1);
  EXPECT_EQ(root.get("name"), "app");
  EXPECT_TRUE(root.find("name")->quoted);
  EXPECT_EQ(root.find("name")->key_mark.line, 2);
  EXPECT_EQ(root.find("name")->key_mark.column, 3);
  EXPECT_EQ(root.get("version"), "2");
  EXPECT_EQ(root.find("version")->mark.line, 3);
  const Node* dotenv = root.find("dependencies")->find("dotenv");
  ASSERT_NE(dotenv, nullptr);
  EXPECT_EQ(dotenv->key_mark.line, 5);
  EXPECT_EQ(dotenv->key_mark.column, 5);
  EXPECT_EQ(dotenv->value, "^16.0.0");
  const Node* files = root.find("files");
  ASSERT_TRUE(files->is_seq());
  ASSERT_EQ(files->children.size(), 3u);
  EXPECT_TRUE(files->children[1].is_null());
  EXPECT_TRUE(files->children[2].truthy());
  EXPECT_EQ(files->children[2].mark.line, 7);
}

TEST(Json, CommentsAreTolerated) {
  const char* text =
      "{\n"
      "  // a line comment\n"
      "  \"a\": 1, /* a block comment */\n"
      "  \"b\": [2]\n"
      "}\n";
  YamlFile file = parse_json(text);
  ASSERT_TRUE(file.valid);
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.documents.size(), 1u);
  EXPECT_EQ(file.documents[0].get("a"), "1");
  ASSERT_NE(file.documents[0].find("b"), nullptr);
  EXPECT_EQ(file.documents[0].find("b")->children.size(), 1u);
}

TEST(Json, InvalidJsonReportsTheLine) {
  const char* text =
      "{\n"
      "  \"a\": 1,\n"
      "  \"b\": 2,\n"
      "}\n";
  YamlFile file = parse_json(text);
  EXPECT_FALSE(file.valid);
  EXPECT_TRUE(file.documents.empty());
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-json");
  EXPECT_EQ(file.issues[0].line, 4);
  EXPECT_EQ(file.issues[0].column, 1);
  EXPECT_EQ(file.issues[0].message.find("[json.exception"), std::string::npos);
  EXPECT_FALSE(file.issues[0].message.empty());
}

TEST(Json, InvalidJsonOnALaterColumn) {
  YamlFile file = parse_json("{\"a\": 1}\n{\"b\": tru}\n");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].line, 2);
}

TEST(Json, YamlOnlySyntaxIsNotJson) {
  YamlFile file = parse_json("a: 1\n");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-json");
  EXPECT_EQ(file.issues[0].line, 1);
}

TEST(Json, EmptyInputIsInvalid) {
  YamlFile file = parse_json("");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-json");
  EXPECT_EQ(file.issues[0].line, 1);
}

TEST(Json, DeepNestingIsRejected) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  YamlFile file = parse_json(deep);
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-json");
  EXPECT_NE(file.issues[0].message.find("256"), std::string::npos) << file.issues[0].message;

  EXPECT_TRUE(parse_json(std::string(8, '[') + std::string(8, ']'), 8).valid);
  EXPECT_FALSE(parse_json(std::string(9, '[') + std::string(9, ']'), 8).valid);
}

TEST(Json, ValidJsonThatYamlReadsDifferentlyKeepsItsValues) {
  // A tab before a key is fine in JSON; libyaml may refuse it, and then values survive without
  // positions.
  YamlFile file = parse_json("{\n\t\"a\": \"x\",\n\t\"b\": {\"c\": [1, 2]}\n}\n");
  ASSERT_TRUE(file.valid);
  ASSERT_EQ(file.documents.size(), 1u);
  EXPECT_EQ(file.documents[0].get("a"), "x");
  ASSERT_NE(file.documents[0].find("b"), nullptr);
  EXPECT_EQ(file.documents[0].find("b")->find("c")->children.size(), 2u);
  for (const auto& issue : file.issues) EXPECT_EQ(issue.kind, "duplicate-key");
}

TEST(Json, DuplicateKeysAreReported) {
  YamlFile file = parse_json("{\n  \"a\": 1,\n  \"a\": 2\n}\n");
  ASSERT_TRUE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "duplicate-key");
  EXPECT_EQ(file.issues[0].line, 3);
}

TEST(Json, NonUtf8DoesNotCrash) {
  YamlFile file = parse_json("{\"a\": \"caf\xE9\"}");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-json");
}

TEST(Json, LoneSurrogateEscapesAreValidSyntax) {
  // RFC 8259 allows any \\uXXXX escape; a lone surrogate cannot become UTF-8, so it reads as
  // U+FFFD, and the positions after it do not move.
  YamlFile file = parse_json("{\"a\": \"\\uD83D\", \"b\": \"\\udc4b\", \"c\": \"\\uD83D\\uDC4B\"}");
  ASSERT_TRUE(file.valid);
  ASSERT_EQ(file.documents.size(), 1u);
  EXPECT_EQ(file.documents[0].get("a"), "\xEF\xBF\xBD");
  EXPECT_EQ(file.documents[0].get("b"), "\xEF\xBF\xBD");
  EXPECT_EQ(file.documents[0].get("c"), "\xF0\x9F\x91\x8B");
  // An escaped backslash followed by "uD83D" is text, not an escape.
  YamlFile text = parse_json("{\"d\": \"\\\\uD83D\"}");
  ASSERT_TRUE(text.valid);
  EXPECT_EQ(text.documents[0].get("d"), "\\uD83D");
}

TEST(Json, AnErrorAfterALoneSurrogateKeepsItsPosition) {
  YamlFile file = parse_json("{\n  \"a\": \"\\uD83D\",\n  \"b\": 1,,\n}");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].line, 3);
}

}  // namespace
}  // namespace golive::parse
