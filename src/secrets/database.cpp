#include "secrets/database.h"

#include <string>
#include <vector>

namespace golive::secrets {

namespace {
constexpr std::string_view kCaseless = "(?i)";
}  // namespace

core::Result<hs_database_t*> compile_database(std::span<const SecretRule> rules) {
  std::vector<std::string> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (unsigned i = 0; i < rules.size(); ++i) {
    std::string_view pattern = rules[i].prefilter.empty() ? rules[i].pattern : rules[i].prefilter;
    unsigned flag = 0;
    if (pattern.starts_with(kCaseless)) {
      pattern.remove_prefix(kCaseless.size());
      flag |= HS_FLAG_CASELESS;
    }
    expressions.emplace_back(pattern);
    flags.push_back(flag);
    ids.push_back(i);
  }
  std::vector<const char*> pointers;
  pointers.reserve(expressions.size());
  for (const auto& expression : expressions) pointers.push_back(expression.c_str());
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &database,
                       &error) != HS_SUCCESS) {
    std::string message = error != nullptr ? error->message : "unknown error";
    std::string rule_id = error != nullptr && error->expression >= 0
                              ? std::string(rules[static_cast<size_t>(error->expression)].id)
                              : "?";
    hs_free_compile_error(error);
    return core::Error{"secret rule '" + rule_id + "': " + message, ""};
  }
  return database;
}

}  // namespace golive::secrets
