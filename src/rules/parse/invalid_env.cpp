#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) {
  return kind == walk::FileKind::kEnvFile || kind == walk::FileKind::kEnvTemplate;
}

void check(RuleContext& context) {
  report_parse_problems(context, "invalid-env", "environment files", applies);
}

}  // namespace

extern const Rule kInvalidEnv;
const Rule kInvalidEnv{{.id = "parse/invalid-env",
                        .section = "parse",
                        .title = "Environment files parse",
                        .severity = Severity::kWarning,
                        .seeds = "",
                        .rationale = "A malformed line in an env file is skipped or misread by "
                                     "dotenv loaders, so a variable silently goes missing.",
                        .remediation = "Write each line as KEY=value (optionally prefixed with "
                                       "'export '); quote values that contain spaces or '#'.",
                        .also = ""},
                       check};

}  // namespace golive::rules::parse_rules
