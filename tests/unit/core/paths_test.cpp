#include "core/paths.h"

#include <gtest/gtest.h>

namespace golive::core {
namespace {

TEST(Paths, NormalizeResolvesDotsAndKeepsClimbsAboveTheRoot) {
  EXPECT_EQ(normalize_path("a/./b/../c"), "a/c");
  EXPECT_EQ(normalize_path("./"), "");
  EXPECT_EQ(normalize_path("overlays/prod/../../base"), "base");
  EXPECT_EQ(normalize_path("../outside/x"), "../outside/x");
  EXPECT_EQ(normalize_path("a/../../b"), "../b");
}

TEST(Paths, JoinTakesRootedNamesFromTheRoot) {
  EXPECT_EQ(join_path("overlays/prod", "../../base"), "base");
  EXPECT_EQ(join_path("", "k8s/app.yaml"), "k8s/app.yaml");
  EXPECT_EQ(join_path("svc", "/Dockerfile"), "Dockerfile");
  EXPECT_EQ(join_path("svc", "./docker/Dockerfile"), "svc/docker/Dockerfile");
}

}  // namespace
}  // namespace golive::core
