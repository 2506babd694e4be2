#pragma once
#include <string>

#include "rules/rule.h"

namespace golive::report {

// The documentation page of one rule, generated from its metadata only.
std::string rule_page(const rules::Rule& rule);
// The index page listing every rule by section.
std::string rules_index_page();
// "golive rules explain": the same facts, for a terminal.
std::string rule_explanation(const rules::Rule& rule);
// "golive rules --format json|markdown|text".
std::string rules_listing(std::string_view format);

}  // namespace golive::report
