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

bool has_kind(const CiCommand& command, StepKind kind) {
  return std::any_of(command.kinds.begin(), command.kinds.end(),
                     [kind](const auto& r) { return r.kind == kind; });
}

// The values of -f / --file / file= in a docker build command or build-push-action inputs (one
// per value a matrix expression takes; "*" when it may be anything).
std::vector<std::string> file_arguments(std::string_view text) {
  std::vector<std::string> files;
  auto words = core::split(text, ' ');
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if ((word == "-f" || word == "--file") && i + 1 < words.size()) files.push_back(words[i + 1]);
    for (std::string_view prefix : {"--file=", "file="}) {
      if (word.rfind(prefix, 0) == 0) files.push_back(word.substr(prefix.size()));
    }
  }
  return files;
}

bool builds_image(const CiCommand& command, const std::string& dockerfile) {
  if (!has_kind(command, StepKind::kImageBuild)) return false;
  const std::string& text = command.text;
  if (text.find("compose") != std::string::npos || text.find("bake") != std::string::npos)
    return true;
  std::string path = core::to_lower(dockerfile);
  if (path.find('/') != std::string::npos && model::names_directory(text, path)) return true;
  std::string directory = model::normalise_directory(directory_name(path));
  if (auto files = file_arguments(text); !files.empty()) {
    return std::any_of(files.begin(), files.end(), [&](const std::string& file) {
      return file == "*" || std::any_of(command.directories.begin(), command.directories.end(),
                                        [&](const std::string& base) {
                                          return base == "*" ||
                                                 model::normalise_directory(core::to_lower(base) +
                                                                            "/" + file) == path;
                                        });
    });
  }
  for (const auto& base : command.directories) {
    if (base == "*" || model::normalise_directory(core::to_lower(base)) == directory) return true;
  }
  return model::names_directory(text, directory);
}

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
  for (const auto& dockerfile : model.dockerfiles) {
    std::string_view name = base_name(dockerfile.path);
    if (name != "Dockerfile" && name != "Containerfile") continue;
    if (model::outside_own_projects(model.role_of_directory(directory_name(dockerfile.path))))
      continue;
    buildable = true;
    bool built = std::any_of(commands.begin(), commands.end(), [&](const CiCommand& command) {
      return builds_image(command, dockerfile.path);
    });
    built = built || (skaffold_builds && std::binary_search(skaffold_built.begin(),
                                                            skaffold_built.end(), dockerfile.path));
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
         "'build' or 'dev' for the artifacts of skaffold.yaml.",
     .remediation =
         "Add a build step for each artifact to the CI workflow that runs on pull requests: "
         "'- run: npm run build' in the package's directory, 'go build ./...', "
         "'cargo build --locked', 'mvn -B package', 'cmake --build build', and "
         "'docker build -f services/web/Dockerfile services/web' (or docker/build-push-action "
         "with 'push: false') for each image.",
     .also = ""},
    check};

}  // namespace golive::rules::ci
