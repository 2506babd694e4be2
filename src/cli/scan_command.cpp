#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/errors.h"
#include "core/strings.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "model/builder.h"
#include "report/report.h"

namespace golive::cli {
namespace {

struct ScanOptions {
  std::string path = ".";
  std::string format = "text";
  std::vector<std::string> outputs;
  std::string config;
  std::vector<std::string> only;
  std::vector<std::string> skip;
  std::string fail_on = "error";
  unsigned jobs = 0;
  std::string color = "auto";
  std::string roles = "deployed";
  bool quiet = false;
  bool verbose = false;
  bool inventory = false;
};

void check_selection(const std::vector<std::string>& names, std::string_view flag) {
  std::vector<std::string> known = rules::all_sections();
  for (const auto* rule : rules::all_rules()) known.emplace_back(rule->meta.id);
  for (const auto& name : names) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string hint = core::closest_match(name, known);
    throw UsageError(std::string(flag) + ": unknown section or rule '" + name + "'" +
                     (hint.empty() ? " (see 'golive rules')" : " (did you mean '" + hint + "'?)"));
  }
}

int run_scan(const ScanOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options.path, ec)) {
    throw UsageError(options.path +
                     ": not a directory (golive scan takes the root of a repository)");
  }
  check_selection(options.only, "--only");
  check_selection(options.skip, "--skip");
  auto outputs =
      parse_outputs(options.outputs, report::is_known_format, "text, json, sarif, junit, markdown");

  auto loaded = engine::load_config(options.path, options.config);
  if (!loaded.ok()) throw UsageError(loaded.error().describe());
  rules::Settings settings = std::move(loaded.value());
  settings.today = today();

  model::BuildOptions build;
  build.walk.root = options.path;
  build.walk.excludes = settings.excludes;
  build.walk.max_file_size = settings.max_file_size;
  build.roles = walk::RoleMap(settings.role_overrides);
  const engine::Selection selection{options.only, options.skip, options.roles == "all"};
  build.find_secrets = engine::rule_runs("secrets/committed-secret", settings, selection);
  core::ThreadPool pool(options.jobs == 0 ? core::ThreadPool::default_workers() : options.jobs);

  auto started = std::chrono::steady_clock::now();
  auto model = model::build_model(build, pool);
  if (!model.ok()) throw UsageError(model.error().describe());
  engine::ScanResult result = engine::run_rules(*model, settings, selection, pool);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  report::ReportContext context{result,        options.path,    use_color(options.color),
                                options.quiet, options.verbose, options.inventory};
  std::cout << report::render(options.format, context);
  context.color = false;
  for (const auto& [format, file] : outputs) {
    context.quiet = false;
    write_file(file, report::render(format, context));
  }
  if (!options.quiet && ::isatty(STDERR_FILENO) != 0) {
    std::cerr << "golive: scanned " << result.files_scanned << " files in " << elapsed.count()
              << " ms\n";
  }
  return engine::fails(result.findings, options.fail_on) ? kExitFindings : kExitPass;
}

}  // namespace

Action add_scan_command(CLI::App& app) {
  auto options = std::make_shared<ScanOptions>();
  CLI::App* scan =
      app.add_subcommand("scan", "Audit a repository against the go-live readiness standard");
  scan->footer(
      "Examples:\n"
      "  golive scan                               scan the current directory, text report\n"
      "  golive scan services/api --only ci,docs   two sections only\n"
      "  golive scan --format sarif > golive.sarif for GitHub code scanning\n"
      "  golive scan --output json=report.json --output junit=golive.xml\n"
      "  golive scan --roles all                   also findings in tests, examples, vendor/\n"
      "Configuration: .golive.yml at the root (rules, sections, thresholds, exclude, waivers).\n"
      "Suppress one finding inline with a comment: golive:ignore RULE-ID -- reason");
  scan->add_option("path", options->path, "Repository root to scan")->capture_default_str();
  scan->add_option("--format,-f", options->format,
                   "Report on stdout: text, json, sarif, junit, markdown")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "markdown"}))
      ->capture_default_str();
  scan->add_option("--output,-o", options->outputs, "Also write FORMAT=FILE (repeatable)");
  scan->add_option("--config,-c", options->config,
                   "Configuration file (default: PATH/.golive.yml if present)");
  scan->add_option("--only", options->only, "Run only these sections or rule ids (comma-separated)")
      ->delimiter(',');
  scan->add_option("--skip", options->skip, "Skip these sections or rule ids (comma-separated)")
      ->delimiter(',');
  scan->add_option("--fail-on", options->fail_on,
                   "Exit 1 when a finding is at least: error, warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}))
      ->capture_default_str();
  scan->add_option("--jobs,-j", options->jobs, "Worker threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  scan->add_option("--color", options->color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  scan->add_option("--roles", options->roles,
                   "Whose findings to report: deployed (the team's own code and configuration, "
                   "CI tooling and docs for the rules that judge them, secrets everywhere) or all "
                   "(also tests, fixtures, examples, vendored code and templates; see "
                   "docs/path-roles.md)")
      ->check(CLI::IsMember({"deployed", "all"}))
      ->capture_default_str();
  scan->add_flag("--quiet,-q", options->quiet, "Print only findings and the verdict");
  scan->add_flag("--verbose,-v", options->verbose,
                 "Text report: every finding in full, with its fix, instead of grouped by rule "
                 "with at most 10 locations each");
  scan->add_flag("--inventory", options->inventory,
                 "Text report: after the findings, what golive read (CI pipelines, projects, "
                 "Dockerfiles, compose, Kubernetes objects per environment, charts, Terraform, "
                 "rules, dashboards, load tests, documents), so 'not found' can be told from "
                 "'not looked at'; JSON reports always hold it as 'inventory'");
  return [options] { return run_scan(*options); };
}

}  // namespace golive::cli
