// golive secrets as a user runs it: working tree, staged changes, history, baselines and every
// output format. Secrets are assembled at run time so this file holds none.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace golive::e2e {
namespace {

std::string token() { return std::string("gh") + "p_" + "Zq7Lm2Xc9Vb4Nk8Rt1Wy6Pd3Hs5Fg0JaE2uB"; }
std::string other_token() {
  return std::string("gh") + "p_" + "Kd8Wq3Zr6Tn1Ym9Lx4Vc7Bp2Hs5Gf0JuE3aQ";
}

bool git(const TempRepo& repo, const std::string& arguments) {
  std::string command = "git -C " + repo.path() +
                        " -c user.name=Dev -c user.email=dev@example.com -c commit.gpgsign=false " +
                        arguments + " > /dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

nlohmann::json json_of(const Outcome& run) { return nlohmann::json::parse(run.out); }

TEST(SecretsCommand, WorkingTreeFindingExitsOneAndRedactsInEveryFormat) {
  TempRepo repo;
  repo.write("src/config.js", "module.exports = { token: '" + token() + "' };\n");
  for (const char* format : {"text", "json", "sarif"}) {
    Outcome run = run_golive("secrets " + repo.path() + " --format " + format, false);
    EXPECT_EQ(run.exit_code, 1) << format << "\n" << run.out;
    EXPECT_NE(run.out.find("ghp_..."), std::string::npos) << format << "\n" << run.out;
    EXPECT_EQ(run.out.find(token()), std::string::npos) << format << " leaks the secret";
    EXPECT_EQ(run.out.find(token().substr(8)), std::string::npos) << format;
  }
  auto report = json_of(run_golive("secrets " + repo.path() + " --format json", false));
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["rule"], "secrets/github-pat");
  EXPECT_EQ(report["findings"][0]["path"], "src/config.js");
  EXPECT_EQ(report["findings"][0]["line"], 1);
}

TEST(SecretsCommand, CleanTreeExitsZero) {
  TempRepo repo;
  repo.write("src/config.js", "module.exports = { token: process.env.GITHUB_TOKEN };\n");
  Outcome run = run_golive("secrets " + repo.path());
  EXPECT_EQ(run.exit_code, 0) << run.out;
}

TEST(SecretsCommand, BaselineSurvivesLinesInsertedAboveAndCatchesNewSecrets) {
  TempRepo repo;
  repo.write("app.py", "TOKEN = '" + token() + "'\n");
  std::string baseline = repo.path() + "/baseline.json";
  Outcome write = run_golive("secrets " + repo.path() + " --write-baseline " + baseline);
  ASSERT_EQ(write.exit_code, 0) << write.out;
  EXPECT_EQ(read_text(baseline).find(token()), std::string::npos) << "baseline leaks the secret";

  repo.write("app.py", "import os\n\n# moved down\nTOKEN = '" + token() + "'\n");
  Outcome again = run_golive("secrets " + repo.path() + " --baseline " + baseline, false);
  EXPECT_EQ(again.exit_code, 0) << again.out;

  repo.write("other.py", "KEY = '" + other_token() + "'\n");
  Outcome added =
      run_golive("secrets " + repo.path() + " --baseline " + baseline + " --format json", false);
  EXPECT_EQ(added.exit_code, 1);
  auto report = json_of(added);
  EXPECT_EQ(report["summary"]["new"], 1);
  EXPECT_EQ(report["summary"]["baselined"], 1);
}

TEST(SecretsCommand, InlineSuppressionNeedsAReason) {
  TempRepo repo;
  repo.write("a.yaml",
             "# golive:ignore secrets/github-pat -- revoked, kept as a parser sample\n"
             "token: " +
                 token() + "\n");
  EXPECT_EQ(run_golive("secrets " + repo.path()).exit_code, 0);
  repo.write("a.yaml", "# golive:ignore secrets/github-pat\ntoken: " + token() + "\n");
  EXPECT_EQ(run_golive("secrets " + repo.path()).exit_code, 1);
}

TEST(SecretsCommand, HistoryFindsADeletedSecretWithItsFirstCommit) {
  TempRepo repo;
  ASSERT_TRUE(git(repo, "init -q"));
  repo.write("README.md", "hello\n");
  ASSERT_TRUE(git(repo, "add -A"));
  ASSERT_TRUE(git(repo, "commit -q -m first"));
  repo.write("deploy.sh", "export GITHUB_TOKEN=" + token() + "\n");
  ASSERT_TRUE(git(repo, "add -A"));
  ASSERT_TRUE(git(repo, "commit -q -m leak"));
  repo.write("deploy.sh", "# moved\nexport GITHUB_TOKEN=" + token() + "\n");
  ASSERT_TRUE(git(repo, "commit -q -am edit"));
  std::remove((repo.path() + "/deploy.sh").c_str());
  ASSERT_TRUE(git(repo, "commit -q -am remove"));

  EXPECT_EQ(run_golive("secrets " + repo.path()).exit_code, 0) << "the tree is clean now";
  Outcome run = run_golive("secrets " + repo.path() + " --history --format json", false);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  auto report = json_of(run);
  ASSERT_EQ(report["findings"].size(), 1u) << run.out;
  const auto& finding = report["findings"][0];
  EXPECT_EQ(finding["path"], "deploy.sh");
  EXPECT_EQ(finding["line"], 1) << "the first appearance, before the edit moved it";
  EXPECT_EQ(finding["author"], "Dev <dev@example.com>");
  EXPECT_EQ(finding["commit"].get<std::string>().size(), 40u);
  EXPECT_EQ(report["summary"]["commits"], 4);
}

TEST(SecretsCommand, HistorySinceSkipsCommitsAlreadyOnTheBase) {
  TempRepo repo;
  ASSERT_TRUE(git(repo, "init -q -b main"));
  repo.write("old.sh", "export GITHUB_TOKEN=" + token() + "\n");
  ASSERT_TRUE(git(repo, "add -A"));
  ASSERT_TRUE(git(repo, "commit -q -m old"));
  ASSERT_TRUE(git(repo, "tag base"));
  repo.write("new.sh", "export GH_TOKEN=" + other_token() + "\n");
  ASSERT_TRUE(git(repo, "add -A"));
  ASSERT_TRUE(git(repo, "commit -q -m new"));
  auto report = json_of(
      run_golive("secrets " + repo.path() + " --history --since base --format json", false));
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["path"], "new.sh");
  EXPECT_EQ(report["summary"]["commits"], 1);
}

