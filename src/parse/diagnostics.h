#pragma once
#include <string>
#include <vector>

namespace golive::parse {

// A problem found while parsing a user's file: it becomes a finding, never an exception.
struct ParseIssue {
  std::string kind;  // the rule slug under parse/: invalid-yaml, duplicate-key, ...
  std::string message;
  int line = 0;
  int column = 0;
};

using ParseIssues = std::vector<ParseIssue>;

}  // namespace golive::parse
