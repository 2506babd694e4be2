#include "model/step_kinds.h"

#include <gtest/gtest.h>

namespace golive::model {
namespace {

bool has(const std::vector<StepRecognition>& found, StepKind kind,
         std::string_view ecosystem = "*") {
  for (const auto& r : found) {
    if (r.kind == kind && (ecosystem == "*" || r.ecosystem == ecosystem)) return true;
  }
  return false;
}

TEST(StepKinds, RecognisesActionsByNameNotByPrefixOfAnotherName) {
  EXPECT_TRUE(has(recognise_step("actions/checkout@v4", ""), StepKind::kCheckout));
  EXPECT_TRUE(has(recognise_step("github/codeql-action/analyze@v3", ""), StepKind::kSast));
  EXPECT_TRUE(
      has(recognise_step("aquasecurity/trivy-action@0.20.0", ""), StepKind::kContainerScan));
  EXPECT_FALSE(has(recognise_step("actions/checkout-extra@v1", ""), StepKind::kCheckout));
}

TEST(StepKinds, RecognisesTestCommandsPerEcosystem) {
  EXPECT_TRUE(has(recognise_step("", "npm ci\nnpm test"), StepKind::kTest, "npm"));
  EXPECT_TRUE(has(recognise_step("", "python -m pytest -q"), StepKind::kTest, "python"));
  EXPECT_TRUE(has(recognise_step("", "go test ./..."), StepKind::kTest, "go"));
  EXPECT_TRUE(has(recognise_step("", "cargo test --all"), StepKind::kTest, "cargo"));
  EXPECT_FALSE(has(recognise_step("", "cargo test --all"), StepKind::kTest, "go"));
  EXPECT_TRUE(has(recognise_step("", "./mvnw -B verify"), StepKind::kTest, "maven"));
  EXPECT_TRUE(has(recognise_step("", "make test"), StepKind::kTest, ""));
}

TEST(StepKinds, IgnoresCommentedCommands) {
  EXPECT_FALSE(has(recognise_step("", "# npm test\necho skipped"), StepKind::kTest));
}

TEST(StepKinds, RecognisesSupplyChainAndDeploySteps) {
  EXPECT_TRUE(has(recognise_step("", "npm audit --audit-level=high"), StepKind::kSca));
  EXPECT_TRUE(has(recognise_step("", "cosign sign --yes $IMAGE"), StepKind::kSign));
  EXPECT_TRUE(has(recognise_step("", "cosign verify $IMAGE"), StepKind::kVerifySignature));
  EXPECT_TRUE(has(recognise_step("", "syft $IMAGE -o spdx-json"), StepKind::kSbom));
  EXPECT_TRUE(
      has(recognise_step("", "helm upgrade --install api ./chart --atomic"), StepKind::kDeploy));
  EXPECT_TRUE(has(recognise_step("", "k6 run load.js"), StepKind::kLoadTest));
  EXPECT_TRUE(has(recognise_step("", "pytest --cov=app --cov-fail-under=80"), StepKind::kCoverage));
}

}  // namespace
}  // namespace golive::model
