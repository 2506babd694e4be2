#include "parse/shell.h"

#include <gtest/gtest.h>

namespace golive::parse {
namespace {

TEST(LogicalLines, JoinsBackslashContinuations) {
  auto lines = logical_lines("docker build \\\n  -t app \\\n  .\nnpm test\n");
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].text, "docker build -t app .");
  EXPECT_EQ(lines[0].first, 0U);
  EXPECT_EQ(lines[1].text, "npm test");
  EXPECT_EQ(lines[1].first, 3U);
}

TEST(LogicalLines, MapsOffsetsToPhysicalLines) {
  auto lines = logical_lines("a \\\nb \\\nc\n");
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].text, "a b c");
  EXPECT_EQ(lines[0].physical_line_at(0), 0U);
  EXPECT_EQ(lines[0].physical_line_at(2), 1U);
  EXPECT_EQ(lines[0].physical_line_at(4), 2U);
}

TEST(LogicalLines, LeavesOutBlankAndCommentLines) {
  auto lines = logical_lines("\n# build it \\\nmake\n   \n  # done\n");
  ASSERT_EQ(lines.size(), 1U);
  // A comment ending in '\' does not continue onto the command below it, as in sh.
  EXPECT_EQ(lines[0].text, "make");
  EXPECT_EQ(lines[0].first, 2U);
}

TEST(LogicalLines, BacktickContinuesOnlyAfterSpace) {
  auto pwsh = logical_lines("Invoke-Build `\n  -Task Test\n");
  ASSERT_EQ(pwsh.size(), 1U);
  EXPECT_EQ(pwsh[0].text, "Invoke-Build -Task Test");
  // A POSIX command substitution ends in a backtick too, and continues nothing.
  auto posix = logical_lines("VERSION=`git describe`\ngitleaks detect || true\n");
  ASSERT_EQ(posix.size(), 2U);
  EXPECT_EQ(posix[0].text, "VERSION=`git describe`");
}

TEST(LogicalLines, ContinuationAtTheEndOfTheScript) {
  auto lines = logical_lines("echo a \\");
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].text, "echo a");
}

}  // namespace
}  // namespace golive::parse
