#pragma once
// A secret-detection rule as data: the built-in table (rule_table.inc) is a list of these.
// Patterns use the syntax Vectorscan and RE2 share: no look-around, no back-references, no
// possessive quantifiers, and bounded repeats ({n,m} with m <= 1000).
#include <initializer_list>
#include <string_view>

namespace golive::secrets {

enum class SecretSeverity { kWarning, kError };

struct SecretRule {
  std::string_view id;           // slug, reported as "secrets/<id>", e.g. "aws-access-key-id"
  std::string_view description;  // "AWS access key ID"
  // Matched case-sensitively unless it starts with (?i). Group secret_group is the secret.
  std::string_view pattern;
  // Optional looser pattern for the first pass, for rules whose exact pattern is slow there
  // (a line-start anchor before a keyword): every match of pattern must end on a line where
  // prefilter matches. RE2 then applies pattern itself to that line.
  std::string_view prefilter = "";
  int secret_group = 1;
  // Minimum Shannon entropy (bits per character) of the secret; 0 turns the filter off.
  double min_entropy = 0.0;
  // Lower-case words of which one must appear within 80 bytes before the match, or none.
  std::initializer_list<std::string_view> keywords = {};
  SecretSeverity severity = SecretSeverity::kError;
  // Spans the secret may continue over several lines (PEM blocks): searched in a larger window.
  bool multiline = false;
  // Lines that must produce a finding of this rule, and lines that must not.
  std::initializer_list<std::string_view> examples = {};
  std::initializer_list<std::string_view> counter_examples = {};
};

}  // namespace golive::secrets
