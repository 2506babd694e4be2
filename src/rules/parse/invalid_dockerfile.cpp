#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) { return kind == walk::FileKind::kDockerfile; }

void check(RuleContext& context) {
  report_parse_problems(context, "invalid-dockerfile", "Dockerfiles", applies);
}

}  // namespace

extern const Rule kInvalidDockerfile;
const Rule kInvalidDockerfile{
    {.id = "parse/invalid-dockerfile",
     .section = "parse",
     .title = "Dockerfiles parse",
     .severity = Severity::kError,
     .seeds = "",
     .rationale = "A Dockerfile with an unknown instruction or no FROM fails to build; golive "
                  "cannot check its base image or user either.",
     .remediation = "Fix the instruction at the reported line; every Dockerfile needs a FROM "
                    "before other instructions (ARG excepted).",
     .also = ""},
    check};

}  // namespace golive::rules::parse_rules
