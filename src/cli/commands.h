#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace golive::cli {

// Each command registers its options on the app and returns the action that runs it.
using Action = std::function<int()>;

Action add_scan_command(CLI::App& app);
Action add_rules_command(CLI::App& app);
Action add_secrets_command(CLI::App& app);

}  // namespace golive::cli
