#include <algorithm>
#include <array>

#include "core/strings.h"
#include "rules/common.h"
#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

constexpr size_t kMaxReported = 25;

// Compiled code and packages by extension (scorecard Binary-Artifacts' list and a few more);
// images, fonts, archives of data and documents are binary too but not executable code.
constexpr std::array<std::string_view, 36> kExtensions = {
    ".jar", ".war",  ".ear",  ".class", ".exe", ".dll", ".so",  ".dylib", ".a",
    ".o",   ".obj",  ".lib",  ".pyc",   ".pyo", ".whl", ".egg", ".apk",   ".aab",
    ".ipa", ".bin",  ".msi",  ".deb",   ".rpm", ".dmg", ".elf", ".dex",   ".crx",
    ".par", ".wasm", ".node", ".nupkg", ".efi", ".ocx", ".drv", ".sys",   ".macho"};

std::string_view executable_extension(std::string_view path) {
  std::string name = core::to_lower(base_name(path));
  // Versioned shared libraries: libfoo.so.1.2
  if (name.find(".so.") != std::string::npos) return ".so";
  for (std::string_view extension : kExtensions) {
    if (name.size() > extension.size() &&
        name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
      return extension;
    }
  }
  return "";
}

bool validates_gradle_wrapper(const model::Step& step) {
  return gates::uses_action(step, "gradle/wrapper-validation-action") ||
         gates::uses_action(step, "gradle/actions/wrapper-validation") ||
         gates::uses_action(step, "gradle/actions/setup-gradle");
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool wrapper_validated = gates::repository_runs(model, validates_gradle_wrapper);
  std::vector<const model::SourceFile*> found;
  for (const auto& file : model.files) {
    if (!file.binary || executable_extension(file.path).empty()) continue;
    if (base_name(file.path) == "gradle-wrapper.jar" && wrapper_validated) continue;
    found.push_back(&file);
  }
  for (size_t i = 0; i < found.size() && i < kMaxReported; ++i) {
    const auto& path = found[i]->path;
    std::string message = "binary " + std::string(executable_extension(path)) +
                          " file committed to the repository: its content cannot be reviewed";
    if (base_name(path) == "gradle-wrapper.jar")
      message = "gradle-wrapper.jar is committed but no workflow validates its checksum";
    context.report(message, path, 0);
  }
  if (found.size() > kMaxReported) {
    context.report("and " + std::to_string(found.size() - kMaxReported) +
                   " more binary files committed to the repository");
  }
}

}  // namespace

extern const Rule kBinaryArtifact;
const Rule kBinaryArtifact{
    {.id = "supply-chain/binary-artifact",
     .section = "supply-chain",
     .title = "No compiled binaries are committed",
     .severity = Severity::kWarning,
     .seeds = "002 §3",
     .rationale =
         "A .jar, .so, .exe or .pyc in the repository cannot be reviewed, is not rebuilt from "
         "the source next to it, and may not match it: it is the easiest place to hide a "
         "backdoor, and it goes stale. Artifacts belong in a package registry, built by CI.",
     .remediation =
         "Delete the binary, add its pattern to .gitignore and fetch or build it in CI (a "
         "package manager dependency, a release download with a pinned checksum); for the "
         "Gradle wrapper add '- uses: gradle/actions/wrapper-validation@<sha>' to CI.",
     .also = "scorecard Binary-Artifacts"},
    check};

}  // namespace golive::rules::supply_chain
