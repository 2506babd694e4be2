#include "core/glob.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace golive::core
