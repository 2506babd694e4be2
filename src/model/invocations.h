#pragma once
// Task runner invocations in CI command lines: the npm, yarn, pnpm or bun scripts and the make
// targets a simple command runs, and in which directory. Internal to the model library.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive::model {

// A task runner invocation: npm/yarn/pnpm/bun scripts, make targets, or a shell script run by
// its path.
struct Invocation {
  std::string runner;  // npm, make, sh (names holds the script's path as written)
  std::string directory;
  std::vector<std::string> names;  // scripts or targets; empty make targets: the default goal
  bool build_like = false;         // make: no target or a build target
};

// The invocation the words of a simple command make (parse::command_words; w[0] is the runner),
// or nullopt when it runs no npm/yarn/pnpm/bun script, make target or shell script file.
std::optional<Invocation> parse_invocation(const std::vector<std::string>& w);

// True when a script does nothing of its own: empty, true, exit 0, ':', or a lone echo or printf
// (optionally followed by exit 0 or exit 1).
bool is_stub(std::string_view command);

}  // namespace golive::model
