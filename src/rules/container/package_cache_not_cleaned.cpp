#include <algorithm>

#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "rules/container/container_facts.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The targets of the RUN's cache mounts: --mount=type=cache,target=/var/cache/apt.
std::vector<std::string> cache_targets(const std::vector<std::string>& flags) {
  std::vector<std::string> out;
  for (const auto& flag : flags) {
    if (!starts_with(flag, "--mount=") || flag.find("type=cache") == std::string::npos) continue;
    for (const auto& option : core::split(flag.substr(8), ',')) {
      for (std::string_view key : {"target=", "dst=", "destination="})
        if (starts_with(option, key)) out.push_back(option.substr(key.size()));
    }
  }
  return out;
}

bool cached(const std::vector<std::string>& targets, std::string_view needle) {
  return std::any_of(targets.begin(), targets.end(), [&](const std::string& target) {
    return target.find(needle) != std::string::npos;
  });
}

bool has(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "rm -rf /var/lib/apt/lists/*": a command rm with an argument under prefix.
bool removes(const std::vector<std::vector<std::string>>& commands, std::string_view prefix) {
  return std::any_of(commands.begin(), commands.end(), [&](const auto& words) {
    return !words.empty() && words[0] == "rm" &&
           std::any_of(words.begin() + 1, words.end(),
                       [&](const std::string& w) { return starts_with(w, prefix); });
  });
}

bool truthy(std::string_view value) {
  std::string lower = core::to_lower(value);
  return lower == "1" || lower == "true" || lower == "on" || lower == "yes";
}

// PIP_NO_CACHE_DIR set by an ENV of the stage chain or inline in the script.
bool pip_cache_disabled(const parse::Dockerfile& file, size_t stage, std::string_view script) {
  for (const auto* env : model::chain_instructions(file, stage, "ENV"))
    for (const auto& pair : model::key_values(*env))
      if (pair.name == "PIP_NO_CACHE_DIR" && truthy(pair.value)) return true;
  size_t at = script.find("PIP_NO_CACHE_DIR=");
  if (at == std::string_view::npos) return false;
  std::string_view value = script.substr(at + 17);
  return truthy(value.substr(0, value.find_first_of(" \t;&")));
}

std::vector<std::string> problems(const parse::Dockerfile& file, size_t stage,
                                  const model::RunScript& run) {
  std::vector<std::string> out;
  std::vector<std::string> targets = cache_targets(run.flags);
  auto commands = model::shell_commands(run.script);
  bool apt_update = std::any_of(commands.begin(), commands.end(), [](const auto& words) {
    std::string_view tool = words.empty() ? "" : std::string_view(words[0]);
    return (tool == "apt-get" || tool == "apt") && has(words, "update");
  });
  if (apt_update && !removes(commands, "/var/lib/apt/lists") && !cached(targets, "/var/lib/apt"))
    out.emplace_back("keeps the apt lists of 'apt-get update' (add 'rm -rf /var/lib/apt/lists/*')");
  bool recommends = false;
  bool apk_cache = false;
  bool pip_cache = false;
  for (const auto& install : package_installs(run.script)) {
    const auto& options = install.options;
    switch (install.manager) {
      case PackageManager::kApt:
        if (!has(options, "--no-install-recommends") &&
            std::none_of(options.begin(), options.end(), [](const std::string& o) {
              return o.find("Install-Recommends=false") != std::string::npos ||
                     o.find("Install-Recommends=0") != std::string::npos;
            }))
          recommends = true;
        break;
      case PackageManager::kApk:
        if (!has(options, "--no-cache") && !cached(targets, "/var/cache/apk") &&
            !removes(commands, "/var/cache/apk"))
          apk_cache = true;
        break;
      case PackageManager::kPip:
        if (install.tool != "pip" && install.tool.rfind("pip3", 0) != 0 &&
            install.tool.rfind("pip2", 0) != 0)
          break;  // uv and other front ends keep their own caches
        if (!has(options, "--no-cache-dir") && !cached(targets, "pip") &&
            !pip_cache_disabled(file, stage, run.script))
          pip_cache = true;
        break;
      default:
        break;
    }
  }
  if (recommends)
    out.emplace_back("installs recommended packages too (add --no-install-recommends)");
  if (apk_cache) out.emplace_back("keeps apk's index cache (add --no-cache)");
  if (pip_cache) out.emplace_back("keeps pip's download cache (add --no-cache-dir)");
  return out;
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& dockerfile : context.model().dockerfiles) {
    const parse::Dockerfile& file = dockerfile.parsed;
    if (file.stages.empty()) continue;
    // Only the stages that end up in the image: earlier build stages are thrown away.
    size_t final_stage = file.stages.size() - 1;
    for (size_t stage : model::stage_chain(file, final_stage)) {
      for (const auto* instruction : model::stage_instructions(file, stage)) {
        if (instruction->keyword != "RUN") continue;
        model::RunScript run = model::run_script(*instruction);
        if (package_installs(run.script).empty() && run.script.find("apt") == std::string::npos)
          continue;
        any = true;
        std::vector<std::string> found = problems(file, stage, run);
        if (found.empty()) continue;
        context.report("a RUN in " + stage_subject(file, stage, dockerfile.path) + " " +
                           core::join(found, ", and "),
                       dockerfile.path, instruction->line, 0,
                       "RUN " + core::excerpt(run.script, 100));
      }
    }
  }
  if (!any) context.not_applicable("no shipped Dockerfile stage installs packages");
}

}  // namespace

extern const Rule kPackageCacheNotCleaned;
const Rule kPackageCacheNotCleaned{
    {.id = "container/package-cache-not-cleaned",
     .section = "container",
     .title = "Package manager caches stay out of image layers",
     .severity = Severity::kInfo,
     .seeds = "003 P1-03",
     .rationale =
         "Package indexes and download caches written by a RUN stay in that layer for good, "
         "even if a later RUN deletes them: tens to hundreds of megabytes that every node pulls "
         "on each deploy and scale-out, and stale indexes that no one should install from. "
         "Recommended packages add size and attack surface nobody asked for. The rule reads the "
         "RUNs of the final stage and the stages it builds on (build stages are discarded) and "
         "reports: 'apt-get update' without 'rm -rf /var/lib/apt/lists/*' in the same RUN, "
         "apt-get install without --no-install-recommends, apk add without --no-cache, pip "
         "install without --no-cache-dir (or PIP_NO_CACHE_DIR). A BuildKit cache mount on the "
         "cache directory (RUN --mount=type=cache,target=/var/cache/apt ...) exempts it. "
         "apt-get install without -y is not reported: it aborts the build at once.",
     .remediation =
         "Clean up in the same RUN: 'RUN apt-get update && apt-get install -y "
         "--no-install-recommends curl=<version> && rm -rf /var/lib/apt/lists/*', 'RUN apk add "
         "--no-cache curl=<version>', 'RUN pip install --no-cache-dir -r requirements.txt'; or "
         "keep the caches outside the image with 'RUN --mount=type=cache,target=/root/.cache/pip "
         "pip install ...'.",
     .also = "hadolint DL3009, hadolint DL3015, hadolint DL3019, hadolint DL3042"},
    check};

}  // namespace golive::rules::container
