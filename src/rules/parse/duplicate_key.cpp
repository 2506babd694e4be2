#include "rules/parse/parse_rule.h"

namespace golive::rules::parse_rules {
namespace {

bool applies(walk::FileKind kind) {
  return walk::is_yaml_kind(kind) || kind == walk::FileKind::kJson ||
         kind == walk::FileKind::kPackageManifest;
}

void check(RuleContext& context) {
  report_parse_problems(context, "duplicate-key", "YAML or JSON files", applies);
}

}  // namespace

extern const Rule kDuplicateKey;
const Rule kDuplicateKey{
    {.id = "parse/duplicate-key",
     .section = "parse",
     .title = "Mappings have no duplicate keys",
     .severity = Severity::kWarning,
     .seeds = "",
     .rationale = "With a duplicate key, one value silently wins, and which one depends on the "
                  "parser: the configuration you read is not the one that runs.",
     .remediation = "Remove or merge the duplicate key so each key appears once per mapping.",
     .also = ""},
    check};

}  // namespace golive::rules::parse_rules
