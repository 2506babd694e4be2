#include "secrets/rules.h"

namespace golive::secrets {
namespace {

// Not constexpr: the rules hold initializer lists, which are not constant expressions here.
const SecretRule kSecretRules[] = {
#include "secrets/rule_table.inc"
};

}  // namespace

std::span<const SecretRule> builtin_rules() { return kSecretRules; }

}  // namespace golive::secrets
