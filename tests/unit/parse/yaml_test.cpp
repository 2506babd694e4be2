#include "parse/yaml.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::parse {
namespace {

bool has_issue(const YamlFile& file, std::string_view kind) {
  for (const auto& issue : file.issues) {
    if (issue.kind == kind) return true;
  }
  return false;
}

TEST(Yaml, ScalarsKeysAndCollectionsHaveOneBasedPositions) {
  const char* text =
      "name: ci\n"
      "on:\n"
      "  push:\n"
      "    branches: [main, 'release']\n"
      "jobs:\n"
      "  - build\n"
      "  - test\n";
  YamlFile file = parse_yaml(text);
  ASSERT_TRUE(file.valid);
  ASSERT_TRUE(file.issues.empty());
  ASSERT_EQ(file.documents.size(), 1u);
  const Node& root = file.documents[0];
  ASSERT_TRUE(root.is_map());
  EXPECT_EQ(root.mark.line, 1);
  EXPECT_EQ(root.mark.column, 1);
  ASSERT_EQ(root.children.size(), 3u);

  const Node* name = root.find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->is_scalar());
  EXPECT_EQ(name->value, "ci");
  EXPECT_EQ(name->key_mark.line, 1);
  EXPECT_EQ(name->key_mark.column, 1);
  EXPECT_EQ(name->mark.line, 1);
  EXPECT_EQ(name->mark.column, 7);

  const Node* on = root.find("on");
  ASSERT_NE(on, nullptr);
  EXPECT_TRUE(on->is_map());
  EXPECT_EQ(on->key_mark.line, 2);
  EXPECT_EQ(on->mark.line, 3);  // a block mapping starts at its first key
  EXPECT_EQ(on->mark.column, 3);

  const Node* branches = on->find("push")->find("branches");
  ASSERT_NE(branches, nullptr);
  ASSERT_TRUE(branches->is_seq());
  EXPECT_EQ(branches->key_mark.line, 4);
  EXPECT_EQ(branches->key_mark.column, 5);
  EXPECT_EQ(branches->mark.line, 4);
  EXPECT_EQ(branches->mark.column, 15);
  ASSERT_EQ(branches->children.size(), 2u);
  EXPECT_EQ(branches->children[0].value, "main");
  EXPECT_FALSE(branches->children[0].quoted);
  EXPECT_EQ(branches->children[0].mark.column, 16);
  EXPECT_EQ(branches->children[1].value, "release");
  EXPECT_TRUE(branches->children[1].quoted);
  EXPECT_EQ(branches->children[1].mark.column, 22);

  const Node* jobs = root.find("jobs");
  ASSERT_NE(jobs, nullptr);
  ASSERT_TRUE(jobs->is_seq());
  EXPECT_EQ(jobs->mark.line, 6);
  EXPECT_EQ(jobs->mark.column, 3);
  ASSERT_EQ(jobs->children.size(), 2u);
  EXPECT_EQ(jobs->children[1].value, "test");
  EXPECT_EQ(jobs->children[1].mark.line, 7);
  EXPECT_EQ(jobs->children[1].mark.column, 5);
}

TEST(Yaml, MappingKeepsOrderAndGetFallsBack) {
  YamlFile file = parse_yaml("b: 1\na: 2\nc: [x]\nn: ~\n");
  ASSERT_TRUE(file.valid);
  const Node& root = file.documents[0];
  ASSERT_EQ(root.children.size(), 4u);
  EXPECT_EQ(root.children[0].key, "b");
  EXPECT_EQ(root.children[1].key, "a");
  EXPECT_EQ(root.get("a"), "2");
  EXPECT_EQ(root.get("c", "fallback"), "fallback");  // not a scalar
  EXPECT_EQ(root.get("missing", "fallback"), "fallback");
  EXPECT_TRUE(root.find("n")->is_null());
  EXPECT_EQ(root.find("missing"), nullptr);
  EXPECT_EQ(root.find("c")->find("x"), nullptr);  // find on a sequence
}

TEST(Yaml, NullWordsAreNullUnlessQuoted) {
  YamlFile file = parse_yaml("a: ~\nb: null\nc:\nd: 'null'\ne: NULL\nf: \"\"\n");
  ASSERT_TRUE(file.valid);
  const Node& root = file.documents[0];
  EXPECT_TRUE(root.find("a")->is_null());
  EXPECT_TRUE(root.find("b")->is_null());
  EXPECT_TRUE(root.find("c")->is_null());
  EXPECT_TRUE(root.find("d")->is_scalar());
  EXPECT_EQ(root.find("d")->value, "null");
  EXPECT_TRUE(root.find("e")->is_null());
  EXPECT_TRUE(root.find("f")->is_scalar());
}

TEST(Yaml, MultiDocumentStreams) {
  const char* text =
      "apiVersion: v1\n"
      "kind: Service\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "---\n"
      "# empty document\n";
  YamlFile file = parse_yaml(text);
  ASSERT_TRUE(file.valid);
  ASSERT_EQ(file.documents.size(), 3u);
  EXPECT_EQ(file.documents[0].get("kind"), "Service");
  EXPECT_EQ(file.documents[1].get("kind"), "Deployment");
  EXPECT_EQ(file.documents[1].mark.line, 4);
  EXPECT_EQ(file.documents[1].find("kind")->key_mark.line, 5);
  EXPECT_TRUE(file.documents[2].is_null());
}

