// golive's own repository must pass its own scan at the highest level.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace golive::e2e {
namespace {

TEST(Dogfood, OwnRepositoryIsGold) {
  Outcome run = run_golive(
      std::string("scan ") + GOLIVE_SOURCE_DIR + " --format json --fail-on warning", false);
  auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["level"]["name"], "gold") << report["findings"].dump(2);
  EXPECT_EQ(run.exit_code, 0);
}

}  // namespace
}  // namespace golive::e2e
