#pragma once
#include <string_view>

namespace golive::core {

inline constexpr std::string_view kVersion = "0.1.0";
// Where rule documentation is published; SARIF helpUri and reports link here.
inline constexpr std::string_view kRuleDocsBase =
    "https://github.com/golive-dev/golive/blob/main/docs/rules/";

}  // namespace golive::core
