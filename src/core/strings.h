#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace golive::core {

std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
std::vector<std::string_view> split_lines(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
bool contains_ci(std::string_view haystack, std::string_view needle);
bool iequals(std::string_view a, std::string_view b);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Levenshtein distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);
inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix);
}
inline bool ends_with(std::string_view text, std::string_view suffix) {
  return text.ends_with(suffix);
}
// "true", "yes", "1" or "on", in any case: a boolean written as text (an env value, an input).
bool is_truthy_text(std::string_view value);
inline bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}
// An ASCII letter, digit or underscore: a character of a name in most languages.
inline bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The closest candidate within a small distance, or "" when none is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
std::string replace_all(std::string text, std::string_view from, std::string_view to);
// 1-based line number of the byte at offset.
int line_of_offset(std::string_view text, size_t offset);
// Cuts text to at most max_chars, marking the cut with an ellipsis.
std::string excerpt(std::string_view text, size_t max_chars = 120);

}  // namespace golive::core
