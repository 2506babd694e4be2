#include "parse/suppressions.h"

#include <gtest/gtest.h>

namespace golive::parse {
namespace {

TEST(Suppressions, WithAReason) {
  auto found = find_suppressions(
      "line one\n"
      "# golive:ignore secrets/committed-env-file -- test fixture, not a real secret\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule_id, "secrets/committed-env-file");
  EXPECT_EQ(found[0].reason, "test fixture, not a real secret");
  EXPECT_EQ(found[0].line, 2);
}

TEST(Suppressions, WithoutAReason) {
  auto found = find_suppressions("key: value  # golive:ignore parse/duplicate-key\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule_id, "parse/duplicate-key");
  EXPECT_EQ(found[0].reason, "");
  EXPECT_EQ(found[0].line, 1);

  auto dashes_only = find_suppressions("// golive:ignore ci/missing-workflow --   \n");
  ASSERT_EQ(dashes_only.size(), 1u);
  EXPECT_EQ(dashes_only[0].reason, "");
}

TEST(Suppressions, CommentClosersAreStripped) {
  auto found = find_suppressions(
      "<!-- golive:ignore docs/missing-adr -- we use RFCs instead -->\n"
      "/* golive:ignore docs/missing-license */\n"
      "<!-- golive:ignore docs/missing-oncall -->\n"
      "/* golive:ignore ci/disabled-workflow -- kept for reference */\n");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].rule_id, "docs/missing-adr");
  EXPECT_EQ(found[0].reason, "we use RFCs instead");
  EXPECT_EQ(found[1].rule_id, "docs/missing-license");
  EXPECT_EQ(found[1].reason, "");
  EXPECT_EQ(found[2].rule_id, "docs/missing-oncall");
  EXPECT_EQ(found[2].reason, "");
  EXPECT_EQ(found[3].rule_id, "ci/disabled-workflow");
  EXPECT_EQ(found[3].reason, "kept for reference");
  EXPECT_EQ(found[3].line, 4);
}

TEST(Suppressions, MarkerMustBeFollowedBySpace) {
  EXPECT_TRUE(find_suppressions("# golive:ignored parse/invalid-yaml -- x\n").empty());
  EXPECT_TRUE(find_suppressions("# golive:ignore:parse/invalid-yaml\n").empty());
  auto tab = find_suppressions("# golive:ignore\tparse/invalid-yaml\n");
  ASSERT_EQ(tab.size(), 1u);
  EXPECT_EQ(tab[0].rule_id, "parse/invalid-yaml");
}

TEST(Suppressions, MarkerWithoutRuleIsIgnored) {
  EXPECT_TRUE(find_suppressions("# golive:ignore\n").empty());
  EXPECT_TRUE(find_suppressions("# golive:ignore   \n").empty());
  EXPECT_TRUE(find_suppressions("# golive:ignore -- only a reason\n").empty());
  EXPECT_TRUE(find_suppressions("golive:ignore").empty());
}

TEST(Suppressions, OnlyTheFirstWordIsTheRuleId) {
  auto found = find_suppressions("# golive:ignore a/b extra words -- why\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule_id, "a/b");
  EXPECT_EQ(found[0].reason, "why");
}

TEST(Suppressions, SeveralInOneFile) {
  auto found = find_suppressions(
      "a # golive:ignore x/one -- r1\r\n"
      "b\n"
      "c # golive:ignore x/two -- r2\n"
      "d # golive:ignore x/three");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].line, 1);
  EXPECT_EQ(found[0].reason, "r1");  // no '\r' left over
  EXPECT_EQ(found[1].line, 3);
  EXPECT_EQ(found[2].line, 4);
  EXPECT_EQ(found[2].rule_id, "x/three");
}

TEST(Suppressions, NoMarkerNoResults) {
  EXPECT_TRUE(find_suppressions("").empty());
  EXPECT_TRUE(find_suppressions("# ignore this\n# golive: ignore x/y\n").empty());
}

}  // namespace
}  // namespace golive::parse