TEST(Yaml, AnchorsAndAliasesAreExpanded) {
  const char* text =
      "base: &base\n"
      "  image: node:20\n"
      "  env: [A, B]\n"
      "copy: *base\n"
      "name: &n hello\n"
      "again: *n\n";
  YamlFile file = parse_yaml(text);
  ASSERT_TRUE(file.valid);
  const Node& root = file.documents[0];
  const Node* copy = root.find("copy");
  ASSERT_NE(copy, nullptr);
  ASSERT_TRUE(copy->is_map());
  EXPECT_EQ(copy->get("image"), "node:20");
  ASSERT_NE(copy->find("env"), nullptr);
  EXPECT_EQ(copy->find("env")->children.size(), 2u);
  EXPECT_EQ(copy->mark.line, 4);  // the alias is positioned where it is used
  EXPECT_EQ(copy->key, "copy");
  EXPECT_EQ(root.get("again"), "hello");
  EXPECT_EQ(root.find("again")->mark.line, 6);
}

TEST(Yaml, MergeKeysAddMissingEntriesOnly) {
  const char* text =
      "defaults: &defaults\n"
      "  adapter: postgres\n"
      "  host: localhost\n"
      "extra: &extra\n"
      "  pool: 5\n"
      "  host: other\n"
      "dev:\n"
      "  database: dev_db\n"
      "  <<: *defaults\n"
      "  host: devhost\n"
      "multi:\n"
      "  <<: [*defaults, *extra]\n";
  YamlFile file = parse_yaml(text);
  ASSERT_TRUE(file.valid);
  EXPECT_TRUE(file.issues.empty());
  const Node& root = file.documents[0];
  const Node* dev = root.find("dev");
  ASSERT_NE(dev, nullptr);
  EXPECT_EQ(dev->get("database"), "dev_db");
  EXPECT_EQ(dev->get("adapter"), "postgres");
  EXPECT_EQ(dev->get("host"), "devhost");  // an explicit key beats the merged one
  EXPECT_EQ(dev->find("<<"), nullptr);
  EXPECT_EQ(dev->children.size(), 3u);

  const Node* multi = root.find("multi");
  ASSERT_NE(multi, nullptr);
  EXPECT_EQ(multi->get("host"), "localhost");  // the first map in the list wins
  EXPECT_EQ(multi->get("pool"), "5");
  EXPECT_EQ(multi->get("adapter"), "postgres");
  EXPECT_EQ(multi->children.size(), 3u);
}

TEST(Yaml, QuotedMergeKeyIsAnOrdinaryKey) {
  YamlFile file = parse_yaml("'<<': value\n");
  ASSERT_TRUE(file.valid);
  EXPECT_EQ(file.documents[0].get("<<"), "value");
}

TEST(Yaml, BillionLaughsIsRejectedWithinTheBudget) {
  const char* text =
      "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
      "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
  YamlFile file = parse_yaml(text);
  EXPECT_FALSE(file.valid);
  ASSERT_FALSE(file.issues.empty());
  EXPECT_EQ(file.issues.back().kind, "invalid-yaml");
  EXPECT_NE(file.issues.back().message.find("budget"), std::string::npos)
      << file.issues.back().message;
  EXPECT_NE(file.issues.back().message.find("100000"), std::string::npos);
  EXPECT_GE(file.issues.back().line, 5);
}

TEST(Yaml, SmallerBudgetStopsEarlier) {
  const char* text =
      "a: &a [x, y, z]\n"
      "b: [*a, *a]\n"
      "c: [*a, *a]\n";
  YamlOptions options;
  EXPECT_TRUE(parse_yaml(text, options).valid);
  options.alias_expansion_budget = 10;  // 4 nodes per alias: the third alias is over
  YamlFile file = parse_yaml(text, options);
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].line, 3);
  EXPECT_EQ(file.issues[0].column, 5);
}

TEST(Yaml, UnknownAliasIsInvalid) {
  YamlFile file = parse_yaml("a: *nowhere\n");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-yaml");
  EXPECT_NE(file.issues[0].message.find("nowhere"), std::string::npos);
}

TEST(Yaml, DuplicateKeysAreReportedAtTheSecondKey) {
  const char* text =
      "name: first\n"
      "jobs:\n"
      "  build: {}\n"
      "  build: {}\n"
      "name: second\n";
  YamlFile file = parse_yaml(text);
  EXPECT_TRUE(file.valid);  // a duplicate key does not stop the parse
  ASSERT_EQ(file.issues.size(), 2u);
  EXPECT_EQ(file.issues[0].kind, "duplicate-key");
  EXPECT_EQ(file.issues[0].line, 4);
  EXPECT_EQ(file.issues[0].column, 3);
  EXPECT_NE(file.issues[0].message.find("'build'"), std::string::npos);
  EXPECT_EQ(file.issues[1].kind, "duplicate-key");
  EXPECT_EQ(file.issues[1].line, 5);
  EXPECT_EQ(file.issues[1].column, 1);
  EXPECT_EQ(file.documents[0].get("name"), "first");  // the first value stands
  EXPECT_EQ(file.documents[0].children.size(), 2u);
}

