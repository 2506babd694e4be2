#include "model/deploy_jobs.h"

#include <gtest/gtest.h>

#include "model/builder.h"

namespace golive::model::deploy {
namespace {

model::RepoModel model_of(const std::string& path, std::string_view content) {
  model::RepoModel model;
  model::add_file(model, path, content, model::BuildOptions{});
  return model;
}

TEST(DeployTier, ClassifiesEnvironmentNamesByWord) {
  EXPECT_EQ(classify_name("production"), Tier::kProduction);
  EXPECT_EQ(classify_name("prod-eu-1"), Tier::kProduction);
  EXPECT_EQ(classify_name("deployProd"), Tier::kProduction);
  EXPECT_EQ(classify_name("values-prod.yaml"), Tier::kProduction);
  EXPECT_EQ(classify_name("pre-prod"), Tier::kStaging);
  EXPECT_EQ(classify_name("preprod"), Tier::kStaging);
  EXPECT_EQ(classify_name("non-prod"), Tier::kStaging);
  EXPECT_EQ(classify_name("Staging"), Tier::kStaging);
  EXPECT_EQ(classify_name("uat"), Tier::kStaging);
  EXPECT_EQ(classify_name("review/$CI_COMMIT_REF_SLUG"), Tier::kPreview);
  EXPECT_EQ(classify_name("product-api"), Tier::kUnknown);
  EXPECT_EQ(classify_name("eks-main"), Tier::kUnknown);
  EXPECT_EQ(classify_name("test"), Tier::kStaging);
  EXPECT_EQ(classify_name("build-test-deploy", true), Tier::kUnknown);
  EXPECT_EQ(classify_name("test-and-deploy-prod", true), Tier::kProduction);
}

TEST(DeployLines, JoinsBackslashContinuations) {
  // Deploy detection reads scripts through the shared joiner (parse/shell.h).
  auto lines = parse::logical_lines(
      "echo start\nhelm upgrade --install app ./chart \\\n  --atomic \\\n  --wait\necho done\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].first, 1u);
  EXPECT_NE(lines[1].text.find("--atomic"), std::string::npos);
  EXPECT_NE(lines[1].text.find("--wait"), std::string::npos);
  EXPECT_EQ(lines[2].first, 4u);
}

TEST(DeployLines, ChecksAndDryRunsAreNotDeploys) {
  EXPECT_TRUE(is_deploy_line("helm upgrade --install app ./chart"));
  EXPECT_TRUE(is_deploy_line("kubectl --context ${{ matrix.cluster }} apply -k overlays/prod"));
  EXPECT_TRUE(is_deploy_line("kubectl -n staging set image deployment/web web=img:1"));
  EXPECT_TRUE(is_deploy_line("./scripts/deploy.sh production"));
  EXPECT_FALSE(is_deploy_line("kubectl rollout status deployment/web"));
  EXPECT_FALSE(is_deploy_line("kubectl apply --dry-run=client -f k8s/"));
  EXPECT_FALSE(is_deploy_line("echo helm upgrade --install app ./chart"));
  EXPECT_FALSE(is_deploy_line("# helm upgrade --install app ./chart"));
}

bool recognises(std::string_view uses, std::string_view run, model::StepKind kind) {
  for (const auto& found : model::recognise_step(uses, run)) {
    if (found.kind == kind) return true;
  }
  return false;
}

TEST(DeployStepKinds, RecognisesReleasesSmokeTestsAndVerification) {
  using model::StepKind;
  EXPECT_TRUE(recognises("googleapis/release-please-action@v4", "", StepKind::kRelease));
  EXPECT_TRUE(recognises("softprops/action-gh-release@v2", "", StepKind::kRelease));
  EXPECT_TRUE(recognises("", "npx semantic-release", StepKind::kRelease));
  EXPECT_TRUE(recognises("", "gh release create v1.2.0 --generate-notes", StepKind::kRelease));
  EXPECT_TRUE(recognises("", "helm test api -n staging", StepKind::kSmokeTest));
  EXPECT_TRUE(
      recognises("", "gh attestation verify oci://img --owner acme", StepKind::kVerifySignature));
  EXPECT_TRUE(recognises("", "gcloud run deploy api --image img", StepKind::kDeploy));
  EXPECT_TRUE(recognises("", "npm run deploy", StepKind::kDeploy));
  EXPECT_FALSE(recognises("", "npm run deploy-docs:check", StepKind::kRelease));
}

TEST(DeployJobs, StagingOnMainAndProductionOnTags) {
  auto model = model_of(".github/workflows/cd.yml",
                        "on:\n"
                        "  push:\n"
                        "    branches: [main]\n"
                        "    tags: ['v*']\n"
                        "jobs:\n"
                        "  build:\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - run: make\n"
                        "  staging:\n"
                        "    needs: build\n"
                        "    if: github.ref == 'refs/heads/main'\n"
                        "    environment: staging\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - run: helm upgrade --install app ./chart --atomic\n"
                        "  production:\n"
                        "    needs: staging\n"
                        "    if: always() && startsWith(github.ref, 'refs/tags/')\n"
                        "    environment: production\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - run: helm upgrade --install app ./chart --atomic\n");
  auto jobs = find_deploy_jobs(model);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(jobs[0].deploys_to(Tier::kStaging));
  EXPECT_TRUE(jobs[0].schedule.on_main_push);
  EXPECT_FALSE(jobs[0].schedule.on_release);
  EXPECT_TRUE(jobs[1].deploys_to(Tier::kProduction));
  EXPECT_FALSE(jobs[1].schedule.on_main_push);
  EXPECT_TRUE(jobs[1].schedule.on_release);
}

TEST(DeployJobs, ParenthesisedConditionsKeepBothAlternatives) {
  auto model = model_of(".github/workflows/cd.yml",
                        "on: push\n"
                        "jobs:\n"
                        "  deploy:\n"
                        "    if: ${{ github.event_name == 'push' && (github.ref == "
                        "'refs/heads/main' || startsWith(github.ref, 'refs/tags/')) }}\n"
                        "    environment: production\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - run: kubectl apply -k k8s\n");
  auto jobs = find_deploy_jobs(model);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_TRUE(jobs[0].schedule.on_main_push);
  EXPECT_TRUE(jobs[0].schedule.on_release);
}

TEST(DeployJobs, GitlabRulesDecideWhenAJobRuns) {
  auto model = model_of(".gitlab-ci.yml",
                        "stages: [deploy]\n"
                        "staging:\n"
                        "  stage: deploy\n"
                        "  environment: staging\n"
                        "  script: [helm upgrade --install app ./chart]\n"
                        "  rules:\n"
                        "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
                        "production:\n"
                        "  stage: deploy\n"
                        "  environment: production\n"
                        "  script: [helm upgrade --install app ./chart]\n"
                        "  rules:\n"
                        "    - if: $CI_COMMIT_TAG\n"
                        "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
                        "      when: manual\n"
                        "stop_review:\n"
                        "  stage: deploy\n"
                        "  environment: { name: review/$CI_COMMIT_REF_SLUG, action: stop }\n"
                        "  script: [helm uninstall review]\n");
  auto jobs = find_deploy_jobs(model);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(jobs[0].schedule.on_main_push);
  EXPECT_FALSE(jobs[0].schedule.on_release);
  EXPECT_FALSE(jobs[1].schedule.on_main_push);
  EXPECT_TRUE(jobs[1].schedule.on_release);
  EXPECT_TRUE(jobs[1].schedule.manual);
}

TEST(DeployJobs, PublishEnvironmentsAreNotDeploys) {
  auto model = model_of(".github/workflows/docs.yml",
                        "on: push\n"
                        "jobs:\n"
                        "  pages:\n"
                        "    environment: github-pages\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - uses: actions/deploy-pages@v4\n"
                        "  pypi:\n"
                        "    environment: pypi\n"
                        "    runs-on: ubuntu-latest\n"
                        "    steps:\n"
                        "      - uses: pypa/gh-action-pypi-publish@release/v1\n");
  EXPECT_TRUE(find_deploy_jobs(model).empty());
}

}  // namespace
}  // namespace golive::model::deploy
