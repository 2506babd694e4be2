#include "core/glob.h"

#include <vector>

namespace golive::core {
namespace {

// Returns the length of the class at pattern[0] == '[' and whether c is in it; 0 if malformed.
size_t match_class(std::string_view pattern, char c, bool& matched) {
  size_t i = 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool found = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char low = pattern[i];
    if (low == '\\' && i + 1 < pattern.size()) low = pattern[++i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    if (c >= low && c <= high) found = true;
    ++i;
  }
  if (i >= pattern.size()) return 0;
  matched = (found != negate) && c != '/';
  return i + 1;
}

// Matches with backtracking over stars, remembering the (pattern, path) positions that already
// failed so that patterns with many stars stay polynomial instead of exponential.
class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view path) : pattern_(pattern), path_(path) {}

  bool match_from(std::string_view pattern, std::string_view path) {
    while (!pattern.empty()) {
      char p = pattern.front();
      if (p == '*') {
        if (pattern.size() >= 2 && pattern[1] == '*') {
          std::string_view rest = pattern.substr(2);
          if (rest.empty()) return true;  // "a/**" matches everything below a/
          if (rest.front() == '/') {
            rest.remove_prefix(1);
            // "**/" matches zero or more whole directories.
            if (try_from(rest, path)) return true;
            for (size_t i = 0; i < path.size(); ++i) {
              if (path[i] == '/' && try_from(rest, path.substr(i + 1))) return true;
            }
            return false;
          }
          pattern = pattern.substr(1);  // a "**" not beside '/' acts as '*'
          continue;
        }
        std::string_view rest = pattern.substr(1);
        for (size_t i = 0; i <= path.size(); ++i) {
          if (try_from(rest, path.substr(i))) return true;
          if (i < path.size() && path[i] == '/') return false;
        }
        return false;
      }
      if (path.empty()) return false;
      if (p == '?') {
        if (path.front() == '/') return false;
      } else if (p == '[') {
        bool matched = false;
        size_t length = match_class(pattern, path.front(), matched);
        if (length == 0) {
          if (path.front() != '[') return false;
          length = 1;
        } else if (!matched) {
          return false;
        }
        pattern.remove_prefix(length);
        path.remove_prefix(1);
        continue;
      } else {
        if (p == '\\' && pattern.size() > 1) {
          pattern.remove_prefix(1);
          p = pattern.front();
        }
        if (p != path.front()) return false;
      }
      pattern.remove_prefix(1);
      path.remove_prefix(1);
    }
    return path.empty();
  }

 private:
  bool try_from(std::string_view pattern, std::string_view path) {
    const size_t key = static_cast<size_t>(pattern.data() - pattern_.data()) * (path_.size() + 1) +
                       static_cast<size_t>(path.data() - path_.data());
    if (failed_.empty()) failed_.resize((pattern_.size() + 1) * (path_.size() + 1));
    if (failed_[key]) return false;
    if (match_from(pattern, path)) return true;
    failed_[key] = true;
    return false;
  }

  std::string_view pattern_;
  std::string_view path_;
  std::vector<bool> failed_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return Matcher(pattern, path).match_from(pattern, path);
}

}  // namespace golive::core
