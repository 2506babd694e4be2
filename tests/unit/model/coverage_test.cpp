// Coverage thresholds, task scripts and gate facts read at build time, and the CI command
// queries the ci gate rules share (model/coverage.cpp, projects.cpp, ci_commands.cpp and
// command_reach.cpp).
#include "model/coverage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"
#include "model/workflows.h"

namespace golive::model {
namespace {

RepoModel model_of(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  std::sort(model.files.begin(), model.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  link_local_actions(model);
  derive_gate_facts(model);
  return model;
}

const CoverageThreshold* threshold_in(const RepoModel& model, std::string_view path) {
  for (const auto& threshold : model.coverage.thresholds) {
    if (threshold.path == path) return &threshold;
  }
  return nullptr;
}

bool has_fact(const RepoModel& model, ProjectFactKind kind, std::string_view ecosystem) {
  return std::any_of(
      model.coverage.facts.begin(), model.coverage.facts.end(),
      [&](const ProjectFact& fact) { return fact.kind == kind && fact.ecosystem == ecosystem; });
}

bool covered(const RepoModel& model, const Project& project, StepKind kind) {
  const auto& commands = ci_commands(model);
  return std::any_of(commands.begin(), commands.end(), [&](const CiCommand& command) {
    return command_covers(command, project, kind);
  });
}

const char* kWorkflowHead =
    "name: ci\n"
    "on: [pull_request]\n"
    "jobs:\n";

TEST(CoverageThresholds, ReadFromCommandFlags) {
  auto one = [](std::string_view command) {
    auto found = thresholds_in_command(command);
    return found.empty() ? CoverageThreshold{} : found.front();
  };
  EXPECT_EQ(one("pytest --cov=app --cov-fail-under=85").value, 85);
  EXPECT_EQ(one("pytest --cov=app --cov-fail-under=85").tool, "pytest-cov");
  EXPECT_EQ(one("pytest --cov-fail-under 72.5").value, 72.5);
  EXPECT_EQ(one("coverage report --fail-under=90").tool, "coverage.py");
  EXPECT_EQ(one("nyc --check-coverage --lines 75 mocha").value, 75);
  EXPECT_EQ(one("c8 --check-coverage --lines=95 node --test").tool, "c8");
  EXPECT_EQ(one("vitest run --coverage.thresholds.lines=70").value, 70);
  EXPECT_EQ(one("jest --coverageThreshold='{\"global\":{\"lines\":65}}'").value, 65);
  EXPECT_EQ(one("go-test-coverage --config=.tc.yml --threshold-total=80").ecosystem, "go");
  EXPECT_EQ(one("cargo llvm-cov --fail-under-lines 60").tool, "cargo-llvm-cov");
  EXPECT_EQ(one("gcovr -r . --fail-under-line 50").ecosystem, "cmake");
  EXPECT_TRUE(thresholds_in_command("pytest --cov=app").empty());
  EXPECT_TRUE(thresholds_in_command("nyc --lines 90 mocha").empty());  // not checked
}

TEST(CoverageThresholds, ReadFromPackageJson) {
  RepoModel model = model_of({{"web/package.json",
                               "{\n"
                               "  \"scripts\": {\n"
                               "    \"test\": \"jest\",\n"
                               "    \"test:ci\": \"c8 --check-coverage --lines 70 jest\"\n"
                               "  },\n"
                               "  \"jest\": {\n"
                               "    \"collectCoverage\": true,\n"
                               "    \"coverageThreshold\": {\n"
                               "      \"global\": { \"branches\": 50, \"lines\": 60 }\n"
                               "    }\n"
                               "  },\n"
                               "  \"devDependencies\": { \"typescript\": \"^5.4.0\" }\n"
                               "}\n"}});
  ASSERT_EQ(model.coverage.thresholds.size(), 2u);
  const CoverageThreshold& script = model.coverage.thresholds[0];
  EXPECT_EQ(script.tool, "c8");
  EXPECT_EQ(script.line, 4);
  EXPECT_EQ(script.directory, "web");
  const CoverageThreshold& jest = model.coverage.thresholds[1];
  EXPECT_EQ(jest.tool, "jest");
  EXPECT_EQ(jest.metric, "lines");
  EXPECT_EQ(jest.value, 60);
  EXPECT_EQ(jest.line, 9);
  EXPECT_TRUE(has_fact(model, ProjectFactKind::kCollectsCoverage, "npm"));
  EXPECT_TRUE(has_fact(model, ProjectFactKind::kTyped, "npm"));
  ASSERT_EQ(model.coverage.scripts.size(), 2u);
  EXPECT_EQ(model.coverage.scripts[0].runner, "npm");
  EXPECT_EQ(model.coverage.scripts[0].name, "test");
  EXPECT_EQ(model.coverage.scripts[0].directory, "web");
  EXPECT_EQ(model.coverage.scripts[0].line, 3);
}

TEST(CoverageThresholds, ReadFromJavaScriptConfigs) {
  RepoModel model = model_of({{"jest.config.js",
                               "module.exports = {\n"
                               "  collectCoverage: true,\n"
                               "  coverageThreshold: {\n"
                               "    global: {\n"
                               "      statements: 70,\n"
                               "      lines: 75,\n"
                               "    },\n"
                               "  },\n"
                               "};\n"},
                              {"app/vitest.config.ts",
                               "export default defineConfig({\n"
                               "  test: {\n"
                               "    coverage: {\n"
                               "      enabled: true,\n"
                               "      thresholds: { 100: true },\n"
                               "    },\n"
                               "  },\n"
                               "});\n"},
                              {"lib/.nycrc", "{\"check-coverage\": true, \"lines\": 88}\n"}});
  const CoverageThreshold* jest = threshold_in(model, "jest.config.js");
  ASSERT_NE(jest, nullptr);
  EXPECT_EQ(jest->value, 75);
  EXPECT_EQ(jest->line, 6);
  const CoverageThreshold* vitest = threshold_in(model, "app/vitest.config.ts");
  ASSERT_NE(vitest, nullptr);
  EXPECT_EQ(vitest->value, 100);
  EXPECT_EQ(vitest->line, 5);
  const CoverageThreshold* nyc = threshold_in(model, "lib/.nycrc");
  ASSERT_NE(nyc, nullptr);
  EXPECT_EQ(nyc->value, 88);
  EXPECT_EQ(nyc->directory, "lib");
  EXPECT_EQ(std::count_if(model.coverage.facts.begin(), model.coverage.facts.end(),
                          [](const ProjectFact& fact) {
                            return fact.kind == ProjectFactKind::kCollectsCoverage;
                          }),
            2);
}

TEST(CoverageThresholds, ReadFromPythonConfigs) {
  RepoModel model = model_of({{"pytest.ini",
                               "[pytest]\n"
                               "# addopts = --cov-fail-under=10\n"
                               "addopts = --cov=app --cov-fail-under=82\n"},
                              {"setup.cfg",
                               "[coverage:report]\n"
                               "fail_under = 77\n"
                               "[mypy]\n"
                               "strict = True\n"},
                              {"svc/pyproject.toml",
                               "[tool.coverage.report]\n"
                               "show_missing = true\n"
                               "fail_under = 91.5\n"
                               "[tool.mypy]\n"},
                              {"svc/.coveragerc", "[report]\nfail_under = 66\n"},
                              {"tox.ini", "[testenv]\ncommands = coverage run -m pytest\n"}});
  const CoverageThreshold* pytest = threshold_in(model, "pytest.ini");
  ASSERT_NE(pytest, nullptr);
  EXPECT_EQ(pytest->value, 82);  // the commented line does not count
  EXPECT_EQ(pytest->line, 3);
  EXPECT_EQ(threshold_in(model, "setup.cfg")->value, 77);
  EXPECT_EQ(threshold_in(model, "svc/pyproject.toml")->value, 91.5);
  EXPECT_EQ(threshold_in(model, "svc/pyproject.toml")->line, 3);
  EXPECT_EQ(threshold_in(model, "svc/.coveragerc")->value, 66);
  int typed = 0;
  int collects = 0;
  for (const auto& fact : model.coverage.facts) {
    typed += fact.kind == ProjectFactKind::kTyped ? 1 : 0;
    collects += fact.kind == ProjectFactKind::kCollectsCoverage ? 1 : 0;
  }
  EXPECT_EQ(typed, 2);     // [mypy] in setup.cfg, [tool.mypy] in pyproject.toml
  EXPECT_EQ(collects, 2);  // --cov in pytest.ini, coverage run in tox.ini
}

TEST(CoverageThresholds, ReadFromCodecovAndGoTestCoverage) {
  RepoModel model = model_of({{".github/codecov.yml",
                               "coverage:\n"
                               "  status:\n"
                               "    project:\n"
                               "      default:\n"
                               "        target: auto\n"
                               "      api:\n"
                               "        target: 75%\n"
                               "      docs:\n"
                               "        target: 10%\n"
                               "        informational: true\n"},
                              {".testcoverage.yml", "threshold:\n  total: 83\n"}});
  ASSERT_EQ(model.coverage.thresholds.size(), 2u);
  EXPECT_EQ(model.coverage.thresholds[0].tool, "codecov");
  EXPECT_EQ(model.coverage.thresholds[0].value, 75);
  EXPECT_EQ(model.coverage.thresholds[0].line, 7);
  EXPECT_EQ(model.coverage.thresholds[0].ecosystem, "");
  EXPECT_EQ(model.coverage.thresholds[1].tool, "go-test-coverage");
  EXPECT_EQ(model.coverage.thresholds[1].value, 83);
}

TEST(CoverageThresholds, ReadFromWorkflowRunLinesAndInputs) {
  RepoModel model = model_of({{".github/workflows/ci.yml",
                               std::string(kWorkflowHead) +
                                   "  test:\n"
                                   "    runs-on: ubuntu-latest\n"
                                   "    steps:\n"
                                   "      - run: |\n"
                                   "          pip install -e .\n"
                                   "          pytest --cov=app --cov-fail-under=60\n"
                                   "      - run: pytest  # --cov-fail-under=80 lives in setup.cfg\n"
                                   "      - uses: vladopajic/go-test-coverage@v2\n"
                                   "        with:\n"
                                   "          threshold-total: 70\n"}});
  ASSERT_EQ(model.coverage.thresholds.size(), 2u);
  EXPECT_EQ(model.coverage.thresholds[0].value, 60);
  EXPECT_EQ(model.coverage.thresholds[0].line, 9);
  EXPECT_EQ(model.coverage.thresholds[0].directory, "");
  EXPECT_EQ(model.coverage.thresholds[1].value, 70);
  EXPECT_EQ(model.coverage.thresholds[1].line, 13);
  EXPECT_EQ(model.coverage.thresholds[1].ecosystem, "go");
}

TEST(CoverageThresholds, ReadFromJvmBuilds) {
  RepoModel model = model_of({{"pom.xml",
                               "<project>\n"
                               "  <artifactId>jacoco-maven-plugin</artifactId>\n"
                               "  <limit><minimum>0.65</minimum></limit>\n"
                               "  <artifactId>maven-checkstyle-plugin</artifactId>\n"
                               "</project>\n"}});
  const CoverageThreshold* jacoco = threshold_in(model, "pom.xml");
  ASSERT_NE(jacoco, nullptr);
  EXPECT_EQ(jacoco->value, 65);
  EXPECT_EQ(jacoco->line, 3);
  EXPECT_TRUE(has_fact(model, ProjectFactKind::kCollectsCoverage, "maven"));
  EXPECT_TRUE(has_fact(model, ProjectFactKind::kLintInBuild, "maven"));
}

TEST(TaskScripts, MakefileTargetsRecipesAndPrerequisites) {
  RepoModel model = model_of({{"api/Makefile",
                               "PY := python3\n"
                               ".PHONY: test lint\n"
                               "test: deps lint\n"
                               "\t@$(PY) -m pytest \\\n"
                               "\t  --cov=api\n"
                               "\t$(MAKE) report\n"
                               "lint deps:\n"
                               "\truff check .\n"}});
  const auto& scripts = model.coverage.scripts;
  ASSERT_EQ(scripts.size(), 3u);
  EXPECT_EQ(scripts[0].name, "test");
  EXPECT_EQ(scripts[0].runner, "make");
  EXPECT_EQ(scripts[0].directory, "api");
  EXPECT_EQ(scripts[0].line, 3);
  EXPECT_EQ(scripts[0].prerequisites, (std::vector<std::string>{"deps", "lint"}));
  EXPECT_EQ(scripts[0].command, "$(PY) -m pytest --cov=api\nmake report");
  EXPECT_EQ(scripts[1].name, "lint");
  EXPECT_EQ(scripts[2].name, "deps");
  EXPECT_EQ(scripts[2].command, "ruff check .");
}

TEST(GateProjects, GroupByDirectoryWithSources) {
  RepoModel model = model_of({
      {"CMakeLists.txt", "project(x)\n"},
      {"src/CMakeLists.txt", "add_library(x x.cpp)\n"},
      {"src/x.cpp", "int x;\n"},
      {"services/api/pyproject.toml", "[project]\nname = \"api\"\n"},
      {"services/api/requirements.txt", "flask\n"},
      {"services/api/app.py", "app = 1\n"},
      {"tools/package.json", "{\"private\": true}\n"},
      {"examples/demo/package.json", "{}\n"},
      {"examples/demo/index.js", "1;\n"},
      {"docs/requirements.txt", "mkdocs\n"},
      {"docs/conf.py", "x = 1\n"},
  });
  const auto& projects = gate_projects(model);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].ecosystem, "cmake");
  EXPECT_EQ(projects[0].directory, ".");
  EXPECT_EQ(project_place(projects[0]), "at the repository root");
  EXPECT_EQ(projects[1].ecosystem, "python");
  EXPECT_EQ(projects[1].directory, "services/api");
  EXPECT_EQ(projects[1].manifest, "services/api/pyproject.toml");
  EXPECT_EQ(project_place(projects[1]), "under services/api");
}

TEST(CiCommands, WorkingDirectoriesCdAndMatrix) {
  RepoModel model =
      model_of({{".github/workflows/ci.yml",
                 std::string(kWorkflowHead) + "  test:\n"
                                              "    runs-on: ubuntu-latest\n"
                                              "    defaults:\n"
                                              "      run:\n"
                                              "        working-directory: backend\n"
                                              "    strategy:\n"
                                              "      matrix:\n"
                                              "        pkg: [a, b]\n"
                                              "    steps:\n"
                                              "      - run: |\n"
                                              "          cd api\n"
                                              "          pytest -q || true\n"
                                              "      - run: go test ./...\n"
                                              "        working-directory: libs/${{ matrix.pkg }}\n"
                                              "      - run: npm test\n"}});
  const auto& commands = ci_commands(model);
  ASSERT_EQ(commands.size(), 4u);  // every simple command but cd, which carries to the next line
  EXPECT_EQ(commands[0].text, "pytest -q");
  EXPECT_EQ(commands[0].line, 15);
  EXPECT_EQ(commands[0].directories, (std::vector<std::string>{"backend/api"}));
  EXPECT_EQ(commands[0].segments, (std::vector<std::string>{"pytest -q", "true"}));
  EXPECT_EQ(commands[0].separators, (std::vector<std::string>{"||", ""}));
  EXPECT_EQ(commands[0].segment, 0u);
  EXPECT_EQ(commands[1].text, "true");
  EXPECT_EQ(commands[1].segment, 1u);
  EXPECT_EQ(commands[2].directories, (std::vector<std::string>{"libs/a", "libs/b"}));
  EXPECT_EQ(commands[3].directories, (std::vector<std::string>{"backend"}));
  EXPECT_EQ(commands[3].line, 18);
}

TEST(CiCommands, ReusableWorkflowInputsAndCompositeActions) {
  RepoModel model =
      model_of({{".github/actions/check/action.yml",
                 "name: check\n"
                 "inputs:\n"
                 "  dir:\n"
                 "    default: .\n"
                 "runs:\n"
                 "  using: composite\n"
                 "  steps:\n"
                 "    - run: npx eslint .\n"
                 "      shell: bash\n"
                 "      working-directory: ${{ inputs.dir }}\n"},
                {".github/workflows/ci.yml", std::string(kWorkflowHead) +
                                                 "  api:\n"
                                                 "    uses: ./.github/workflows/test.yml\n"
                                                 "    with:\n"
                                                 "      path: services/api\n"
                                                 "  lint:\n"
                                                 "    runs-on: ubuntu-latest\n"
                                                 "    steps:\n"
                                                 "      - uses: ./.github/actions/check\n"
                                                 "        with:\n"
                                                 "          dir: web\n"},
                {".github/workflows/test.yml",
                 "on:\n"
                 "  workflow_call:\n"
                 "    inputs:\n"
                 "      path:\n"
                 "        type: string\n"
                 "jobs:\n"
                 "  test:\n"
                 "    runs-on: ubuntu-latest\n"
                 "    steps:\n"
                 "      - run: pytest\n"
                 "        working-directory: ${{ inputs.path }}\n"}});
  const auto& commands = ci_commands(model);
  ASSERT_EQ(commands.size(), 2u);
  const CiCommand& eslint = commands[0];
  EXPECT_EQ(eslint.path, ".github/actions/check/action.yml");
  EXPECT_EQ(eslint.line, 8);
  EXPECT_EQ(eslint.directories, (std::vector<std::string>{"web"}));
  ASSERT_NE(eslint.workflow_step, nullptr);
  EXPECT_EQ(eslint.workflow_step->uses, "./.github/actions/check");
  const CiCommand& pytest = commands[1];
  EXPECT_EQ(pytest.path, ".github/workflows/test.yml");
  EXPECT_EQ(pytest.directories, (std::vector<std::string>{"services/api"}));
}

TEST(CiCommands, NpmScriptsAndMakeTargetsSayWhatTheyRun) {
  RepoModel model = model_of(
      {{"web/package.json",
        "{\"scripts\": {\"test\": \"vitest run --coverage\", \"check\": \"tsc --noEmit\"}}\n"},
       {"stub/package.json", "{\"scripts\": {\"test\": \"echo \\\"no tests\\\" && exit 0\"}}\n"},
       {"api/Makefile", "test:\n\tpytest --cov=api\n"},
       {".gitlab-ci.yml",
        "web:\n"
        "  script:\n"
        "    - cd web\n"
        "    - npm test\n"
        "    - yarn check\n"
        "stub:\n"
        "  script:\n"
        "    - npm --prefix stub test\n"
        "api:\n"
        "  script:\n"
        "    - make -C api test\n"}});
  const auto& commands = ci_commands(model);
  ASSERT_EQ(commands.size(), 4u);
  auto has = [](const CiCommand& command, StepKind kind, std::string_view ecosystem) {
    return std::any_of(command.kinds.begin(), command.kinds.end(),
                       [&](const auto& r) { return r.kind == kind && r.ecosystem == ecosystem; });
  };
  EXPECT_EQ(commands[0].directories, (std::vector<std::string>{"web"}));  // cd carries over
  EXPECT_TRUE(has(commands[0], StepKind::kTest, "npm"));
  EXPECT_TRUE(has(commands[0], StepKind::kCoverage, "npm"));
  EXPECT_TRUE(has(commands[1], StepKind::kTypecheck, "npm"));
  EXPECT_EQ(commands[2].directories, (std::vector<std::string>{"stub"}));
  EXPECT_TRUE(commands[2].kinds.empty());  // the test script only echoes
  EXPECT_TRUE(has(commands[3], StepKind::kTest, "python"));
  EXPECT_TRUE(has(commands[3], StepKind::kCoverage, "python"));
  EXPECT_FALSE(has(commands[3], StepKind::kTest, ""));
}

TEST(CiCommands, CoverageOfProjectsByDirectoryAndRunner) {
  RepoModel model = model_of({{".github/workflows/ci.yml",
                               std::string(kWorkflowHead) + "  checks:\n"
                                                            "    runs-on: ubuntu-latest\n"
                                                            "    steps:\n"
                                                            "      - run: shellcheck *.sh\n"
                                                            "      - run: make lint\n"
                                                            "      - run: pytest services/api\n"}});
  Project api{"python", "services/api", "services/api/pyproject.toml"};
  Project web{"npm", "services/web", "services/web/package.json"};
  Project tool{"go", "tools/gen", "tools/gen/go.mod"};
  EXPECT_TRUE(covered(model, api, StepKind::kTest));   // names the directory
  EXPECT_FALSE(covered(model, web, StepKind::kTest));  // python tests are not npm tests
  EXPECT_TRUE(covered(model, tool, StepKind::kLint));  // make lint, from the root
  RepoModel shellcheck_only = model_of(
      {{".github/workflows/ci.yml", std::string(kWorkflowHead) +
                                        "  checks:\n"
                                        "    runs-on: ubuntu-latest\n"
                                        "    steps:\n"
                                        "      - run: shellcheck *.sh && hadolint Dockerfile\n"}});
  EXPECT_FALSE(covered(shellcheck_only, tool, StepKind::kLint));
}

TEST(CiCommands, FactsBelongToTheDeepestProject) {
  std::vector<Project> projects = {{"npm", ".", "package.json"},
                                   {"npm", "web", "web/package.json"},
                                   {"python", "api", "api/pyproject.toml"}};
  EXPECT_TRUE(applies_to(projects, "npm", "web/config", projects[1]));
  EXPECT_FALSE(applies_to(projects, "npm", "web/config", projects[0]));
  EXPECT_TRUE(applies_to(projects, "npm", ".", projects[0]));
  EXPECT_FALSE(applies_to(projects, "npm", ".", projects[2]));
  EXPECT_TRUE(applies_to(projects, "", ".github", projects[2]));  // codecov: any project
  EXPECT_TRUE(applies_to(projects, "python", "", projects[2]));   // a CI flag: anywhere
  EXPECT_TRUE(within("a/b", "a"));
  EXPECT_FALSE(within("ab", "a"));
  EXPECT_EQ(normalise_directory("./a//b/../c/"), "a/c");
  EXPECT_EQ(normalise_directory("./"), ".");
}

}  // namespace
}  // namespace golive::model

