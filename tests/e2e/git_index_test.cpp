// A file git tracks is scanned even when .gitignore matches it: ignoring does not uncommit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace golive::e2e {
namespace {

bool git(const TempRepo& repo, const std::string& arguments) {
  std::string command = "git -C " + repo.path() + " -c user.name=t -c user.email=t@example.com " +
                        arguments + " > /dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

std::vector<std::string> rules_found(const TempRepo& repo) {
  Outcome run =
      run_golive("scan " + repo.path() + " --only secrets/committed-env-file --format json", false);
  std::vector<std::string> files;
  const auto report = nlohmann::json::parse(run.out);
  for (const auto& f : report["findings"]) files.push_back(f["file"].get<std::string>());
  return files;
}

TEST(GitIndex, CommittedFileMatchingGitignoreIsStillScanned) {
  TempRepo repo;
  repo.write(".env", "API_TOKEN=committed-by-mistake\n");
  ASSERT_TRUE(git(repo, "init -q"));
  ASSERT_TRUE(git(repo, "add .env"));
  ASSERT_TRUE(git(repo, "commit -q -m initial"));
  repo.write(".gitignore", ".env\n");
  EXPECT_EQ(rules_found(repo), std::vector<std::string>{".env"});
}

TEST(GitIndex, UntrackedIgnoredFileIsNotScanned) {
  TempRepo repo;
  ASSERT_TRUE(git(repo, "init -q"));
  repo.write(".gitignore", ".env\n");
  repo.write(".env", "API_TOKEN=local-only\n");
  EXPECT_TRUE(rules_found(repo).empty());
}

TEST(GitIndex, GoliveIgnoreStillHidesTrackedFiles) {
  TempRepo repo;
  repo.write("fixtures/.env", "API_TOKEN=fake\n");
  ASSERT_TRUE(git(repo, "init -q"));
  ASSERT_TRUE(git(repo, "add fixtures/.env"));
  ASSERT_TRUE(git(repo, "commit -q -m initial"));
  repo.write(".golive-ignore", "fixtures/\n");
  EXPECT_TRUE(rules_found(repo).empty());
}

}  // namespace
}  // namespace golive::e2e
