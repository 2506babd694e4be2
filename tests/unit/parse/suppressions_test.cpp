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

TEST(ToolSuppressions, HadolintNextInstructionAndGlobal) {
  auto found = find_tool_suppressions(
      "# hadolint global ignore=DL3002\n"
      "FROM node:20\n"
      "# hadolint ignore=DL3008, DL3009 because apt pins move\n"
      "RUN apt-get install -y curl\n",
      SuppressionDialect::kDockerfile);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].tool, "hadolint");
  EXPECT_EQ(found[0].check, "DL3002");
  EXPECT_TRUE(found[0].covers(1000));  // global: the whole file
  EXPECT_EQ(found[1].check, "DL3008");
  EXPECT_EQ(found[2].check, "DL3009");  // a space after the comma, then prose that is no id
  EXPECT_TRUE(found[1].covers(4));
  EXPECT_FALSE(found[1].covers(5));
}

TEST(ToolSuppressions, HadolintOutsideACommentIsNotASuppression) {
  auto found =
      find_tool_suppressions("RUN echo hadolint ignore=DL3008\n", SuppressionDialect::kDockerfile);
  EXPECT_TRUE(found.empty());
}

TEST(ToolSuppressions, CheckovTrivyAndTfsecInTerraform) {
  auto found = find_tool_suppressions(
      "resource \"aws_s3_bucket\" \"logs\" {\n"
      "  # checkov:skip=CKV_AWS_21:versioning is off for access logs\n"
      "  # trivy:ignore:AVD-AWS-0090\n"
      "  #tfsec:ignore:aws-s3-enable-versioning\n"
      "  bucket = \"logs\"\n"
      "}\n",
      SuppressionDialect::kTerraform);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].tool, "checkov");
  EXPECT_EQ(found[0].check, "CKV_AWS_21");
  EXPECT_EQ(found[0].reason, "versioning is off for access logs");
  EXPECT_EQ(found[1].tool, "trivy");
  EXPECT_EQ(found[1].check, "AVD-AWS-0090");
  EXPECT_EQ(found[2].tool, "tfsec");
  EXPECT_EQ(found[2].check, "aws-s3-enable-versioning");
}

TEST(ToolSuppressions, ZizmorListCoversTheLinesAround) {
  auto found = find_tool_suppressions(
      "steps:\n"
      "  - uses: actions/checkout@v4 # zizmor: ignore[unpinned-uses, artipacked]\n",
      SuppressionDialect::kYaml);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].check, "unpinned-uses");
  EXPECT_EQ(found[1].check, "artipacked");
  EXPECT_TRUE(found[0].covers(2));
  EXPECT_FALSE(found[0].covers(4));
}

TEST(SecretScannerMarker, GitleaksAndDetectSecrets) {
  EXPECT_EQ(secret_scanner_marker("key = 'x'  # gitleaks:allow", ""), "gitleaks:allow");
  EXPECT_EQ(secret_scanner_marker("key = 'x'  # pragma: allowlist secret", ""),
            "pragma: allowlist secret");
  EXPECT_EQ(secret_scanner_marker("key = 'x'", "# pragma: allowlist nextline secret"),
            "pragma: allowlist nextline secret");
  EXPECT_EQ(secret_scanner_marker("key = 'x'", "# gitleaks:allow"), "");
}

}  // namespace
}  // namespace golive::parse
