#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) { return kind == walk::FileKind::kTerraform; }

void check(RuleContext& context) {
  report_parse_problems(context, "invalid-hcl", "Terraform files", applies);
}

}  // namespace

extern const Rule kInvalidHcl;
const Rule kInvalidHcl{
    {.id = "parse/invalid-hcl",
     .section = "parse",
     .title = "Terraform files parse",
     .severity = Severity::kError,
     .seeds = "001 T100-T102",
     .rationale = "A .tf or .tfvars file that does not parse stops 'terraform plan' for its whole "
                  "directory, and golive cannot check its backend, providers or resources either. "
                  "golive reads HCL2 with its own parser: blocks, attributes, strings and "
                  "heredocs with interpolations, lists, objects and comments.",
     .remediation = "Fix the syntax at the reported position; 'terraform fmt -check' and "
                    "'terraform validate' show the same error.",
     .also = "terraform validate, tflint"},
    check};

}  // namespace golive::rules::parse_rules
