#include "walk/ignore.h"

#include <gtest/gtest.h>

#include <memory>

namespace golive::walk {
namespace {

// A chain of one ignore file at base.
std::shared_ptr<const IgnoreChain> chain_of(std::string_view text, const std::string& base = "",
                                            std::shared_ptr<const IgnoreChain> parent = nullptr) {
  return std::make_shared<const IgnoreChain>(std::move(parent), parse_ignore_file(text, base));
}

TEST(ParseIgnoreFile, SkipsBlankLinesAndComments) {
  auto rules = parse_ignore_file("# comment\n\n*.log\n   \n", "");
  // A line of spaces is empty once its trailing spaces go.
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].pattern, "*.log");
  EXPECT_EQ(rules[0].base, "");
}

TEST(ParseIgnoreFile, ReadsFlags) {
  auto rules = parse_ignore_file("!keep.log\nbuild/\n/root-only\na/b\nplain\n", "sub");
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_TRUE(rules[0].negated);
  EXPECT_EQ(rules[0].pattern, "keep.log");
  EXPECT_FALSE(rules[0].anchored);

  EXPECT_TRUE(rules[1].dir_only);
  EXPECT_EQ(rules[1].pattern, "build");
  EXPECT_FALSE(rules[1].anchored);  // a trailing slash alone does not anchor

  EXPECT_TRUE(rules[2].anchored);
  EXPECT_EQ(rules[2].pattern, "root-only");

  EXPECT_TRUE(rules[3].anchored);
  EXPECT_EQ(rules[3].pattern, "a/b");

  EXPECT_FALSE(rules[4].negated);
  EXPECT_FALSE(rules[4].dir_only);
  EXPECT_FALSE(rules[4].anchored);
  for (const auto& rule : rules) EXPECT_EQ(rule.base, "sub");
}

TEST(ParseIgnoreFile, EscapesAndTrailingSpaces) {
  auto rules = parse_ignore_file("\\#not-a-comment\n\\!literal-bang\ntrailing   \r\n", "");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].pattern, "#not-a-comment");
  EXPECT_FALSE(rules[1].negated);
  EXPECT_EQ(rules[1].pattern, "!literal-bang");
  EXPECT_EQ(rules[2].pattern, "trailing");
}

TEST(IgnoreRule, UnanchoredPatternMatchesTheNameAtAnyDepth) {
  auto chain = chain_of("*.log\n");
  EXPECT_TRUE(chain->ignored("a.log", false));
  EXPECT_TRUE(chain->ignored("deep/er/a.log", false));
  EXPECT_FALSE(chain->ignored("a.log.txt", false));
  EXPECT_FALSE(chain->ignored("logs/a.txt", false));
}

TEST(IgnoreRule, NegationReincludes) {
  auto chain = chain_of("*.log\n!keep.log\n");
  EXPECT_TRUE(chain->ignored("debug.log", false));
  EXPECT_FALSE(chain->ignored("keep.log", false));
  EXPECT_FALSE(chain->ignored("sub/keep.log", false));
}

TEST(IgnoreRule, LaterLinesWin) {
  EXPECT_FALSE(chain_of("*.txt\n!a.txt\n")->ignored("a.txt", false));
  EXPECT_TRUE(chain_of("!a.txt\n*.txt\n")->ignored("a.txt", false));
}

TEST(IgnoreRule, DirectoryOnlyPatternsSkipFiles) {
  auto chain = chain_of("build/\n");
  EXPECT_TRUE(chain->ignored("build", true));
  EXPECT_TRUE(chain->ignored("src/build", true));
  EXPECT_FALSE(chain->ignored("build", false));  // a file named build stays
  EXPECT_FALSE(chain->ignored("builds", true));
}

TEST(IgnoreRule, LeadingSlashAnchorsToTheBase) {
  auto chain = chain_of("/x\n");
  EXPECT_TRUE(chain->ignored("x", false));
  EXPECT_TRUE(chain->ignored("x", true));
  EXPECT_FALSE(chain->ignored("a/x", false));
}

TEST(IgnoreRule, MiddleSlashAnchorsTheWholePath) {
  auto chain = chain_of("a/b\n");
  EXPECT_TRUE(chain->ignored("a/b", false));
  EXPECT_FALSE(chain->ignored("c/a/b", false));
  EXPECT_FALSE(chain->ignored("a/c/b", false));

  auto stars = chain_of("docs/*.md\n");
  EXPECT_TRUE(stars->ignored("docs/x.md", false));
  EXPECT_FALSE(stars->ignored("docs/sub/x.md", false));
}

TEST(IgnoreRule, DoubleStarPatterns) {
  auto chain = chain_of("**/generated\nlogs/**\n");
  EXPECT_TRUE(chain->ignored("generated", true));
  EXPECT_TRUE(chain->ignored("a/b/generated", false));
  EXPECT_TRUE(chain->ignored("logs/a/b.txt", false));
  EXPECT_FALSE(chain->ignored("logs", true));
  EXPECT_FALSE(chain->ignored("x/logs/a", false));
}

TEST(IgnoreRule, NestedBaseOnlyAppliesBelowItsDirectory) {
  auto chain = chain_of("*.tmp\n/top.txt\nx/y\n", "sub");
  EXPECT_TRUE(chain->ignored("sub/a.tmp", false));
  EXPECT_TRUE(chain->ignored("sub/deep/a.tmp", false));
  EXPECT_FALSE(chain->ignored("a.tmp", false));
  EXPECT_FALSE(chain->ignored("subway/a.tmp", false));
  EXPECT_FALSE(chain->ignored("sub", true));

  EXPECT_TRUE(chain->ignored("sub/top.txt", false));
  EXPECT_FALSE(chain->ignored("sub/deep/top.txt", false));
  EXPECT_FALSE(chain->ignored("top.txt", false));

  EXPECT_TRUE(chain->ignored("sub/x/y", false));
  EXPECT_FALSE(chain->ignored("x/y", false));
}

TEST(IgnoreChain, DeeperFileWins) {
  auto root = chain_of("*.log\n!important.txt\n");
  auto child = chain_of("!debug.log\nimportant.txt\n", "sub", root);
  EXPECT_TRUE(child->ignored("sub/other.log", false));  // falls through to the root file
  EXPECT_FALSE(child->ignored("sub/debug.log", false));
  EXPECT_TRUE(child->ignored("debug.log", false));  // the child's rule does not reach up
  EXPECT_TRUE(child->ignored("sub/important.txt", false));
  EXPECT_FALSE(child->ignored("important.txt", false));
}

TEST(IgnoreChain, EmptyChainIgnoresNothing) {
  IgnoreChain chain;
  EXPECT_FALSE(chain.ignored("anything", false));
  EXPECT_FALSE(chain.ignored("dir", true));
}

}  // namespace
}  // namespace golive::walk
