// GitLab CI pipelines read into the shared CI shape (model/gitlab_ci.cpp).
#include <gtest/gtest.h>

#include <string>

#include "model/builder.h"

namespace golive::model {
namespace {

Workflow pipeline_of(std::string_view text) {
  RepoModel model;
  add_file(model, ".gitlab-ci.yml", text, BuildOptions{});
  EXPECT_EQ(model.workflows.size(), 1u);
  return model.workflows.empty() ? Workflow{} : model.workflows.front();
}

const Job& job_named(const Workflow& pipeline, std::string_view id) {
  const Job* job = pipeline.job(id);
  EXPECT_NE(job, nullptr) << id;
  static const Job kNone;
  return job != nullptr ? *job : kNone;
}

TEST(GitlabCi, ReadsJobsButNotReservedKeysOrTemplates) {
  Workflow pipeline = pipeline_of(
      "stages: [test, deploy]\n"
      "variables:\n"
      "  NODE_ENV: test\n"
      "default:\n"
      "  image: node:20\n"
      ".base:\n"
      "  script:\n"
      "    - echo template\n"
      "unit:\n"
      "  stage: test\n"
      "  script:\n"
      "    - npm test\n"
      "notes:\n"
      "  stage: test\n"
      "  variables:\n"
      "    A: b\n"
      "child:\n"
      "  trigger:\n"
      "    include: child.yml\n");
  EXPECT_EQ(pipeline.system, CiSystem::kGitlabCi);
  EXPECT_EQ(pipeline.path, ".gitlab-ci.yml");
  ASSERT_EQ(pipeline.jobs.size(), 2u);  // notes has no script; .base is a template
  EXPECT_EQ(pipeline.jobs[0].id, "unit");
  EXPECT_EQ(pipeline.jobs[0].line, 9);
  EXPECT_EQ(pipeline.jobs[0].stage, "test");
  EXPECT_EQ(pipeline.jobs[1].id, "child");
  ASSERT_EQ(pipeline.env.size(), 1u);
  EXPECT_EQ(pipeline.env[0].key, "NODE_ENV");
  // Branch and merge-request pipelines.
  EXPECT_NE(pipeline.trigger("push"), nullptr);
  EXPECT_NE(pipeline.trigger("pull_request"), nullptr);
  ASSERT_TRUE(pipeline.jobs[0].container.has_value());
  EXPECT_EQ(pipeline.jobs[0].container->image, "node:20");
}

TEST(GitlabCi, ScriptLinesAreStepsWithTheirLines) {
  Workflow pipeline = pipeline_of(
      "test:\n"
      "  before_script:\n"
      "    - npm ci\n"
      "  script:\n"
      "    - npm run lint\n"
      "    - |\n"
      "      npm test\n"
      "      npm run build\n"
      "  after_script:\n"
      "    - echo done\n");
  const Job& job = job_named(pipeline, "test");
  ASSERT_EQ(job.steps.size(), 4u);
  EXPECT_EQ(job.steps[0].name, "before_script");
  EXPECT_EQ(job.steps[0].run, "npm ci");
  EXPECT_EQ(job.steps[0].line, 3);
  EXPECT_EQ(job.steps[1].name, "script");
  EXPECT_EQ(job.steps[1].run_line_at(0), 5);
  EXPECT_TRUE(job.steps[1].is(StepKind::kLint));
  // A literal block: its lines keep their file lines.
  EXPECT_EQ(job.steps[2].run, "npm test\nnpm run build\n");
  EXPECT_EQ(job.steps[2].run_line_at(0), 7);
  EXPECT_EQ(job.steps[2].run_line_at(1), 8);
  EXPECT_TRUE(job.steps[2].is(StepKind::kTest));
  EXPECT_TRUE(job.steps[2].is(StepKind::kBuild));
  EXPECT_EQ(job.steps[3].name, "after_script");
}

TEST(GitlabCi, ExtendsAndAnchorsInheritSettings) {
  Workflow pipeline = pipeline_of(
      ".tests:\n"
      "  image: python:3.12\n"
      "  allow_failure: true\n"
      "  script:\n"
      "    - pytest\n"
      ".strict:\n"
      "  allow_failure: false\n"
      ".node: &node\n"
      "  image: node:20\n"
      "  script:\n"
      "    - npm test\n"
      "flaky:\n"
      "  extends: .tests\n"
      "strict:\n"
      "  extends: [.tests, .strict]\n"
      "web:\n"
      "  <<: *node\n"
      "  stage: test\n");
  const Job& flaky = job_named(pipeline, "flaky");
  EXPECT_TRUE(flaky.continue_on_error);
  ASSERT_EQ(flaky.steps.size(), 1u);
  EXPECT_EQ(flaky.steps[0].run, "pytest");
  ASSERT_TRUE(flaky.container.has_value());
  EXPECT_EQ(flaky.container->image, "python:3.12");
  // The last template listed wins.
  EXPECT_FALSE(job_named(pipeline, "strict").continue_on_error);
  const Job& web = job_named(pipeline, "web");
  ASSERT_EQ(web.steps.size(), 1u);
  EXPECT_TRUE(web.steps[0].is(StepKind::kTest));
  EXPECT_EQ(web.stage, "test");
}

TEST(GitlabCi, AllowFailureWhenManualEnvironmentAndRules) {
  Workflow pipeline = pipeline_of(
      "lint:\n"
      "  script: [ruff check .]\n"
      "  allow_failure:\n"
      "    exit_codes: [137]\n"
      "deploy:\n"
      "  stage: deploy\n"
      "  script:\n"
      "    - helm upgrade --install api ./chart --atomic\n"
      "  environment:\n"
      "    name: production\n"
      "    url: https://api.example.com\n"
      "  when: manual\n"
      "  needs: [lint, {job: build, artifacts: true}]\n"
      "review:\n"
      "  script: [./review.sh]\n"
      "  environment: review/$CI_COMMIT_REF_SLUG\n"
      "  rules:\n"
      "    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n"
      "    - if: $CI_COMMIT_BRANCH == \"main\"\n"
      "      when: manual\n"
      "legacy:\n"
      "  script: [make release]\n"
      "  only: [tags]\n");
  const Job& lint = job_named(pipeline, "lint");
  EXPECT_TRUE(lint.continue_on_error);  // exit codes: still allowed to fail
  EXPECT_FALSE(lint.manual);
  ASSERT_EQ(lint.steps.size(), 1u);
  EXPECT_TRUE(lint.steps[0].is(StepKind::kLint));

  const Job& deploy = job_named(pipeline, "deploy");
  EXPECT_TRUE(deploy.manual);
  EXPECT_FALSE(deploy.continue_on_error);
  EXPECT_EQ(deploy.environment, "production");
  EXPECT_EQ(deploy.environment_line, 9);
  EXPECT_EQ(deploy.needs, (std::vector<std::string>{"lint", "build"}));
  EXPECT_TRUE(deploy.has_step(StepKind::kDeploy));

  const Job& review = job_named(pipeline, "review");
  EXPECT_EQ(review.environment, "review/$CI_COMMIT_REF_SLUG");
  EXPECT_TRUE(review.manual);  // a rule with when: manual
  EXPECT_EQ(review.if_condition,
            "$CI_PIPELINE_SOURCE == \"merge_request_event\" || $CI_COMMIT_BRANCH == \"main\"");

  EXPECT_EQ(job_named(pipeline, "legacy").if_condition, "only: tags");
}

TEST(GitlabCi, NestedScriptListsFromAnchorsAreFlattened) {
  Workflow pipeline = pipeline_of(
      ".setup: &setup\n"
      "  - pip install -r requirements.txt\n"
      "  - pip install pytest-cov\n"
      "test:\n"
      "  script:\n"
      "    - *setup\n"
      "    - pytest --cov=app\n");
  const Job& test = job_named(pipeline, "test");
  ASSERT_EQ(test.steps.size(), 3u);
  EXPECT_EQ(test.steps[0].run, "pip install -r requirements.txt");
  EXPECT_EQ(test.steps[2].run, "pytest --cov=app");
  EXPECT_TRUE(test.steps[2].is(StepKind::kCoverage));
  EXPECT_EQ(test.steps[2].line, 7);
}

TEST(GitlabCi, ServicesAndDefaultImage) {
  Workflow pipeline = pipeline_of(
      "image: ruby:3.3\n"
      "rspec:\n"
      "  services:\n"
      "    - postgres:16\n"
      "    - name: redis:7\n"
      "      alias: cache\n"
      "  script: [bundle exec rspec]\n");
  const Job& rspec = job_named(pipeline, "rspec");
  ASSERT_TRUE(rspec.container.has_value());
  EXPECT_EQ(rspec.container->image, "ruby:3.3");
  ASSERT_EQ(rspec.services.size(), 2u);
  EXPECT_EQ(rspec.services[0].image, "postgres:16");
  EXPECT_EQ(rspec.services[1].image, "redis:7");
  EXPECT_TRUE(rspec.has_step(StepKind::kTest));
}

}  // namespace
}  // namespace golive::model
