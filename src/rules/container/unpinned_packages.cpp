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

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool has_option(const PackageInstall& install, std::initializer_list<std::string_view> names) {
  return std::any_of(install.options.begin(), install.options.end(), [&](const std::string& o) {
    std::string_view flag = std::string_view(o).substr(0, o.find('='));
    return std::find(names.begin(), names.end(), flag) != names.end();
  });
}

bool local_path(std::string_view package) {
  return starts_with(package, "/") || starts_with(package, "./") || starts_with(package, "../") ||
         starts_with(package, "~/") || package == ".";
}

bool pip_pinned(std::string_view package) {
  for (std::string_view symbol : {"==", ">=", "<=", ">", "<", "!=", "~="})
    if (package.find(symbol) != std::string_view::npos) return true;
  bool vcs = starts_with(package, "git+") || starts_with(package, "hg+") ||
             starts_with(package, "svn+") || starts_with(package, "bzr+");
  if (vcs) return package.find('@', package.find("://") + 3) != std::string_view::npos;
  return ends_with(package, ".whl") || ends_with(package, ".tar.gz") ||
         ends_with(package, ".zip") || package.find('/') != std::string_view::npos ||
         package.find(" @ ") != std::string_view::npos;
}

bool npm_pinned(std::string_view package) {
  if (starts_with(package, "git") || package.find("://") != std::string_view::npos)
    return package.find('#') != std::string_view::npos;
  if (ends_with(package, ".tar") || ends_with(package, ".tgz") || ends_with(package, ".tar.gz") ||
      local_path(package))
    return true;
  std::string_view name = package;
  if (starts_with(name, "@")) name.remove_prefix(std::min(name.size(), name.find('/') + 1));
  size_t at = name.find('@');
  return at != std::string_view::npos && name.substr(at + 1) != "latest";
}

// The packages of an install that name no version.
std::vector<std::string> unpinned(const PackageInstall& install) {
  std::vector<std::string> out;
  switch (install.manager) {
    case PackageManager::kPip:
      if (has_option(install, {"-r", "--requirement", "-c", "--constraint"})) return out;
      break;
    case PackageManager::kGem:
      if (has_option(install, {"-v", "--version"})) return out;
      break;
    default:
      break;
  }
  for (const auto& package : install.packages) {
    if (package.find('$') != std::string::npos) continue;  // decided by an ARG or ENV
    bool pinned = false;
    switch (install.manager) {
      case PackageManager::kApt:
        pinned = package.find('=') != std::string::npos || ends_with(package, ".deb") ||
                 local_path(package);
        break;
      case PackageManager::kApk:
        pinned = package.find_first_of("=<>~") != std::string::npos || ends_with(package, ".apk") ||
                 local_path(package);
        break;
      case PackageManager::kPip:
        pinned = pip_pinned(package) || local_path(package);
        break;
      case PackageManager::kNpm:
        pinned = npm_pinned(package);
        break;
      case PackageManager::kGem:
        pinned = package.find(':') != std::string::npos || ends_with(package, ".gem");
        break;
    }
    if (!pinned) out.push_back(package);
  }
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  constexpr size_t kShown = 6;
  std::vector<std::string> shown(
      names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(kShown, names.size())));
  std::string out = core::join(shown, ", ");
  if (names.size() > kShown) out += " and " + std::to_string(names.size() - kShown) + " more";
  return out;
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& dockerfile : context.model().dockerfiles) {
    for (const auto& instruction : dockerfile.parsed.instructions) {
      if (instruction.keyword != "RUN") continue;
      model::RunScript run = model::run_script(instruction);
      std::vector<std::string> parts;
      for (const auto& install : package_installs(run.script)) {
        any = true;
        std::vector<std::string> names = unpinned(install);
        if (!names.empty()) parts.push_back(listed(names) + " (" + install.tool + ")");
      }
      if (parts.empty()) continue;
      context.report("a RUN in " + dockerfile.path +
                         " installs packages without a pinned version: " + core::join(parts, "; "),
                     dockerfile.path, instruction.line, 0, "RUN " + core::excerpt(run.script, 100));
    }
  }
  if (!any)
    context.not_applicable("no Dockerfile installs packages with apt, apk, pip, npm or gem");
}

}  // namespace

extern const Rule kUnpinnedPackages;
const Rule kUnpinnedPackages{
    {.id = "container/unpinned-packages",
     .section = "container",
     .title = "OS and language packages are pinned to versions",
     .severity = Severity::kWarning,
     .seeds = "003 P1-03, 002 §3",
     .rationale =
         "A package installed without a version is whatever the mirror serves on the day of the "
         "build: a rebuild for a one-line hotfix can bring a new major version of a library, a "
         "changed default or a broken release, and nothing in the diff shows it. The rule reads "
         "every RUN (shell form, exec form, heredocs) and reports, once per RUN, the packages "
         "named without a version: apt-get/apt install without pkg=version, apk add without "
         "pkg=version, pip install without ==/>=/~= (requirements files, constraints, local "
         "paths, wheels and VCS refs with @ pass), npm install <pkg> without @version (plain "
         "'npm install'/'npm ci' read the lockfile and pass), gem install without -v or "
         "gem:version. Packages named by a $VARIABLE are taken as pinned.",
     .remediation =
         "Name versions: 'apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5', "
         "'apk add --no-cache curl=8.5.0-r0', 'pip install --no-cache-dir -r requirements.txt' "
         "with hashes from pip-compile, 'npm ci' with a committed lockfile, or 'npm install -g "
         "pnpm@9.1.0', 'gem install bundler -v 2.5.6'. Let Renovate or Dependabot propose "
         "updates.",
     .also = "hadolint DL3008, hadolint DL3013, hadolint DL3016, hadolint DL3018, hadolint DL3028"},
    check};

}  // namespace golive::rules::container
