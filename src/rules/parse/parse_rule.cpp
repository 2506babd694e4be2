#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {

void report_parse_problems(RuleContext& context, std::string_view kind,
                           std::string_view what_exists, bool (*applies)(walk::FileKind)) {
  bool applicable = false;
  for (const auto& file : context.model().files) applicable = applicable || applies(file.kind);
  if (!applicable) return context.not_applicable("no " + std::string(what_exists));
  for (const auto& problem : context.model().parse_problems) {
    if (problem.issue.kind != kind) continue;
    if (!problem.placeholder.empty() && kind.starts_with("invalid-")) {
      context.unverified(problem.issue.message + "; the file holds the placeholder '" +
                             problem.placeholder +
                             "', so a script may fill it in before it is parsed",
                         problem.path, problem.issue.line);
      continue;
    }
    context.report(problem.issue.message, problem.path, problem.issue.line, problem.issue.column);
  }
}

}  // namespace golive::rules::parse_rules
