#include "model/builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/temp_dir.h"

namespace golive::model {
namespace {

using golive::testing::TempDir;

RepoModel model_of(const std::string& path, std::string_view content) {
  RepoModel model;
  add_file(model, path, content, BuildOptions{});
  return model;
}

TEST(AddFile, WorkflowYieldsTriggersJobsAndSteps) {
  const char* text =
      "name: CI\n"
      "on:\n"
      "  push:\n"
      "    branches: [main]\n"
      "  pull_request:\n"
      "jobs:\n"
      "  build:\n"
      "    name: Build\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - uses: actions/checkout@v4\n"
      "      - name: Test\n"
      "        run: npm test\n"
      "        continue-on-error: true\n"
      "  deploy:\n"
      "    needs: [build]\n"
      "    uses: ./.github/workflows/deploy.yml\n"
      "    continue-on-error: yes\n";
  RepoModel model = model_of(".github/workflows/ci.yml", text);
  ASSERT_EQ(model.files.size(), 1u);
  EXPECT_EQ(model.files[0].kind, walk::FileKind::kGithubWorkflow);
  EXPECT_FALSE(model.files[0].binary);
  EXPECT_EQ(model.files[0].size, std::string_view(text).size());
  EXPECT_TRUE(model.parse_problems.empty());
  ASSERT_EQ(model.yaml_files.size(), 1u);
  ASSERT_EQ(model.workflows.size(), 1u);

  const Workflow& workflow = model.workflows[0];
  EXPECT_EQ(workflow.path, ".github/workflows/ci.yml");
  EXPECT_EQ(workflow.name, "CI");
  ASSERT_EQ(workflow.triggers.size(), 2u);
  EXPECT_EQ(workflow.triggers[0].event, "push");
  EXPECT_EQ(workflow.triggers[0].line, 3);
  EXPECT_EQ(workflow.triggers[1].event, "pull_request");
  EXPECT_EQ(workflow.triggers[1].line, 5);
  ASSERT_NE(workflow.trigger("pull_request"), nullptr);
  EXPECT_EQ(workflow.trigger("schedule"), nullptr);

  ASSERT_EQ(workflow.jobs.size(), 2u);
  const Job& build = workflow.jobs[0];
  EXPECT_EQ(build.id, "build");
  EXPECT_EQ(build.name, "Build");
  EXPECT_EQ(build.line, 7);
  EXPECT_FALSE(build.continue_on_error);
  ASSERT_EQ(build.steps.size(), 2u);
  EXPECT_EQ(build.steps[0].uses, "actions/checkout@v4");
  EXPECT_EQ(build.steps[0].line, 11);
  EXPECT_EQ(build.steps[1].name, "Test");
  EXPECT_EQ(build.steps[1].run, "npm test");
  EXPECT_EQ(build.steps[1].line, 12);
  EXPECT_TRUE(build.steps[1].continue_on_error);

  const Job& deploy = workflow.jobs[1];
  EXPECT_EQ(deploy.id, "deploy");
  EXPECT_EQ(deploy.line, 15);
  EXPECT_EQ(deploy.uses, "./.github/workflows/deploy.yml");
  EXPECT_EQ(deploy.needs, (std::vector<std::string>{"build"}));
  EXPECT_TRUE(deploy.continue_on_error);
  EXPECT_TRUE(deploy.steps.empty());
}

TEST(AddFile, WorkflowTriggerForms) {
  RepoModel scalar = model_of(".github/workflows/a.yml", "on: push\njobs: {}\n");
  ASSERT_EQ(scalar.workflows.size(), 1u);
  ASSERT_EQ(scalar.workflows[0].triggers.size(), 1u);
  EXPECT_EQ(scalar.workflows[0].triggers[0].event, "push");
  EXPECT_EQ(scalar.workflows[0].triggers[0].line, 1);

  RepoModel list = model_of(".github/workflows/b.yml", "on: [push, workflow_dispatch]\n");
  ASSERT_EQ(list.workflows.size(), 1u);
  ASSERT_EQ(list.workflows[0].triggers.size(), 2u);
  EXPECT_EQ(list.workflows[0].triggers[1].event, "workflow_dispatch");

  // Some tools rewrite the YAML 1.1 boolean key "on" as "true".
  RepoModel truthy = model_of(".github/workflows/c.yml", "true:\n  schedule: []\n");
  ASSERT_EQ(truthy.workflows.size(), 1u);
  ASSERT_EQ(truthy.workflows[0].triggers.size(), 1u);
  EXPECT_EQ(truthy.workflows[0].triggers[0].event, "schedule");
  EXPECT_EQ(truthy.workflows[0].triggers[0].line, 2);
}

TEST(AddFile, InvalidWorkflowIsAParseProblemAndNoWorkflow) {
  RepoModel model = model_of(".github/workflows/ci.yml", "on: [push\njobs:\n");
  EXPECT_TRUE(model.workflows.empty());
  EXPECT_TRUE(model.yaml_files.empty());
  ASSERT_EQ(model.parse_problems.size(), 1u);
  EXPECT_EQ(model.parse_problems[0].path, ".github/workflows/ci.yml");
  EXPECT_EQ(model.parse_problems[0].issue.kind, "invalid-yaml");
  ASSERT_EQ(model.files.size(), 1u);  // the file is still known
}

TEST(AddFile, DisabledWorkflowIsNotParsed) {
  RepoModel model = model_of(".github/workflows/ci.yml.disabled", "on: push\n");
  ASSERT_EQ(model.files.size(), 1u);
  EXPECT_EQ(model.files[0].kind, walk::FileKind::kDisabledWorkflow);
  EXPECT_TRUE(model.workflows.empty());
  EXPECT_TRUE(model.yaml_files.empty());
}

TEST(AddFile, KubernetesManifestsYieldObjects) {
  const char* text =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: api\n"
      "  namespace: prod\n"
      "---\n"
      "# not an object\n"
      "foo: bar\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata:\n"
      "  name: api-svc\n";
  RepoModel model = model_of("deploy/k8s/api.yaml", text);
  ASSERT_EQ(model.k8s_objects.size(), 2u);
  const K8sObject& deployment = model.k8s_objects[0];
  EXPECT_EQ(deployment.path, "deploy/k8s/api.yaml");
  EXPECT_EQ(deployment.document, 0u);
  EXPECT_EQ(deployment.line, 1);
  EXPECT_EQ(deployment.api_version, "apps/v1");
  EXPECT_EQ(deployment.kind, "Deployment");
  EXPECT_EQ(deployment.name, "api");
  EXPECT_EQ(deployment.namespace_name, "prod");
  const K8sObject& service = model.k8s_objects[1];
  EXPECT_EQ(service.document, 2u);
  EXPECT_EQ(service.line, 10);
  EXPECT_EQ(service.kind, "Service");
  EXPECT_EQ(service.name, "api-svc");
  EXPECT_EQ(service.namespace_name, "");
  ASSERT_EQ(model.yaml_files.size(), 1u);
  EXPECT_EQ(model.yaml_files[0].documents.size(), 3u);
}

TEST(AddFile, HelmTemplatesAreNotParsedAsYaml) {
  RepoModel model =
      model_of("charts/api/templates/deploy.yaml",
               "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
  EXPECT_TRUE(model.yaml_files.empty());
  EXPECT_TRUE(model.k8s_objects.empty());
  EXPECT_TRUE(model.parse_problems.empty());
}

TEST(AddFile, PackageJsonWithDotenvExpectsAnEnvFile) {
  const char* text =
      "{\n"
      "  \"name\": \"web\",\n"
      "  \"dependencies\": {\n"
      "    \"express\": \"^4.0.0\",\n"
      "    \"dotenv\": \"^16.0.0\"\n"
      "  }\n"
      "}\n";
  RepoModel model = model_of("web/package.json", text);
  ASSERT_EQ(model.ecosystems.size(), 1u);
  EXPECT_EQ(model.ecosystems[0].name, "npm");
  EXPECT_EQ(model.ecosystems[0].manifest, "web/package.json");
  EXPECT_EQ(model.ecosystems[0].directory, "web");
  EXPECT_TRUE(model.has_ecosystem("npm"));
  ASSERT_EQ(model.env_expectations.size(), 1u);
  EXPECT_EQ(model.env_expectations[0].path, "web/package.json");
  EXPECT_EQ(model.env_expectations[0].line, 5);
  EXPECT_EQ(model.env_expectations[0].reason, "depends on dotenv");
}

TEST(AddFile, PackageJsonWithoutDotenvExpectsNothing) {
  RepoModel model = model_of("package.json", "{\"dependencies\": {\"dotenv-cli\": \"1\"}}");
  ASSERT_EQ(model.ecosystems.size(), 1u);
  EXPECT_EQ(model.ecosystems[0].directory, ".");
  EXPECT_TRUE(model.env_expectations.empty());
}

TEST(AddFile, InvalidPackageJsonIsAnInvalidJsonProblem) {
  RepoModel model = model_of("package.json", "{\n  \"name\": \"x\",\n}\n");
  ASSERT_EQ(model.parse_problems.size(), 1u);
  EXPECT_EQ(model.parse_problems[0].issue.kind, "invalid-json");
  EXPECT_EQ(model.parse_problems[0].issue.line, 3);
  EXPECT_EQ(model.ecosystems.size(), 1u);  // still an npm project
  EXPECT_TRUE(model.env_expectations.empty());
}

TEST(AddFile, PythonRequirementsWithDotenv) {
  RepoModel model = model_of("requirements.txt", "flask==3.0\npython-dotenv>=1.0\n");
  ASSERT_EQ(model.env_expectations.size(), 1u);
  EXPECT_EQ(model.env_expectations[0].line, 2);
  EXPECT_EQ(model.env_expectations[0].reason, "depends on python-dotenv");
  EXPECT_TRUE(model.has_ecosystem("python"));

  RepoModel lookalike = model_of("requirements.txt", "notdotenv==1\ndotenvx==2\n");
  EXPECT_TRUE(lookalike.env_expectations.empty());
}

TEST(AddFile, ComposeEnvFileIsAnExpectation) {
  const char* text =
      "services:\n"
      "  api:\n"
      "    image: api\n"
      "    env_file: .env\n"
      "  worker:\n"
      "    env_file:\n"
      "      - ./common.env\n"
      "      - path: ./worker.env\n"
      "        required: false\n"
      "  db:\n"
      "    image: postgres\n";
  RepoModel model = model_of("docker-compose.yml", text);
  EXPECT_TRUE(model.parse_problems.empty());
  ASSERT_EQ(model.env_expectations.size(), 3u);
  EXPECT_EQ(model.env_expectations[0].path, "docker-compose.yml");
  EXPECT_EQ(model.env_expectations[0].line, 4);
  EXPECT_EQ(model.env_expectations[0].reason, "service 'api' loads env_file .env");
  EXPECT_EQ(model.env_expectations[1].line, 7);
  EXPECT_EQ(model.env_expectations[1].reason, "service 'worker' loads env_file ./common.env");
  EXPECT_EQ(model.env_expectations[2].line, 8);
  EXPECT_EQ(model.env_expectations[2].reason, "service 'worker' loads env_file ./worker.env");
}

TEST(AddFile, BinaryContentIsMarkedAndNotParsed) {
  const std::string content("apiVersion: v1\nkind: Secret\n\0\0\0", 31);
  RepoModel model = model_of("k8s/secret.yaml", content);
  ASSERT_EQ(model.files.size(), 1u);
  EXPECT_TRUE(model.files[0].binary);
  EXPECT_EQ(model.files[0].size, 31u);
  EXPECT_TRUE(model.yaml_files.empty());
  EXPECT_TRUE(model.k8s_objects.empty());
  EXPECT_TRUE(model.parse_problems.empty());

  // Not even suppressions or docs are read from a binary file.
  const std::string doc("# golive:ignore docs/missing-adr -- x\n\0", 39);
  RepoModel binary_doc = model_of("README.md", doc);
  EXPECT_TRUE(binary_doc.files[0].binary);
  EXPECT_TRUE(binary_doc.docs.empty());
  EXPECT_TRUE(binary_doc.suppressions.empty());
}

TEST(AddFile, DockerfilesEnvFilesDocsAndSuppressions) {
  RepoModel model;
  BuildOptions options;
  add_file(model, ".env", "A=1\nbroken line\n", options);
  add_file(model, ".env.example", "A=\n", options);
  add_file(model, "Dockerfile", "FROM node:20\nRUNN x\n", options);
  add_file(model, "README.md", "# App\n<!-- golive:ignore docs/missing-adr -- later -->\n",
           options);

  ASSERT_EQ(model.env_files.size(), 2u);
  EXPECT_EQ(model.env_files[0].path, ".env");
  EXPECT_FALSE(model.env_files[0].is_template);
  EXPECT_EQ(model.env_files[0].parsed.entries.size(), 1u);
  EXPECT_EQ(model.env_files[0].parsed.issues.size(), 1u);
  EXPECT_TRUE(model.env_files[1].is_template);

  ASSERT_EQ(model.dockerfiles.size(), 1u);
  ASSERT_EQ(model.dockerfiles[0].parsed.stages.size(), 1u);
  EXPECT_EQ(model.dockerfiles[0].parsed.stages[0].image, "node:20");
  // Env and Dockerfile issues become parse problems, in the order the files came.
  ASSERT_EQ(model.parse_problems.size(), 2u);
  EXPECT_EQ(model.parse_problems[0].path, ".env");
  EXPECT_EQ(model.parse_problems[0].issue.kind, "invalid-env");
  EXPECT_EQ(model.parse_problems[0].issue.line, 2);
  EXPECT_EQ(model.parse_problems[1].path, "Dockerfile");
  EXPECT_EQ(model.parse_problems[1].issue.kind, "invalid-dockerfile");
  EXPECT_EQ(model.parse_problems[1].issue.line, 2);

  ASSERT_NE(model.doc("README.md"), nullptr);
  EXPECT_EQ(model.doc("README.md")->text.substr(0, 5), "# App");
  ASSERT_EQ(model.suppressions.count("README.md"), 1u);
  EXPECT_EQ(model.suppressions["README.md"][0].rule_id, "docs/missing-adr");
  EXPECT_EQ(model.suppressions["README.md"][0].line, 2);

  EXPECT_EQ(model.files.size(), 4u);
  EXPECT_TRUE(model.has_kind(walk::FileKind::kDockerfile));
  EXPECT_FALSE(model.has_kind(walk::FileKind::kGithubWorkflow));
  EXPECT_EQ(model.files_of(walk::FileKind::kEnvFile).size(), 1u);
}

TEST(AddFile, AliasBudgetComesFromTheOptions) {
  BuildOptions options;
  options.alias_expansion_budget = 3;
  RepoModel model;
  add_file(model, "config.yaml", "a: &a [1, 2, 3]\nb: *a\n", options);
  EXPECT_TRUE(model.yaml_files.empty());
  ASSERT_EQ(model.parse_problems.size(), 1u);
  EXPECT_NE(model.parse_problems[0].issue.message.find("budget of 3"), std::string::npos);
}

std::vector<std::string> paths_of(const RepoModel& model) {
  std::vector<std::string> paths;
  for (const auto& file : model.files) paths.push_back(file.path);
  return paths;
}

TEST(BuildModel, FilesAreSortedByPathWhateverTheThreadCount) {
  TempDir dir;
  dir.write(".gitignore", "ignored/\n");
  dir.write("ignored/x.yml", "a: 1\n");
  dir.write(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    steps: []\n");
  dir.write(".github/workflows/release.yml", "on: [release]\n");
  dir.write("b.json", "{\"b\": 1}");
  dir.write("a.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n");
  dir.write("web/package.json", "{\"dependencies\": {\"dotenv\": \"1\"}}");
  dir.write("big.txt", std::string(5000, 'x'));
  for (int i = 0; i < 50; ++i) dir.write("many/f" + std::to_string(i) + ".md", "# doc\n");

  BuildOptions options;
  options.walk.root = dir.str();
  options.walk.max_file_size = 4096;

  std::vector<std::vector<std::string>> runs;
  for (unsigned workers : {1u, 4u}) {
    core::ThreadPool pool(workers);
    auto model = build_model(options, pool);
    ASSERT_TRUE(model.ok());
    std::vector<std::string> paths = paths_of(*model);
    EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end())) << workers << " workers";
    EXPECT_EQ(paths.size(), 56u);
    EXPECT_EQ(model->root, dir.str());
    ASSERT_EQ(model->workflows.size(), 2u);
    EXPECT_EQ(model->workflows[0].path, ".github/workflows/ci.yml");
    EXPECT_EQ(model->workflows[1].path, ".github/workflows/release.yml");
    ASSERT_EQ(model->yaml_files.size(), 5u);
    EXPECT_EQ(model->yaml_files[0].path, ".github/workflows/ci.yml");
    EXPECT_EQ(model->yaml_files[4].path, "web/package.json");
    ASSERT_EQ(model->k8s_objects.size(), 1u);
    EXPECT_EQ(model->k8s_objects[0].name, "cm");
    ASSERT_EQ(model->env_expectations.size(), 1u);
    EXPECT_EQ(model->docs.size(), 50u);
    ASSERT_EQ(model->skipped.size(), 1u);
    EXPECT_EQ(model->skipped[0].rel_path, "big.txt");
    EXPECT_NE(model->file("a.yml"), nullptr);
    EXPECT_EQ(model->file("ignored/x.yml"), nullptr);
    runs.push_back(std::move(paths));
  }
  EXPECT_EQ(runs[0], runs[1]);
}

TEST(AddFile, SecretDetectionFollowsTheOption) {
  // Assembled at run time so that this file holds no literal golive would flag.
  const std::string token = std::string("gh") + "p_" + "R8fK2mQz9LwT4vXy7NbH3jPc6sDa1eUg0iKo";
  const std::string content = "token = \"" + token + "\"\n";
  RepoModel with;
  add_file(with, "app.py", content, BuildOptions{});
  ASSERT_EQ(with.secret_findings.size(), 1u);
  EXPECT_EQ(with.secret_findings[0].rule_id, "secrets/github-pat");
  BuildOptions off;
  off.find_secrets = false;
  RepoModel without;
  add_file(without, "app.py", content, off);
  EXPECT_TRUE(without.secret_findings.empty());
  EXPECT_EQ(without.files.size(), 1u);
}

}  // namespace
}  // namespace golive::model