TEST(Yaml, SameKeyInDifferentMappingsIsNotADuplicate) {
  YamlFile file = parse_yaml("a:\n  x: 1\nb:\n  x: 2\n---\na: 3\n");
  EXPECT_TRUE(file.issues.empty());
}

TEST(Yaml, SyntaxErrorsGiveInvalidYamlWithALine) {
  YamlFile file = parse_yaml("a: 1\nb: [unclosed\nc: 3\nd: 4\n");
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-yaml");
  EXPECT_GE(file.issues[0].line, 2);
  EXPECT_FALSE(file.issues[0].message.empty());

  YamlFile bad_indent = parse_yaml("a:\n  b: 1\n c: 2\n");
  EXPECT_FALSE(bad_indent.valid);
  ASSERT_EQ(bad_indent.issues.size(), 1u);
  EXPECT_EQ(bad_indent.issues[0].line, 3);

  YamlFile tab = parse_yaml("a: 1\n\tb: 2\n");
  EXPECT_FALSE(tab.valid);
  ASSERT_EQ(tab.issues.size(), 1u);
  EXPECT_EQ(tab.issues[0].kind, "invalid-yaml");
  EXPECT_EQ(tab.issues[0].line, 2);
}

TEST(Yaml, DeepNestingIsAnErrorNotACrash) {
  const std::string deep(100000, '[');
  YamlFile file = parse_yaml(deep);
  EXPECT_FALSE(file.valid);
  ASSERT_EQ(file.issues.size(), 1u);
  EXPECT_EQ(file.issues[0].kind, "invalid-yaml");
  EXPECT_NE(file.issues[0].message.find("256"), std::string::npos) << file.issues[0].message;
  EXPECT_EQ(file.issues[0].line, 1);
  EXPECT_EQ(file.issues[0].column, 257);

  std::string mappings;
  for (int i = 0; i < 300; ++i) mappings += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
  YamlFile block = parse_yaml(mappings);
  EXPECT_FALSE(block.valid);
  ASSERT_FALSE(block.issues.empty());
  EXPECT_NE(block.issues[0].message.find("nesting"), std::string::npos);
}

TEST(Yaml, NestingUpToTheLimitIsFine) {
  YamlOptions options;
  options.max_depth = 10;
  EXPECT_TRUE(parse_yaml(std::string(10, '[') + std::string(10, ']'), options).valid);
  EXPECT_FALSE(parse_yaml(std::string(11, '[') + std::string(11, ']'), options).valid);
}

TEST(Yaml, NonUtf8AndBinaryInputDoNotCrash) {
  YamlFile latin1 = parse_yaml("name: caf\xE9\n");
  EXPECT_FALSE(latin1.valid);
  ASSERT_EQ(latin1.issues.size(), 1u);
  EXPECT_EQ(latin1.issues[0].kind, "invalid-yaml");

  const std::string binary("\x00\x01\xFF\xFE: \x80\x00", 7);
  YamlFile garbage = parse_yaml(binary);
  EXPECT_FALSE(garbage.valid);
  EXPECT_TRUE(has_issue(garbage, "invalid-yaml"));
}

TEST(Yaml, EmptyInputHasNoDocuments) {
  YamlFile empty = parse_yaml("");
  EXPECT_TRUE(empty.valid);
  EXPECT_TRUE(empty.issues.empty());
  EXPECT_TRUE(empty.documents.empty());

  YamlFile comments = parse_yaml("# only a comment\n\n");
  EXPECT_TRUE(comments.valid);
  EXPECT_TRUE(comments.documents.empty());
}

TEST(Yaml, TagsAndComplexKeys) {
  YamlFile file = parse_yaml("a: !!str 123\n? [x, y]\n: complex\n");
  ASSERT_TRUE(file.valid);
  const Node& root = file.documents[0];
  EXPECT_EQ(root.find("a")->tag, "tag:yaml.org,2002:str");
  EXPECT_EQ(root.get("<complex key>"), "complex");
}

TEST(Yaml, Truthy) {
  YamlFile file = parse_yaml(
      "t1: true\nt2: True\nt3: yes\nt4: on\nt5: Y\nf1: false\nf2: no\nf3: off\nf4: '1'\n"
      "f5: ~\nf6: [true]\n");
  ASSERT_TRUE(file.valid);
  const Node& root = file.documents[0];
  for (const char* key : {"t1", "t2", "t3", "t4", "t5"})
    EXPECT_TRUE(root.find(key)->truthy()) << key;
  for (const char* key : {"f1", "f2", "f3", "f4", "f5", "f6"}) {
    EXPECT_FALSE(root.find(key)->truthy()) << key;
  }
}

}  // namespace
}  // namespace golive::parse
