#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) { return walk::is_yaml_kind(kind); }

void check(RuleContext& context) {
  report_parse_problems(context, "invalid-yaml", "YAML files", applies);
}

}  // namespace

extern const Rule kInvalidYaml;
const Rule kInvalidYaml{
    {.id = "parse/invalid-yaml",
     .section = "parse",
     .title = "YAML files parse",
     .severity = Severity::kError,
     .seeds = "",
     .rationale = "A YAML file that does not parse is ignored or rejected by the tool that reads "
                  "it (CI, Kubernetes, Helm), and golive cannot check it either.",
     .remediation = "Fix the syntax at the reported position; 'yamllint' or an editor with YAML "
                    "support shows the same error.",
     .also = ""},
    check};

}  // namespace golive::rules::parse_rules
