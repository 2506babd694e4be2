#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/errors.h"
#include "core/strings.h"
#include "report/rule_docs.h"

namespace golive::cli {
namespace {

struct RulesOptions {
  std::string format = "text";
  std::string explain_id;
  std::string docs_dir;
};

int explain(const std::string& id) {
  const rules::Rule* rule = rules::find_rule(id);
  if (rule == nullptr) {
    std::vector<std::string> ids;
    for (const auto* r : rules::all_rules()) ids.emplace_back(r->meta.id);
    std::string hint = core::closest_match(id, ids);
    throw UsageError("unknown rule '" + id + "'" +
                     (hint.empty() ? " (see 'golive rules')" : " (did you mean '" + hint + "'?)"));
  }
  std::cout << report::rule_explanation(*rule);
  return kExitPass;
}

int write_docs(const std::string& dir) {
  namespace fs = std::filesystem;
  for (const auto* rule : rules::all_rules()) {
    fs::path page = fs::path(dir) / (std::string(rule->meta.id) + ".md");
    std::error_code ec;
    fs::create_directories(page.parent_path(), ec);
    if (ec) throw UsageError(page.parent_path().string() + ": cannot create: " + ec.message());
    write_file(page.string(), report::rule_page(*rule));
  }
  write_file((fs::path(dir) / "README.md").string(), report::rules_index_page());
  std::cout << "wrote " << rules::all_rules().size() << " rule pages and README.md under " << dir
            << "\n";
  return kExitPass;
}

}  // namespace

Action add_rules_command(CLI::App& app) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* rules = app.add_subcommand("rules", "List the rules golive checks");
  rules->add_option("--format,-f", options->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  CLI::App* explain_cmd =
      rules->add_subcommand("explain", "Why a rule exists, its standard references, how to fix");
  explain_cmd->add_option("id", options->explain_id, "Rule id, e.g. docs/missing-license")
      ->required();
  CLI::App* docs =
      rules->add_subcommand("docs", "Write one Markdown page per rule (docs/rules/<id>.md)");
  docs->add_option("dir", options->docs_dir, "Output directory, e.g. docs/rules")->required();
  return [options, explain_cmd, docs] {
    if (explain_cmd->parsed()) return explain(options->explain_id);
    if (docs->parsed()) return write_docs(options->docs_dir);
    std::cout << report::rules_listing(options->format);
    return kExitPass;
  };
}

}  // namespace golive::cli