namespace golive::model {
namespace {

bool recognises(std::string_view uses, std::string_view run, StepKind kind,
                std::string_view ecosystem) {
  auto found = recognise_step(uses, run);
  return std::any_of(found.begin(), found.end(), [&](const StepRecognition& r) {
    return r.kind == kind && r.ecosystem == ecosystem;
  });
}

TEST(GateStepKinds, RecogniseMoreLintersCheckersAndBuilds) {
  EXPECT_TRUE(recognises("", "cppcheck --error-exitcode=1 src", StepKind::kLint, "cmake"));
  EXPECT_TRUE(recognises("", "bundle exec rubocop", StepKind::kLint, "ruby"));
  EXPECT_TRUE(recognises("", "pre-commit run --all-files", StepKind::kLint, ""));
  EXPECT_TRUE(recognises("pre-commit/action@v3.0.1", "", StepKind::kLint, ""));
  EXPECT_TRUE(recognises("", "./gradlew spotlessCheck", StepKind::kLint, "gradle"));
  EXPECT_TRUE(recognises("", "pnpm typecheck", StepKind::kTypecheck, "npm"));
  EXPECT_TRUE(recognises("jakebailey/pyright-action@v2", "", StepKind::kTypecheck, "python"));
  EXPECT_TRUE(recognises("", "npx turbo run build", StepKind::kBuild, "npm"));
  EXPECT_TRUE(recognises("", "./mvnw -B package", StepKind::kBuild, "maven"));
  EXPECT_TRUE(recognises("", "go test -cover ./...", StepKind::kCoverage, ""));
  EXPECT_TRUE(recognises("", "vendor/bin/phpunit", StepKind::kTest, "php"));
  EXPECT_FALSE(
      recognises("", "go install golang.org/x/tools/cmd/goimports@latest", StepKind::kBuild, "go"));
}

}  // namespace
}  // namespace golive::model
