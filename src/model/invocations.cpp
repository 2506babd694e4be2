#include "model/invocations.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/paths.h"
#include "core/strings.h"
#include "parse/shell.h"

namespace golive::model {
using core::base_name;
using core::ends_with;
using core::starts_with;

namespace {

bool is_script_path(std::string_view word) {
  return ends_with(word, ".sh") || ends_with(word, ".bash");
}

// './scripts/test.sh', 'bash -e hack/e2e.sh', 'sh ci/build.sh', 'source env.sh': the script's
// path as written; nullopt when the words run no shell script file.
std::optional<std::string> shell_script_of(const std::vector<std::string>& w) {
  // 'uv run bash scripts/test.sh', 'poetry run ./scripts/lint.sh': the environment manager
  // runs the rest.
  static const std::set<std::string> kRunners = {"uv", "poetry", "pipenv", "pdm", "hatch", "rye"};
  if (w.size() > 2 && kRunners.count(core::to_lower(w[0])) > 0 && w[1] == "run")
    return shell_script_of(std::vector<std::string>(w.begin() + 2, w.end()));
  if (is_script_path(w[0]) && w[0].find('$') == std::string::npos) return w[0];
  std::string shell = core::to_lower(base_name(w[0]));
  if (shell != "bash" && shell != "sh" && shell != "zsh" && shell != "dash" && shell != "source" &&
      shell != ".")
    return std::nullopt;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] == "-c") return std::nullopt;  // an inline script, read as the command itself
    if (!w[i].empty() && w[i].front() == '-') continue;
    if (is_script_path(w[i]) && w[i].find('$') == std::string::npos) return w[i];
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Invocation> parse_invocation(const std::vector<std::string>& w) {
  if (w.empty()) return std::nullopt;
  if (auto script = shell_script_of(w)) return Invocation{"sh", "", {*script}, false};
  std::string runner = core::to_lower(base_name(w[0]));
  if (runner == "make" || runner == "gmake" || runner == "$(make)" || runner == "${make}") {
    Invocation invocation{"make", "", {}, false};
    for (size_t i = 1; i < w.size(); ++i) {
      const std::string& word = w[i];
      if (word == "-C" && i + 1 < w.size()) {
        invocation.directory = w[++i];
      } else if (starts_with(word, "--directory=")) {
        invocation.directory = word.substr(12);
      } else if (starts_with(word, "-C") && word.size() > 2) {
        invocation.directory = word.substr(2);
      } else if ((word == "-f" || word == "--file" || word == "-l") && i + 1 < w.size()) {
        ++i;
      } else if (word == "-j" && i + 1 < w.size() && !w[i + 1].empty() &&
                 std::isdigit(static_cast<unsigned char>(w[i + 1].front())) != 0) {
        ++i;
      } else if (word.empty() || word.front() == '-' || word.find('=') != std::string::npos) {
        continue;
      } else {
        invocation.names.push_back(word);
      }
    }
    static const std::set<std::string> kBuildTargets = {"all",  "build",   "install", "compile",
                                                        "dist", "release", "package", "binary",
                                                        "bin",  "image",   "docker"};
    invocation.build_like =
        invocation.names.empty() ||
        std::any_of(invocation.names.begin(), invocation.names.end(),
                    [](const std::string& n) { return kBuildTargets.count(n) > 0; });
    return invocation;
  }
  if (runner != "npm" && runner != "yarn" && runner != "pnpm" && runner != "bun") {
    return std::nullopt;
  }
  Invocation invocation{"npm", "", {}, false};
  std::vector<std::string> positional;
  for (size_t i = 1; i < w.size(); ++i) {
    const std::string& word = w[i];
    if (word == "--") break;
    if ((word == "--prefix" || word == "--cwd" || word == "-C" || word == "--dir") &&
        i + 1 < w.size()) {
      invocation.directory = w[++i];
    } else if (starts_with(word, "--prefix=") || starts_with(word, "--cwd=") ||
               starts_with(word, "--dir=")) {
      invocation.directory = word.substr(word.find('=') + 1);
    } else if ((word == "--workspace" || word == "-w") && i + 1 < w.size() &&
               w[i + 1].find('/') != std::string::npos) {
      invocation.directory = w[++i];
    } else if (!word.empty() && word.front() == '-') {
      continue;
    } else {
      positional.push_back(word);
    }
  }
  if (positional.empty()) return std::nullopt;
  std::string verb = core::to_lower(positional.front());
  std::string script;
  if (verb == "run" || verb == "run-script" || verb == "rum" || verb == "urn") {
    if (positional.size() > 1) script = positional[1];
  } else if (verb == "test" || verb == "t" || verb == "tst") {
    script = runner == "bun" ? "" : "test";
  } else if (verb == "start" || verb == "stop" || verb == "restart") {
    script = verb;
  } else if (runner == "yarn" || runner == "pnpm") {
    static const std::set<std::string> kBuiltins = {
        "install",  "i",     "add",    "remove",  "rm",        "upgrade",    "up",     "update",
        "exec",     "dlx",   "create", "publish", "pack",      "init",       "link",   "unlink",
        "config",   "cache", "info",   "why",     "bin",       "global",     "import", "dedupe",
        "node",     "set",   "plugin", "version", "workspace", "workspaces", "audit",  "outdated",
        "licenses", "login", "logout", "store",   "fetch",     "list",       "ls",     "recursive"};
    if (kBuiltins.count(verb) == 0) script = positional.front();
  }
  if (script.empty()) return std::nullopt;
  invocation.names.push_back(script);
  return invocation;
}

bool is_stub(std::string_view command) {
  std::string lower = core::to_lower(core::trim(command));
  for (std::string_view tail : {"&& exit 1", "&& exit 0", "; exit 1", "; exit 0"}) {
    if (ends_with(lower, tail))
      lower = std::string(core::trim(lower.substr(0, lower.size() - tail.size())));
  }
  if (lower.empty() || lower == "true" || lower == "exit 0" || lower == ":") return true;
  if (!starts_with(lower, "echo ") && !starts_with(lower, "printf ")) return false;
  return parse::split_segments(lower).size() == 1;
}

}  // namespace golive::model
