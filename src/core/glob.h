#pragma once
#include <string_view>

namespace golive::core {

// Matches a path against a gitignore-style glob: '*' and '?' stop at '/', '[...]' is a
// character class ('!' or '^' negates), and '**' crosses directories ("**/x", "a/**", "a/**/b").
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace golive::core
