#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace golive::parse {

// An inline "golive:ignore <rule-id> -- <reason>" comment.
struct Suppression {
  std::string rule_id;
  std::string reason;  // empty when none was given: itself a finding
  int line = 0;
};

// Finds suppression comments in any text file; cheap when the marker is absent.
std::vector<Suppression> find_suppressions(std::string_view text);

}  // namespace golive::parse
