#include <algorithm>

#include "rules/rule.h"

// Every rule is declared once in registry.inc; a test compares that list with src/rules/.
#define GOLIVE_RULE(section_namespace, variable) \
  namespace golive::rules::section_namespace {   \
  extern const Rule variable;                    \
  }
#include "rules/registry.inc"
#undef GOLIVE_RULE

namespace golive::rules {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> kRules = [] {
    std::vector<const Rule*> list = {
#define GOLIVE_RULE(section_namespace, variable) &section_namespace::variable,
#include "rules/registry.inc"
#undef GOLIVE_RULE
    };
    std::sort(list.begin(), list.end(),
              [](const Rule* a, const Rule* b) { return a->meta.id < b->meta.id; });
    return list;
  }();
  return kRules;
}

}  // namespace golive::rules
