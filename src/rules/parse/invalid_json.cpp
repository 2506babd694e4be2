#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) {
  return kind == walk::FileKind::kJson || kind == walk::FileKind::kRenovate ||
         kind == walk::FileKind::kPackageManifest;
}

void check(RuleContext& context) {
  report_parse_problems(context, "invalid-json", "JSON files", applies);
}

}  // namespace

extern const Rule kInvalidJson;
const Rule kInvalidJson{{.id = "parse/invalid-json",
                         .section = "parse",
                         .title = "JSON files parse",
                         .severity = Severity::kError,
                         .seeds = "",
                         .rationale = "A JSON file that does not parse breaks the tool that reads "
                                      "it (npm, Renovate, a deploy script) at the worst moment.",
                         .remediation = "Fix the syntax at the reported position; 'python3 -m "
                                        "json.tool FILE' shows the same error.",
                         .also = ""},
                        check};

}  // namespace golive::rules::parse_rules
