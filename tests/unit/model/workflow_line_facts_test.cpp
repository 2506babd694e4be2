// What the CI readers record for supply-chain rules beyond the YAML tree: uses lines and their
// trailing version comments, where block-scalar scripts start, if/secrets lines, job env and
// container credentials.
#include <gtest/gtest.h>

#include <string>

#include "model/builder.h"

namespace golive::model {
namespace {

RepoModel model_of(const std::string& path, std::string_view content) {
  RepoModel model;
  add_file(model, path, content, BuildOptions{});
  return model;
}

TEST(LineFacts, UsesLinesAndTrailingVersionComments) {
  const char* text =
      "on: push\n"                                                                          // 1
      "jobs:\n"                                                                             // 2
      "  build:\n"                                                                          // 3
      "    runs-on: ubuntu-latest\n"                                                        // 4
      "    steps:\n"                                                                        // 5
      "      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1\n"  // 6
      "      - name: Setup\n"                                                               // 7
      "        uses: \"actions/setup-node@v4\"   #pin@v4   \n"                              // 8
      "      - uses: docker/login-action@v3\n"                                              // 9
      "      - uses: 'owner/repo#x@v1'\n"                                                   // 10
      "  call:\n"                                                                           // 11
      "    uses: org/shared/.github/workflows/ci.yml@0123456789abcdef0123456789abcdef01234567 "
      "## v2.0.0\n"              // 12
      "    secrets: inherit\n";  // 13
  RepoModel model = model_of(".github/workflows/ci.yml", text);
  ASSERT_EQ(model.workflows.size(), 1u);
  const Workflow& workflow = model.workflows[0];
  ASSERT_EQ(workflow.jobs.size(), 2u);
  const auto& steps = workflow.jobs[0].steps;
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].uses_line, 6);
  EXPECT_EQ(steps[0].uses_comment, "v4.1.1");
  EXPECT_EQ(steps[1].line, 7);
  EXPECT_EQ(steps[1].uses_line, 8);
  EXPECT_EQ(steps[1].uses_comment, "pin@v4");
  EXPECT_EQ(steps[2].uses_comment, "");
  EXPECT_EQ(steps[3].uses_comment, "");  // a '#' inside quotes is not a comment

  const Job& call = workflow.jobs[1];
  EXPECT_EQ(call.uses_line, 12);
  EXPECT_EQ(call.uses_comment, "v2.0.0");
  EXPECT_TRUE(call.secrets_inherit);
  EXPECT_EQ(call.secrets_line, 13);
}

TEST(LineFacts, ScriptLinesOfBlockAndPlainRuns) {
  const char* text =
      "on: push\n"                                     // 1
      "jobs:\n"                                        // 2
      "  test:\n"                                      // 3
      "    runs-on: ubuntu-latest\n"                   // 4
      "    steps:\n"                                   // 5
      "      - run: make test\n"                       // 6
      "      - run: |\n"                               // 7
      "          npm ci\n"                             // 8
      "\n"                                             // 9
      "          npm test\n"                           // 10
      "      - run: >-\n"                              // 11
      "          echo one\n"                           // 12
      "          two\n"                                // 13
      "      - if: github.ref == 'refs/heads/main'\n"  // 14
      "        run: \"echo quoted\"\n";                // 15
  RepoModel model = model_of(".github/workflows/ci.yml", text);
  ASSERT_EQ(model.workflows.size(), 1u);
  const auto& steps = model.workflows[0].jobs[0].steps;
  ASSERT_EQ(steps.size(), 4u);

  EXPECT_EQ(steps[0].script_line, 6);
  EXPECT_TRUE(steps[0].script_lines_exact);
  EXPECT_EQ(steps[0].run_line_at(0), 6);

  EXPECT_EQ(steps[1].script_line, 8);
  EXPECT_TRUE(steps[1].script_lines_exact);
  EXPECT_EQ(steps[1].run_line_at(0), 8);
  EXPECT_EQ(steps[1].run_line_at(2), 10);  // blank lines keep their place

  EXPECT_EQ(steps[2].script_line, 12);
  EXPECT_FALSE(steps[2].script_lines_exact);  // folded: lines are joined
  EXPECT_EQ(steps[2].run_line_at(1), 12);

  EXPECT_EQ(steps[3].if_line, 14);
  EXPECT_EQ(steps[3].script_line, 15);
  EXPECT_EQ(steps[3].run_line_at(0), 15);
}

TEST(LineFacts, CompositeActionStepsGetCommentsAndScriptLines) {
  const char* text =
      "name: setup\n"                                        // 1
      "runs:\n"                                              // 2
      "  using: composite\n"                                 // 3
      "  steps:\n"                                           // 4
      "    - uses: actions/cache@v4 # v4.0.2\n"              // 5
      "    - shell: bash\n"                                  // 6
      "      run: |\n"                                       // 7
      "        echo \"${{ github.event.issue.title }}\"\n";  // 8
  RepoModel model = model_of(".github/actions/setup/action.yml", text);
  ASSERT_EQ(model.actions.size(), 1u);
  const auto& steps = model.actions[0].steps;
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].uses_line, 5);
  EXPECT_EQ(steps[0].uses_comment, "v4.0.2");
  EXPECT_EQ(steps[1].run_line_at(0), 8);
}

