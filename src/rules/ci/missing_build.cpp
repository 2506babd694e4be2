#include <algorithm>
#include <set>

#include "core/strings.h"
#include "model/coverage.h"
#include "model/image_builds.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::ci {
namespace {

using model::CiCommand;
using model::StepKind;

// Ecosystems whose code is compiled or packaged; for some, running the tests compiles it.
const std::set<std::string, std::less<>> kCompiled = {"go",    "maven", "gradle", "cargo",
                                                      "cmake", "dart",  "swift",  "nuget"};
const std::set<std::string, std::less<>> kTestsCompile = {"go",    "maven", "gradle",
                                                          "cargo", "nuget", "swift"};

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.workflows.empty())
    return context.not_applicable("no GitHub Actions workflow or GitLab CI pipeline to read");
  const auto& projects = model::gate_projects(model);
  const auto& commands = model::ci_commands(model);
  auto covered = [&](const model::Project& project, StepKind kind) {
    return model::any_command_covers(model, project, kind);
  };
  bool buildable = false;
  for (const auto& project : projects) {
    bool has_build_script = false;
    if (project.ecosystem == "npm") {
      for (const auto& script : model.coverage.scripts) {
        has_build_script =
            has_build_script || (script.runner == "npm" && script.name == "build" &&
                                 model::normalise_directory(script.directory) == project.directory);
      }
    }
    if (!has_build_script && kCompiled.count(project.ecosystem) == 0) continue;
    buildable = true;
    if (covered(project, StepKind::kBuild)) continue;
    if (kTestsCompile.count(project.ecosystem) > 0 && covered(project, StepKind::kTest)) continue;
    if (has_build_script) {
      context.report("the npm project " + model::project_place(project) +
                         " has a build script that CI never runs",
                     project.manifest, model::script_line(model, project, "build"));
    } else {
      context.report("the " + project.ecosystem + " project " + model::project_place(project) +
                         " is never built in CI",
                     project.manifest, 1);
    }
  }
  // 'skaffold run' (build, dev) builds every artifact of skaffold.yaml.
  bool skaffold_builds = std::any_of(commands.begin(), commands.end(), [](const CiCommand& c) {
    return c.text.find("skaffold run") != std::string::npos ||
           c.text.find("skaffold build") != std::string::npos ||
           c.text.find("skaffold dev") != std::string::npos;
  });
  const std::vector<std::string> skaffold_built =
      skaffold_builds ? model::skaffold_dockerfiles(model) : std::vector<std::string>{};
  // 'goreleaser release' (or its action) builds the images of .goreleaser.yml's dockers.
  bool goreleaser_runs = std::any_of(commands.begin(), commands.end(), [](const CiCommand& c) {
    return c.text.find("goreleaser") != std::string::npos;
  });
  const std::vector<std::string> goreleaser_built =
      goreleaser_runs ? model::goreleaser_dockerfiles(model) : std::vector<std::string>{};
  for (const auto& dockerfile : model.dockerfiles) {
    std::string_view name = base_name(dockerfile.path);
    if (name != "Dockerfile" && name != "Containerfile") continue;
    if (model::outside_own_projects(model.role_of_directory(directory_name(dockerfile.path))))
      continue;
    buildable = true;
    bool built = std::any_of(commands.begin(), commands.end(), [&](const CiCommand& command) {
      return model::ci_builds_dockerfile(command, dockerfile.path);
    });
    built = built || (skaffold_builds && std::binary_search(skaffold_built.begin(),
                                                            skaffold_built.end(), dockerfile.path));
    built = built ||
            (goreleaser_runs &&
             std::binary_search(goreleaser_built.begin(), goreleaser_built.end(), dockerfile.path));
    if (!built) {
      context.report("the image of " + dockerfile.path + " is never built in CI", dockerfile.path,
                     1);
    }
  }
  if (!buildable) {
    context.not_applicable(
        "nothing to build: no compiled project, no npm build script and no Dockerfile");
  }
}

}  // namespace

extern const Rule kMissingBuild;
const Rule kMissingBuild{
    {.id = "ci/missing-build",
     .section = "ci",
     .title = "CI builds every artifact",
     .severity = Severity::kWarning,
     .seeds = "001 T103, 002 §6",
     .rationale =
         "Tests can pass while the artifact does not build: a bundler error, a missing file in "
         "the Docker context, a release profile that fails to compile. If CI never builds what "
         "is deployed, the first build is the release. Image builds are recognised in 'docker "
         "build' and 'docker buildx' commands, docker/build-push-action (with file and context "
         "inputs taken through matrix values), compose and bake builds, and 'skaffold run', "
         "'build' or 'dev' for the artifacts of skaffold.yaml, goreleaser for the dockers of "
         ".goreleaser.yml, and make targets whose recipes build images.",
     .remediation =
         "Add a build step for each artifact to the CI workflow that runs on pull requests: "
         "'- run: npm run build' in the package's directory, 'go build ./...', "
         "'cargo build --locked', 'mvn -B package', 'cmake --build build', and "
         "'docker build -f services/web/Dockerfile services/web' (or docker/build-push-action "
         "with 'push: false') for each image.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
