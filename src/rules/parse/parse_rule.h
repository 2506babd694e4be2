#pragma once
#include <string_view>

#include "rules/rule.h"

namespace golive::rules::parse_rules {

// Reports every parse problem of one kind; parse rules differ only in the kind and metadata.
void report_parse_problems(RuleContext& context, std::string_view kind,
                           std::string_view what_exists, bool (*applies)(walk::FileKind));

}  // namespace golive::rules::parse_rules
