// End-to-end: every output format is well formed, stable and complete.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace golive::e2e {
namespace {

using nlohmann::json;

// A small repository with findings of every severity, in files and at the repository level.
void write_gappy_repo(const TempRepo& repo) {
  repo.write("README.md", "# Shop\n\nSells things.\n");
  repo.write(".env", "DATABASE_URL=postgres://shop:secret@db/shop\nJWT_SECRET=change-me\n");
  repo.write(".github/workflows/build.yml",
             "name: build\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
             "    steps:\n      - run: npm test\n");
  repo.write(".github/workflows/security.yml.disabled", "name: security\n");
  repo.write("config/app.yaml", "port: 8080\nport: 9090\n");
}

json scan_json(const std::string& arguments) {
  Outcome run = run_golive(arguments + " --format json", false);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  return json::parse(run.out);
}

TEST(Reports, JsonFollowsTheDocumentedSchema) {
  TempRepo repo;
  write_gappy_repo(repo);
  json report = scan_json("scan " + repo.path());
  EXPECT_EQ(report["schema"], "golive-scan/2");
  EXPECT_EQ(report["level"]["name"], "blocked");
  ASSERT_FALSE(report["findings"].empty());
  bool saw_env = false;
  for (const auto& finding : report["findings"]) {
    for (const char* key : {"rule", "section", "severity", "message", "file", "line", "column",
                            "fix", "fingerprint"}) {
      EXPECT_TRUE(finding.contains(key)) << key;
    }
    if (finding["rule"] == "secrets/committed-env-file") {
      saw_env = true;
      EXPECT_EQ(finding["file"], ".env");
      EXPECT_EQ(finding["line"], 1);
    }
  }
  EXPECT_TRUE(saw_env);
  EXPECT_EQ(report["rules"].size(), json::parse(run_golive("rules --format json").out).size());
}

// The inventory says what golive read, so "not found" can be told from "not looked at".
TEST(Reports, InventoryListsWhatWasRead) {
  TempRepo repo;
  write_gappy_repo(repo);
  repo.write("Dockerfile", "FROM node:20.11-slim AS build\nFROM node:20.11-slim\nUSER node\n");
  repo.write("k8s/app.yaml",
             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n"
             "  template:\n    spec:\n      containers:\n        - name: api\n"
             "          image: ghcr.io/acme/api:1.0.0\n---\napiVersion: v1\nkind: Service\n"
             "metadata:\n  name: api\nspec:\n  selector:\n    app: api\n");
  repo.write("monitoring/alerts.yml",
             "groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n"
             "        expr: up{job=\"api\"} == 0\n        for: 5m\n");
  json inventory = scan_json("scan " + repo.path())["inventory"];
  ASSERT_EQ(inventory["ci"].size(), 1u);
  EXPECT_EQ(inventory["ci"][0]["path"], ".github/workflows/build.yml");
  EXPECT_EQ(inventory["ci"][0]["triggers"], json::array({"push"}));
  ASSERT_EQ(inventory["dockerfiles"].size(), 1u);
  EXPECT_EQ(inventory["dockerfiles"][0]["user"], "node");
  EXPECT_EQ(inventory["dockerfiles"][0]["stages"], 2);
  ASSERT_EQ(inventory["kubernetes"].size(), 1u);
  EXPECT_EQ(inventory["kubernetes"][0]["kinds"]["Deployment"], 1);
  EXPECT_EQ(inventory["kubernetes"][0]["kinds"]["Service"], 1);
  ASSERT_EQ(inventory["alert_rules"].size(), 1u);
  EXPECT_EQ(inventory["alert_rules"][0]["count"], 1);
  EXPECT_EQ(inventory["docs"], json::array({"README.md"}));
  // The text report prints it only when asked.
  Outcome plain = run_golive("scan " + repo.path());
  EXPECT_EQ(plain.out.find("inventory (what golive read"), std::string::npos);
  Outcome text = run_golive("scan " + repo.path() + " --inventory");
  EXPECT_NE(text.out.find("inventory (what golive read"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("    Dockerfile (product; FROM node:20.11-slim; USER node;"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("files with alerting rules: 1"), std::string::npos) << text.out;
}

TEST(Reports, SameOutputWhateverTheNumberOfJobs) {
  TempRepo repo;
  write_gappy_repo(repo);
  for (int i = 0; i < 40; ++i)
    repo.write("svc" + std::to_string(i) + "/config.yaml", "a: 1\na: 2\n");
  Outcome one = run_golive("scan " + repo.path() + " --format json --jobs 1", false);
  Outcome four = run_golive("scan " + repo.path() + " --format json --jobs 4", false);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(json::parse(one.out)["summary"]["findings"]["warning"].get<int>() >= 40, true);
}

TEST(Reports, SarifIsWhatCodeScanningAccepts) {
  TempRepo repo;
  write_gappy_repo(repo);
  Outcome run = run_golive("scan " + repo.path() + " --format sarif", false);
  json sarif = json::parse(run.out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  const json& run0 = sarif["runs"][0];
  const json& rules = run0["tool"]["driver"]["rules"];
  ASSERT_FALSE(rules.empty());
  for (const auto& rule : rules) {
    EXPECT_TRUE(rule.contains("helpUri"));
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
  }
  ASSERT_FALSE(run0["results"].empty());
  for (const auto& result : run0["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
    EXPECT_TRUE(result["locations"][0]["physicalLocation"].contains("artifactLocation"));
    EXPECT_FALSE(result["partialFingerprints"].empty());
  }
  // Fingerprints survive a second run.
  EXPECT_EQ(run.out, run_golive("scan " + repo.path() + " --format sarif", false).out);
}

TEST(Reports, FingerprintIgnoresLineShifts) {
  TempRepo repo;
  write_gappy_repo(repo);
  json before = scan_json("scan " + repo.path());
  repo.write(
      ".env",
      "# moved down a line\nDATABASE_URL=postgres://shop:secret@db/shop\nJWT_SECRET=change-me\n");
  json after = scan_json("scan " + repo.path());
  auto print_of = [](const json& report) {
    for (const auto& f : report["findings"]) {
      if (f["rule"] == "secrets/committed-env-file") return f["fingerprint"].get<std::string>();
    }
    return std::string();
  };
  EXPECT_FALSE(print_of(before).empty());
  EXPECT_EQ(print_of(before), print_of(after));
}

TEST(Reports, JunitAndMarkdownAndSeveralOutputsInOneRun) {
  TempRepo repo;
  write_gappy_repo(repo);
  std::string junit = repo.path() + "/out.xml";
  std::string markdown = repo.path() + "/out.md";
  Outcome run = run_golive("scan " + repo.path() + " --quiet --output junit=" + junit +
                           " --output markdown=" + markdown);
  EXPECT_EQ(run.exit_code, 1);
  std::string xml = read_text(junit);
  EXPECT_EQ(xml.rfind("<?xml", 0), 0u);
  EXPECT_NE(xml.find("<testsuites name=\"golive\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\".env:1:1"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<skipped message=\"not-applicable"), std::string::npos);
  std::string md = read_text(markdown);
  EXPECT_NE(md.find("## golive readiness"), std::string::npos);
  EXPECT_NE(md.find("| secrets |"), std::string::npos) << md;
}

TEST(Reports, TextLeadsWithTheVerdictAndGroupsByRule) {
  TempRepo repo;
  write_gappy_repo(repo);
  Outcome run = run_golive("scan " + repo.path());
  // The verdict, the counts and the blocking rules come before any finding.
  size_t verdict = run.out.find("readiness: BLOCKED");
  size_t blocked_by = run.out.find("blocked by: ");
  size_t group = run.out.find("error   secrets/committed-env-file");
  ASSERT_NE(verdict, std::string::npos) << run.out;
  ASSERT_NE(blocked_by, std::string::npos) << run.out;
  ASSERT_NE(group, std::string::npos) << run.out;
  EXPECT_LT(verdict, group);
  EXPECT_LT(blocked_by, group);
  EXPECT_NE(run.out.find("secrets/committed-env-file (1)", blocked_by), std::string::npos);
  EXPECT_NE(run.out.find("    .env:1:1  "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fix: "), std::string::npos);
  EXPECT_NE(run.out.find("profile: "), std::string::npos);
  // --verbose: every finding in full, by section, with its rule id on its line.
  Outcome verbose = run_golive("scan " + repo.path() + " --verbose");
  EXPECT_NE(verbose.out.find("\nsecrets\n"), std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("[secrets/committed-env-file]"), std::string::npos);
}

TEST(Reports, TextShowsTenLocationsPerRuleUnlessVerbose) {
  TempRepo repo;
  for (int i = 0; i < 12; ++i)
    repo.write("k8s/app" + std::to_string(i) + ".yaml",
               "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p" + std::to_string(i) +
                   "\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n");
  Outcome run = run_golive("scan " + repo.path() + " --only k8s/image-latest");
  EXPECT_NE(run.out.find("(12 findings)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("... and 2 more (--verbose shows every finding)"), std::string::npos)
      << run.out;
  Outcome verbose = run_golive("scan " + repo.path() + " --only k8s/image-latest --verbose");
  EXPECT_EQ(verbose.out.find("... and 2 more"), std::string::npos);
  EXPECT_NE(verbose.out.find("k8s/app9.yaml"), std::string::npos);
}

TEST(Reports, OnlyAndSkipSelectRules) {
  TempRepo repo;
  write_gappy_repo(repo);
  json only = scan_json("scan " + repo.path() + " --only secrets");
  for (const auto& f : only["findings"]) EXPECT_EQ(f["section"], "secrets");
  json skipped = scan_json("scan " + repo.path() + " --skip docs");
  for (const auto& f : skipped["findings"]) EXPECT_NE(f["section"], "docs");
}

TEST(Reports, WaiversAndSuppressionsHideFindings) {
  TempRepo repo;
  write_gappy_repo(repo);
  repo.write(".golive.yml",
             "version: 1\nwaivers:\n  - rule: secrets/committed-env-file\n    reason: fake values "
             "for the demo\n"
             "    owner: platform-team\n    expires: 2999-01-01\n");
  repo.write("config/app.yaml",
             "port: 8080\n# golive:ignore parse/duplicate-key -- the loader keeps the last value "
             "on purpose\n"
             "port: 9090\n");
  json report = scan_json("scan " + repo.path());
  for (const auto& f : report["findings"]) {
    EXPECT_NE(f["rule"], "secrets/committed-env-file");
    EXPECT_NE(f["rule"], "parse/duplicate-key");
  }
  EXPECT_EQ(report["hidden"].size(), 2u);
}

}  // namespace
}  // namespace golive::e2e
