// What a scan reports: findings in files that are not deployed are set aside (path roles), and
// checks whose evidence golive cannot see are unverified rather than failed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_binary.h"

namespace golive::e2e {
namespace {

const char* const kLatestDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:latest
)";

std::vector<std::string> files_of(const nlohmann::json& list, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& item : list) {
    if (item["rule"] == rule) out.push_back(item["file"].get<std::string>());
  }
  return out;
}

TEST(Scope, FindingsInTestFilesAreSetAsideUnlessRolesAll) {
  TempRepo repo;
  repo.write("deploy/api.yaml", kLatestDeployment);
  repo.write("test/e2e/manifests/api.yaml", kLatestDeployment);

  auto run = run_golive("scan " + repo.path() + " --only k8s/image-latest --format json", false);
  auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(files_of(report["findings"], "k8s/image-latest"),
            std::vector<std::string>{"deploy/api.yaml"});
  ASSERT_EQ(report["out_of_scope"].size(), 1U);
  EXPECT_EQ(report["out_of_scope"][0]["file"], "test/e2e/manifests/api.yaml");
  EXPECT_EQ(report["out_of_scope"][0]["role"], "test");
  EXPECT_EQ(report["summary"]["out_of_scope"], 1);

  auto all = run_golive(
      "scan " + repo.path() + " --only k8s/image-latest --format json --roles all", false);
  auto everything = nlohmann::json::parse(all.out);
  EXPECT_EQ(files_of(everything["findings"], "k8s/image-latest").size(), 2U);
  EXPECT_TRUE(everything["out_of_scope"].empty());

  auto text = run_golive("scan " + repo.path() + " --only k8s/image-latest");
  EXPECT_NE(text.out.find("1 finding in files that are not deployed (test 1) is not shown"),
            std::string::npos)
      << text.out;
}

TEST(Scope, UnverifiedNeverBlocks) {
  TempRepo repo;
  repo.write("go.mod", "module example.com/svc\n\ngo 1.22\n");
  repo.write("main.go", "package main\n\nfunc main() {}\n");
  repo.write("main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n");
  repo.write(".github/workflows/ci.yml", R"(on: pull_request
jobs:
  shared:
    uses: example-org/ci/.github/workflows/go.yml@v3
)");
  auto run = run_golive("scan " + repo.path() + " --only ci/tests-not-run --format json", false);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  auto report = nlohmann::json::parse(run.out);
  EXPECT_TRUE(report["findings"].empty());
  ASSERT_EQ(report["unverified"].size(), 1U);
  EXPECT_EQ(report["unverified"][0]["rule"], "ci/tests-not-run");
  EXPECT_NE(report["unverified"][0]["message"].get<std::string>().find("example-org/ci"),
            std::string::npos);
  EXPECT_NE(report["level"]["name"], "blocked");
  bool listed = false;
  for (const auto& rule : report["rules"]) {
    if (rule["id"] != "ci/tests-not-run") continue;
    listed = true;
    EXPECT_EQ(rule["status"], "unverified");
  }
  EXPECT_TRUE(listed) << "ci/tests-not-run is missing from the rules list";
}

}  // namespace
}  // namespace golive::e2e
