// End-to-end: exit codes, errors and help as a user meets them.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace golive::e2e {
namespace {

TEST(Cli, VersionPrintsNameAndVersion) {
  Outcome run = run_golive("version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("golive ", 0), 0u) << run.out;
}

TEST(Cli, NoCommandIsAUsageError) {
  Outcome run = run_golive("");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("golive --help"), std::string::npos) << run.out;
}

TEST(Cli, UnknownOptionIsAUsageError) {
  EXPECT_EQ(run_golive("scan --no-such-flag .").exit_code, 2);
}

TEST(Cli, HelpExitsZeroAndTeachesTheCommand) {
  Outcome run = run_golive("scan --help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("--fail-on"), std::string::npos);
  EXPECT_NE(run.out.find("Examples:"), std::string::npos);
}

TEST(Cli, MissingPathNamesThePath) {
  Outcome run = run_golive("scan /nonexistent/golive-path");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("/nonexistent/golive-path: not a directory"), std::string::npos)
      << run.out;
}

TEST(Cli, UnknownOnlyValueSuggestsTheClosest) {
  TempRepo repo;
  Outcome run = run_golive("scan " + repo.path() + " --only doc");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("did you mean 'docs'"), std::string::npos) << run.out;
}

TEST(Cli, ConfigErrorNamesFileLineAndSuggestion) {
  TempRepo repo;
  repo.write(".golive.yml", "version: 1\nwaiver:\n  - rule: docs/missing-adr\n");
  Outcome run = run_golive("scan " + repo.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(".golive.yml:2:1: unknown key 'waiver'"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("did you mean 'waivers'"), std::string::npos) << run.out;
}

TEST(Cli, BadOutputSpecIsAUsageError) {
  TempRepo repo;
  Outcome run = run_golive("scan " + repo.path() + " --output report.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("FORMAT=FILE"), std::string::npos) << run.out;
}

TEST(Cli, FindingsAtFailOnLevelExitOne) {
  TempRepo repo;  // an image that runs as root: an error
  repo.write("Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"-m\", \"app\"]\n");
  EXPECT_EQ(run_golive("scan " + repo.path()).exit_code, 1);
  EXPECT_EQ(run_golive("scan " + repo.path() + " --fail-on never").exit_code, 0);
}

TEST(Cli, WarningThresholdFailsOnWarnings) {
  TempRepo repo;
  repo.write("README.md", "# x\n");
  EXPECT_EQ(run_golive("scan " + repo.path() + " --only docs/readme-missing-quickstart").exit_code,
            0);
  EXPECT_EQ(
      run_golive("scan " + repo.path() + " --only docs/readme-missing-quickstart --fail-on warning")
          .exit_code,
      1);
}

TEST(Cli, RulesListsAndExplains) {
  Outcome list = run_golive("rules");
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("docs/missing-license"), std::string::npos);
  Outcome explain = run_golive("rules explain docs/missing-license");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("How to fix"), std::string::npos);
  Outcome unknown = run_golive("rules explain docs/missing-licence");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.out.find("did you mean 'docs/missing-license'"), std::string::npos)
      << unknown.out;
}

TEST(Cli, ColorOnlyWhenAsked) {
  TempRepo repo;
  EXPECT_EQ(run_golive("scan " + repo.path()).out.find("\033["), std::string::npos);
  EXPECT_NE(run_golive("scan " + repo.path() + " --color always").out.find("\033["),
            std::string::npos);
}

}  // namespace
}  // namespace golive::e2e
