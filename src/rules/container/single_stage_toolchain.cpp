#include <algorithm>
#include <array>

#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "model/image_ref.h"
#include "rules/common.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Official images that are compilers and build tools rather than runtimes.
constexpr std::array<std::string_view, 12> kToolchainImages = {
    "golang", "maven",          "gradle",  "rust",  "gcc", "openjdk",
    "sbt",    "buildpack-deps", "haskell", "swift", "sdk", "clojure"};

// Packages that are a compiler or a build system.
constexpr std::array<std::string_view, 14> kToolchainPackages = {
    "build-essential", "gcc",    "g++",   "make",  "clang", "cmake",  "build-base",
    "musl-dev",        "golang", "cargo", "rustc", "maven", "gradle", "default-jdk"};

// Why the base image is a toolchain, or "".
std::string toolchain_base(const parse::DockerStage& stage) {
  model::ImageRef ref = model::parse_image_ref(stage.image);
  std::string repository = core::to_lower(ref.repository);
  std::string name(base_name(repository));
  std::string tag = core::to_lower(ref.tag);
  if (one_of(name, kToolchainImages)) return "its base image '" + stage.image + "' is a toolchain";
  bool jdk_vendor = name == "eclipse-temurin" || name == "amazoncorretto" ||
                    name == "ibm-semeru-runtimes" || name == "sapmachine";
  if (jdk_vendor && tag.find("jre") == std::string::npos)
    return "its base image '" + stage.image + "' is a JDK";
  return "";
}

// Why a simple command builds code, or "".
std::string build_command(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string_view tool = base_name(words[0]);
  std::string_view verb = words.size() > 1 ? std::string_view(words[1]) : "";
  std::string_view object = words.size() > 2 ? std::string_view(words[2]) : "";
  bool build = false;
  if (tool == "go" || tool == "cargo" || tool == "dotnet")
    build = verb == "build" || verb == "publish" || verb == "install";
  else if (tool == "mvn" || tool == "mvnw")
    build = std::any_of(words.begin() + 1, words.end(), [](const std::string& w) {
      return w == "package" || w == "install" || w == "verify";
    });
  else if (tool == "gradle" || tool == "gradlew")
    build = std::any_of(words.begin() + 1, words.end(), [](const std::string& w) {
      return w == "build" || w == "assemble" || w == "bootJar" || w == "installDist";
    });
  else if (tool == "npm" || tool == "yarn" || tool == "pnpm")
    build = verb == "build" || (verb == "run" && object == "build");
  else if (tool == "tsc")
    build = true;
  if (!build) return "";
  std::string shown;
  for (size_t i = 0; i < words.size() && i < 3; ++i) shown += (i ? " " : "") + words[i];
  return "it builds code with '" + shown + "'";
}

struct Evidence {
  std::string why;
  int line = 0;
};

std::optional<Evidence> toolchain_evidence(const parse::Dockerfile& file) {
  const parse::DockerStage& stage = file.stages.front();
  if (std::string why = toolchain_base(stage); !why.empty()) return Evidence{why, stage.line};
  for (const auto* instruction : model::stage_instructions(file, 0)) {
    if (instruction->keyword != "RUN") continue;
    model::RunScript run = model::run_script(*instruction);
    for (const auto& install : package_installs(run.script)) {
      if (install.manager != PackageManager::kApt && install.manager != PackageManager::kApk)
        continue;
      for (const auto& package : install.packages) {
        std::string name = package.substr(0, package.find('='));
        if (one_of(name, kToolchainPackages) || name.rfind("openjdk-", 0) == 0)
          return Evidence{"it installs '" + name + "'", instruction->line};
      }
    }
    for (const auto& words : model::shell_commands(run.script))
      if (std::string why = build_command(words); !why.empty())
        return Evidence{why, instruction->line};
  }
  return std::nullopt;
}

// Dev containers and images named for development, tests or CI are meant to hold toolchains.
bool development_dockerfile(std::string_view path) {
  std::string lower = core::to_lower(path);
  if (lower.find(".devcontainer/") != std::string::npos) return true;
  std::string_view name = base_name(lower);
  for (std::string_view word : {"dev", "test", "ci", "build", "builder", "toolchain"}) {
    for (const auto& part : core::split(name, '.'))
      if (part == word) return true;
  }
  return false;
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& dockerfile : context.model().dockerfiles) {
    const parse::Dockerfile& file = dockerfile.parsed;
    if (file.stages.size() != 1 || development_dockerfile(dockerfile.path)) continue;
    // An image with nothing to run is a build or tool image by design.
    if (!runs_a_service(file, nullptr) && model::inherited_instruction(file, 0, "CMD") == nullptr &&
        model::inherited_instruction(file, 0, "ENTRYPOINT") == nullptr)
      continue;
    any = true;
    auto evidence = toolchain_evidence(file);
    if (!evidence) continue;
    context.report("the image of " + dockerfile.path + " is built in a single stage and " +
                       evidence->why +
                       ", so the compiler, build tools and sources ship in the runtime image",
                   dockerfile.path, evidence->line);
  }
  if (!any) context.not_applicable("no single-stage Dockerfile builds an image that runs");
}

}  // namespace

extern const Rule kSingleStageToolchain;
const Rule kSingleStageToolchain{
    {.id = "container/single-stage-toolchain",
     .section = "container",
     .title = "Images that build code use a multi-stage build",
     .severity = Severity::kWarning,
     .seeds = "003 P1-03",
     .rationale =
         "A single-stage image that compiles its code ships the compiler, package caches, dev "
         "dependencies and sources with it: hundreds of megabytes more to pull on every deploy "
         "and scale-out, and hundreds more packages for scanners to flag and attackers to use. "
         "The rule reports single-stage Dockerfiles whose image has a command to run and that "
         "start from a toolchain image (golang, maven, gradle, rust, gcc, openjdk and JDK "
         "variants, .NET sdk), install one (build-essential, gcc, make, cmake, build-base, ...) "
         "or run a build (go build, cargo build, mvn package, gradle build, npm run build, "
         "dotnet publish, tsc). Dev containers and Dockerfiles named for dev, test, CI or build "
         "are skipped, as are images with no CMD, ENTRYPOINT or EXPOSE.",
     .remediation =
         "Build in one stage and copy only the result into a small runtime stage: 'FROM "
         "golang:1.22 AS build' ... 'RUN go build -o /out/app' then 'FROM "
         "gcr.io/distroless/static:nonroot' and 'COPY --from=build /out/app /app'; for Node, "
         "run 'npm ci && npm run build' in the build stage and 'npm ci --omit=dev' in the "
         "runtime stage.",
     .also = ""},
    check};

}  // namespace golive::rules::container
