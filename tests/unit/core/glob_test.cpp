#include "core/glob.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::core {
namespace {

TEST(Glob, StarStopsAtSlash) {
  EXPECT_TRUE(glob_match("*.yml", "ci.yml"));
  EXPECT_FALSE(glob_match("*.yml", "a/ci.yml"));
}

TEST(Glob, DoubleStarCrossesDirectories) {
  EXPECT_TRUE(glob_match("**/ci.yml", "ci.yml"));
  EXPECT_TRUE(glob_match("**/ci.yml", "a/b/ci.yml"));
  EXPECT_TRUE(glob_match("tests/**", "tests/a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/**/b", "a/x/c"));
}

TEST(Glob, ClassesAndQuestionMarks) {
  EXPECT_TRUE(glob_match("file[0-9].txt", "file7.txt"));
  EXPECT_FALSE(glob_match("file[!0-9].txt", "file7.txt"));
  EXPECT_TRUE(glob_match("?.md", "a.md"));
  EXPECT_FALSE(glob_match("?.md", "/.md"));
}

TEST(Glob, LiteralsMustMatchExactly) {
  EXPECT_TRUE(glob_match("README.md", "README.md"));
  EXPECT_FALSE(glob_match("README.md", "README.mdx"));
  EXPECT_FALSE(glob_match("README.md", "docs/README.md"));
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "a"));
}

TEST(Glob, StarMatchesEmptyAndManyCharacters) {
  EXPECT_TRUE(glob_match("*", "anything"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("*", "a/b"));
  EXPECT_TRUE(glob_match("a*b*c", "abc"));
  EXPECT_TRUE(glob_match("a*b*c", "a-x-b-y-c"));
  EXPECT_FALSE(glob_match("a*b*c", "a-x-b-y-d"));
  EXPECT_TRUE(glob_match("src/*.cpp", "src/main.cpp"));
  EXPECT_FALSE(glob_match("src/*.cpp", "src/sub/main.cpp"));
}

TEST(Glob, DoubleStarEdgeCases) {
  EXPECT_TRUE(glob_match("**", "a/b/c"));
  EXPECT_TRUE(glob_match("**/*.yml", ".github/workflows/ci.yml"));
  EXPECT_FALSE(glob_match("**/*.yml", ".github/workflows/ci.yaml"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/index.md"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/adr/0001.md"));
  EXPECT_FALSE(glob_match("docs/**/*.md", "src/docs/index.md"));
  EXPECT_FALSE(glob_match("tests/**", "tests"));
  EXPECT_FALSE(glob_match("tests/**", "testsuite/a"));
  // "**" not next to a slash behaves as a single star.
  EXPECT_TRUE(glob_match("a**b", "axxb"));
  EXPECT_FALSE(glob_match("a**b", "a/b"));
}

TEST(Glob, CharacterClasses) {
  EXPECT_TRUE(glob_match("[abc].txt", "b.txt"));
  EXPECT_FALSE(glob_match("[abc].txt", "d.txt"));
  EXPECT_TRUE(glob_match("[^abc].txt", "d.txt"));
  EXPECT_FALSE(glob_match("[^abc].txt", "a.txt"));
  EXPECT_TRUE(glob_match("v[0-9][0-9]", "v42"));
  EXPECT_FALSE(glob_match("v[0-9][0-9]", "v4x"));
  // ']' first in a class is a member, not its end.
  EXPECT_TRUE(glob_match("[]a]", "]"));
  EXPECT_TRUE(glob_match("[]a]", "a"));
  // A class never matches the separator, even when negated.
  EXPECT_FALSE(glob_match("a[!x]b", "a/b"));
  // An unterminated class is a literal '['.
  EXPECT_TRUE(glob_match("[abc", "[abc"));
  EXPECT_FALSE(glob_match("[abc", "a"));
}

TEST(Glob, BackslashEscapesSpecialCharacters) {
  EXPECT_TRUE(glob_match("\\*.md", "*.md"));
  EXPECT_FALSE(glob_match("\\*.md", "a.md"));
  EXPECT_TRUE(glob_match("what\\?", "what?"));
  EXPECT_FALSE(glob_match("what\\?", "whatx"));
  EXPECT_TRUE(glob_match("\\[x]", "[x]"));
}

TEST(Glob, PathologicalPatternsFinish) {
  // Many stars against a long non-matching path must not take exponential time.
  const std::string path(64, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", path));
  EXPECT_TRUE(glob_match("*a*a*a*a*a*a*a*a*", path));
}

}  // namespace
}  // namespace golive::core