TEST(LineFacts, GitlabScriptBlocksStartAfterTheirIndicator) {
  const char* text =
      "test:\n"                                         // 1
      "  image: python:3.12\n"                          // 2
      "  script:\n"                                     // 3
      "    - pip install pytest\n"                      // 4
      "    - |\n"                                       // 5
      "      echo one\n"                                // 6
      "      curl -sSL https://x.example/i.sh | sh\n";  // 7
  RepoModel model = model_of(".gitlab-ci.yml", text);
  ASSERT_EQ(model.workflows.size(), 1u);
  const auto& steps = model.workflows[0].jobs[0].steps;
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].run_line_at(0), 4);
  EXPECT_EQ(steps[1].run_line_at(0), 6);
  EXPECT_EQ(steps[1].run_line_at(1), 7);
}

TEST(LineFacts, JobEnvIfAndContainerCredentials) {
  const char* text =
      "on: pull_request\n"                                     // 1
      "jobs:\n"                                                // 2
      "  build:\n"                                             // 3
      "    if: github.actor != 'dependabot[bot]'\n"            // 4
      "    runs-on: ubuntu-latest\n"                           // 5
      "    env:\n"                                             // 6
      "      TITLE: ${{ github.event.pull_request.title }}\n"  // 7
      "    container:\n"                                       // 8
      "      image: ghcr.io/acme/builder:1.2\n"                // 9
      "      credentials:\n"                                   // 10
      "        username: bot\n"                                // 11
      "        password: hunter2\n"                            // 12
      "    services:\n"                                        // 13
      "      db:\n"                                            // 14
      "        image: postgres:16\n"                           // 15
      "    steps:\n"                                           // 16
      "      - run: echo hi\n";                                // 17
  RepoModel model = model_of(".github/workflows/ci.yml", text);
  ASSERT_EQ(model.workflows.size(), 1u);
  const Job& job = model.workflows[0].jobs[0];
  EXPECT_EQ(job.if_line, 4);
  ASSERT_EQ(job.env.size(), 1u);
  EXPECT_EQ(job.env[0].key, "TITLE");
  EXPECT_EQ(job.env[0].line, 7);
  ASSERT_TRUE(job.container.has_value());
  ASSERT_EQ(job.container->credentials.size(), 2u);
  EXPECT_EQ(job.container->credentials[1].key, "password");
  EXPECT_EQ(job.container->credentials[1].value, "hunter2");
  EXPECT_EQ(job.container->credentials[1].line, 12);
  ASSERT_EQ(job.services.size(), 1u);
  EXPECT_TRUE(job.services[0].credentials.empty());
}

}  // namespace
}  // namespace golive::model

namespace golive::model {
namespace {

TEST(GitlabDefaults, DefaultSectionGivesImageServicesAndScripts) {
  const char* text =
      "default:\n"                          // 1
      "  image: ruby:3.3\n"                 // 2
      "  services: [redis:7.2]\n"           // 3
      "  before_script:\n"                  // 4
      "    - bundle install\n"              // 5
      "  after_script:\n"                   // 6
      "    - echo done\n"                   // 7
      "rspec:\n"                            // 8
      "  script:\n"                         // 9
      "    - bundle exec rspec\n"           // 10
      "lint:\n"                             // 11
      "  image: ruby:3.3-slim\n"            // 12
      "  before_script: []\n"               // 13
      "  script: [bundle exec rubocop]\n";  // 14
  RepoModel model;
  add_file(model, ".gitlab-ci.yml", text, BuildOptions{});
  ASSERT_EQ(model.workflows.size(), 1u);
  const auto& jobs = model.workflows[0].jobs;
  ASSERT_EQ(jobs.size(), 2u);
  ASSERT_TRUE(jobs[0].container.has_value());
  EXPECT_EQ(jobs[0].container->image, "ruby:3.3");
  EXPECT_EQ(jobs[0].container->line, 2);
  ASSERT_EQ(jobs[0].services.size(), 1u);
  EXPECT_EQ(jobs[0].services[0].image, "redis:7.2");
  ASSERT_EQ(jobs[0].steps.size(), 3u);
  EXPECT_EQ(jobs[0].steps[0].run, "bundle install");
  EXPECT_EQ(jobs[0].steps[0].run_line_at(0), 5);
  EXPECT_EQ(jobs[0].steps[2].run, "echo done");
  EXPECT_EQ(jobs[1].container->image, "ruby:3.3-slim");
  ASSERT_EQ(jobs[1].steps.size(), 2u);  // its own empty before_script wins; after_script inherits
  EXPECT_EQ(jobs[1].steps[0].run, "bundle exec rubocop");
}

}  // namespace
}  // namespace golive::model
