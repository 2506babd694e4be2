#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/errors.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "report/secrets_report.h"
#include "secrets/baseline.h"
#include "secrets/sources.h"

namespace golive::cli {
namespace {

struct SecretsOptions {
  std::string path = ".";
  bool history = false;
  std::string since;
  bool staged = false;
  std::string baseline;
  std::string write_baseline;
  std::string format = "text";
  std::vector<std::string> outputs;
  std::string config;
  std::string fail_on = "warning";
  unsigned jobs = 0;
  std::string color = "auto";
};

constexpr std::string_view kScanRuleId = "secrets/committed-secret";

// A waiver for secrets/committed-secret (the rule `golive scan` reports secrets under) accepts
// the findings on its paths here too, so one .golive.yml serves both commands.
bool waived(const rules::Settings& settings, const secrets::SecretFinding& finding) {
  return engine::find_waiver(settings, kScanRuleId, finding.path) != nullptr;
}

void check_options(const SecretsOptions& options) {
  if (options.history && options.staged)
    throw UsageError("--history and --staged scan different things; choose one");
  if (!options.since.empty() && !options.history)
    throw UsageError("--since REV narrows a history scan; add --history");
  std::error_code ec;
  if (!std::filesystem::is_directory(options.path, ec))
    throw UsageError(options.path + ": not a directory");
}

core::Result<secrets::ScanOutput> run_source(const SecretsOptions& options,
                                             const rules::Settings& settings,
                                             core::ThreadPool& pool, secrets::ScanCounts& counts) {
  const auto& detector = secrets::Detector::builtin();
  if (options.staged) return secrets::scan_staged(detector, options.path, counts);
  if (options.history) {
    secrets::HistoryOptions history{options.path, options.since, settings.max_file_size};
    return secrets::scan_history(detector, history, pool, counts);
  }
  walk::WalkOptions walk;
  walk.root = options.path;
  walk.excludes = settings.excludes;
  walk.max_file_size = settings.max_file_size;
  return secrets::scan_tree(detector, walk, pool, counts);
}

int run_secrets(const SecretsOptions& options) {
  check_options(options);
  auto outputs = parse_outputs(options.outputs, report::is_secrets_format, "text, json, sarif");
  auto loaded = engine::load_config(options.path, options.config);
  if (!loaded.ok()) throw UsageError(loaded.error().describe());
  rules::Settings settings = std::move(loaded.value());
  settings.today = today();
  secrets::Baseline baseline;
  if (!options.baseline.empty()) {
    auto read = secrets::read_baseline(options.baseline);
    if (!read.ok()) throw UsageError(read.error().describe());
    baseline = std::move(read.value());
  }

  core::ThreadPool pool(options.jobs == 0 ? core::ThreadPool::default_workers() : options.jobs);
  secrets::ScanCounts counts;
  auto started = std::chrono::steady_clock::now();
  auto output = run_source(options, settings, pool, counts);
  if (!output.ok()) throw UsageError(output.error().describe());
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  if (!options.write_baseline.empty()) {
    write_file(options.write_baseline, secrets::baseline_json(output->findings));
    std::cerr << "golive: wrote " << output->findings.size() << " accepted finding(s) to "
              << options.write_baseline << "\n";
    return kExitPass;
  }

  report::SecretsReport report;
  report.mode = options.staged ? "staged" : options.history ? "history" : "tree";
  report.root = options.path;
  for (auto& finding : output->findings) {
    // A gitleaks or detect-secrets marker on the line is a decision the team already made.
    bool accepted =
        baseline.accepts(finding) || waived(settings, finding) || !finding.suppressed_by.empty();
    (accepted ? report.baselined : report.findings).push_back(std::move(finding));
  }
  report.problems = std::move(output->problems);
  report.files = counts.files;
  report.bytes = counts.bytes;
  report.commits = counts.commits;
  report.color = use_color(options.color);
  std::cout << report::render_secrets(options.format, report);
  report.color = false;
  for (const auto& [format, file] : outputs)
    write_file(file, report::render_secrets(format, report));
  if (::isatty(STDERR_FILENO) != 0)
    std::cerr << "golive: scanned " << counts.files << " in " << elapsed.count() << " ms\n";

  bool fail = false;
  for (const auto& finding : report.findings) {
    if (options.fail_on == "warning" ||
        (options.fail_on == "error" && finding.severity == secrets::SecretSeverity::kError))
      fail = true;
  }
  return fail ? kExitFindings : kExitPass;
}

}  // namespace

Action add_secrets_command(CLI::App& app) {
  auto options = std::make_shared<SecretsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "secrets", "Find committed secrets in the working tree, the staged changes or the history");
  cmd->footer(
      "Examples:\n"
      "  golive secrets                          the working tree (honours .gitignore)\n"
      "  golive secrets --history                every commit reachable from any ref\n"
      "  golive secrets --history --since main   only commits not yet on main (CI)\n"
      "  golive secrets --staged                 what is staged: a pre-commit hook\n"
      "  golive secrets --write-baseline .golive-secrets.json   accept what is there today\n"
      "  golive secrets --baseline .golive-secrets.json         fail only on new secrets\n"
      "Secrets are printed redacted (first characters and length). Accept a false positive\n"
      "inline with a comment on its line or the line above:\n"
      "  golive:ignore secrets/<rule> -- reason\n"
      "Exit codes: 0 no new finding, 1 new findings, 2 usage error, 3 internal error.");
  cmd->add_option("path", options->path, "Repository root (or any directory)")
      ->capture_default_str();
  cmd->add_flag("--history", options->history, "Scan every distinct blob in the git history");
  cmd->add_option("--since", options->since,
                  "With --history: skip commits reachable from this revision");
  cmd->add_flag("--staged", options->staged, "Scan only what is staged (index against HEAD)");
  cmd->add_option("--baseline,-b", options->baseline,
                  "Accepted findings (from --write-baseline); only new findings fail");
  cmd->add_option("--write-baseline", options->write_baseline,
                  "Write every current finding to FILE as accepted, then exit 0");
  cmd->add_option("--format,-f", options->format, "Report on stdout: text, json, sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", options->outputs, "Also write FORMAT=FILE (repeatable)");
  cmd->add_option("--config,-c", options->config,
                  "Configuration for excludes and waivers (default: PATH/.golive.yml)");
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 on a new finding at least: warning (any), error, never")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", options->jobs, "Worker threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--color", options->color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return [options] { return run_secrets(*options); };
}

}  // namespace golive::cli
