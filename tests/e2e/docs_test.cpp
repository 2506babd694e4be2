// The rule pages under docs/rules are generated from the metadata; a stale page fails here.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_binary.h"

namespace golive::e2e {
namespace {

namespace fs = std::filesystem;

TEST(Docs, CommittedRulePagesAreFresh) {
  TempRepo out;
  ASSERT_EQ(run_golive("rules docs " + out.path()).exit_code, 0);
  fs::path committed = fs::path(GOLIVE_SOURCE_DIR) / "docs" / "rules";
  size_t pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out.path())) {
    if (!entry.is_regular_file()) continue;
    fs::path rel = fs::relative(entry.path(), out.path());
    ++pages;
    EXPECT_EQ(read_text(entry.path()), read_text(committed / rel))
        << "docs/rules/" << rel.string()
        << " is stale or missing: run 'make docs' and commit the result";
  }
  EXPECT_GT(pages, 20u);
  for (const auto& entry : fs::recursive_directory_iterator(committed)) {
    if (entry.is_regular_file()) {
      EXPECT_TRUE(fs::exists(fs::path(out.path()) / fs::relative(entry.path(), committed)))
          << entry.path() << " documents no rule: delete it";
    }
  }
}

TEST(Docs, EveryRuleHasRationaleRemediationAndSeeds) {
  Outcome run = run_golive("rules --format json");
  ASSERT_EQ(run.exit_code, 0);
  // Parse-free check: the generated pages carry the sections a reader needs.
  TempRepo out;
  ASSERT_EQ(run_golive("rules docs " + out.path()).exit_code, 0);
  for (const auto& entry : fs::recursive_directory_iterator(out.path())) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::string page = read_text(entry.path());
    EXPECT_NE(page.find("## Why\n\n"), std::string::npos) << entry.path();
    EXPECT_NE(page.find("## How to fix\n\n"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace golive::e2e
