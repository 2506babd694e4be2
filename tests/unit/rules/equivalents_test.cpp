#include "rules/equivalents.h"

#include <gtest/gtest.h>

namespace golive::rules {
namespace {

TEST(Equivalents, ToolsAndTheirChecks) {
  auto found = parse_equivalents(
      "kube-linter host-network, host-pid and host-ipc, Polaris hostNetworkSet, Checkov "
      "CKV_K8S_19 (CKV_K8S_17 for pid), scorecard Token-Permissions");
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].tool, "kube-linter");
  EXPECT_EQ(found[0].check, "host-network");
  EXPECT_EQ(found[2].check, "host-ipc");
  EXPECT_EQ(found[3].tool, "polaris");
  EXPECT_EQ(found[3].check, "hostNetworkSet");
  EXPECT_EQ(found[4].tool, "checkov");
  EXPECT_EQ(found[4].check, "CKV_K8S_19");  // parenthesised remarks are prose
}

TEST(Equivalents, ProseAndUnknownToolsAreLeftOut) {
  auto found = parse_equivalents(
      "Checkov and Trivy RDS deletion-protection checks, Docker build check SecretsUsedInArgOrEnv");
  ASSERT_EQ(found.size(), 1u);  // "Checkov" alone; the rest names no check golive can match
  EXPECT_EQ(found[0].tool, "checkov");
  EXPECT_EQ(found[0].check, "");
}

TEST(Equivalents, TrivyLongAndShortIdsAgree) {
  EXPECT_TRUE(same_check("trivy", "DS002", "AVD-DS-0002"));
  EXPECT_TRUE(same_check("trivy", "DS002", "ds002"));
  EXPECT_FALSE(same_check("trivy", "DS002", "AVD-DS-0026"));
  EXPECT_TRUE(same_check("checkov", "CKV_SECRET_*", "CKV_SECRET_6"));
  EXPECT_TRUE(same_check("polaris", "runAsRootAllowed", "runasrootallowed"));
  EXPECT_FALSE(same_check("hadolint", "DL3002", "DL3020"));
}

TEST(Equivalents, HonoursOnlyTheMappedCheck) {
  std::string_view also = "hadolint DL3002, checkov CKV_DOCKER_3, trivy DS002";
  parse::Suppression hadolint{"", "", 3, "hadolint", "DL3002"};
  parse::Suppression other{"", "", 3, "hadolint", "DL3008"};
  parse::Suppression kube_linter{"", "", 3, "kube-linter", "DL3002"};
  EXPECT_TRUE(honours(also, hadolint));
  EXPECT_FALSE(honours(also, other));
  EXPECT_FALSE(honours(also, kube_linter));
  parse::Suppression golive_own{"container/runs-as-root", "reason", 3};
  EXPECT_FALSE(honours(also, golive_own));  // golive's own are matched by rule id, not here
}

TEST(Equivalents, AnAllowMarkerHonoursAToolNamedWithoutACheck) {
  parse::Suppression allow{"", "", 7, "gitleaks", "*"};
  EXPECT_TRUE(honours("gitleaks, trufflehog, detect-secrets", allow));
  EXPECT_FALSE(honours("hadolint DL3002", allow));
}

}  // namespace
}  // namespace golive::rules
