#pragma once
#include <span>

#include "secrets/secret_rule.h"

namespace golive::secrets {

// The built-in secret rules (rule_table.inc), in table order.
std::span<const SecretRule> builtin_rules();

}  // namespace golive::secrets
