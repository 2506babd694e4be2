#include <iostream>

#include "cli/commands.h"
#include "cli/errors.h"
#include "core/version.h"

namespace {

int run(int argc, char** argv) {
  using namespace golive::cli;
  CLI::App app{
      "golive: is this repository ready for production, and what is left to do?\n"
      "Exit codes: 0 pass, 1 findings at or above --fail-on, 2 usage or config error, 3 internal "
      "error."};
  app.name("golive");
  app.require_subcommand(1);
  app.fallthrough(false);
  Action scan = add_scan_command(app);
  Action rules = add_rules_command(app);
  Action secrets = add_secrets_command(app);
  app.add_subcommand("version", "Print the version")->callback([] {
    std::cout << "golive " << golive::core::kVersion << "\n";
  });
  try {
    app.parse(argc, argv);
    if (app.got_subcommand("scan")) return scan();
    if (app.got_subcommand("rules")) return rules();
    if (app.got_subcommand("secrets")) return secrets();
    return kExitPass;
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);
    std::cerr << "golive: error: " << error.what()
              << "\n(run 'golive --help' or 'golive COMMAND --help')\n";
    return kExitUsage;
  } catch (const UsageError& error) {
    std::cerr << "golive: error: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    std::cerr << "golive: internal error: " << error.what()
              << "\nPlease report this with the command you ran.\n";
    return kExitInternal;
  }
}

}  // namespace

// Exceptions stop here (CRAFT.md): run() turns the expected ones into exit codes; anything that
// escapes it, even while setting up the command line, is an internal error.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (...) {
    std::cerr << "golive: internal error: unexpected exception\n";
    return golive::cli::kExitInternal;
  }
}
