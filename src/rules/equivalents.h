#pragma once
// The checks of other tools that a golive rule corresponds to, read from its `also:` metadata
// ("kube-linter run-as-non-root, Polaris runAsRootAllowed, Checkov CKV_K8S_23 and CKV_K8S_40"),
// so a suppression a team recorded for one of those tools also hides the golive finding.
#include <string>
#include <string_view>
#include <vector>

#include "parse/suppressions.h"

namespace golive::rules {

struct Equivalent {
  std::string tool;   // lower case: "kube-linter", "checkov", "hadolint", ...
  std::string check;  // as written; "" when `also:` names the tool without a check
};

// The tool checks named in an `also:` text; words that are no known tool's are left out.
std::vector<Equivalent> parse_equivalents(std::string_view also);

// Whether two ids name the same check of the tool: case-insensitive, and for Trivy the long
// and short forms (AVD-DS-0002 and DS002) agree; a trailing '*' in the rule's id is a prefix.
bool same_check(std::string_view tool, std::string_view rule_check, std::string_view marked);

// Whether another tool's suppression hides a finding of the rule with this `also:` text.
bool honours(std::string_view also, const parse::Suppression& suppression);

}  // namespace golive::rules