TEST(SecretsCommand, StagedScansTheIndexNotTheWorkingTree) {
  TempRepo repo;
  ASSERT_TRUE(git(repo, "init -q"));
  repo.write("clean.txt", "nothing here\n");
  ASSERT_TRUE(git(repo, "add -A"));
  ASSERT_TRUE(git(repo, "commit -q -m first"));
  repo.write("unstaged.sh", "export GITHUB_TOKEN=" + token() + "\n");
  EXPECT_EQ(run_golive("secrets " + repo.path() + " --staged").exit_code, 0);
  ASSERT_TRUE(git(repo, "add unstaged.sh"));
  Outcome run = run_golive("secrets " + repo.path() + " --staged --format json", false);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(json_of(run)["mode"], "staged");
}

TEST(SecretsCommand, UsageErrorsExitTwo) {
  TempRepo repo;
  EXPECT_EQ(run_golive("secrets " + repo.path() + " --history --staged").exit_code, 2);
  EXPECT_EQ(run_golive("secrets " + repo.path() + " --since main").exit_code, 2);
  EXPECT_EQ(run_golive("secrets " + repo.path() + "/missing").exit_code, 2);
  EXPECT_EQ(run_golive("secrets " + repo.path() + " --history").exit_code, 2) << "not a repo";
  repo.write("bad.json", "{");
  Outcome bad = run_golive("secrets " + repo.path() + " --baseline " + repo.path() + "/bad.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("bad.json"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace golive::e2e
