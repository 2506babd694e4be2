#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace golive::walk {

// One line of a .gitignore-style file, kept relative to the directory that holds it.
struct IgnoreRule {
  std::string pattern;
  std::string base;  // directory of the ignore file, relative to the root; "" for the root
  bool negated = false;
  bool dir_only = false;
  bool anchored = false;  // the pattern has a '/' before its end: match the whole relative path
  bool from_gitignore = false;  // git's rules: they never hide a path git tracks

  [[nodiscard]] bool matches(std::string_view rel_path, bool is_dir) const;
};

// Parses ignore-file text; base is the directory the file lives in.
std::vector<IgnoreRule> parse_ignore_file(std::string_view text, const std::string& base,
                                          bool from_gitignore = false);

// The chain of ignore files from a directory up to the root: deeper files win, and within a
// file the last matching line wins, as git does.
class IgnoreChain {
 public:
  IgnoreChain() = default;
  IgnoreChain(std::shared_ptr<const IgnoreChain> parent, std::vector<IgnoreRule> rules)
      : parent_(std::move(parent)), rules_(std::move(rules)) {}

  [[nodiscard]] bool ignored(std::string_view rel_path, bool is_dir) const;
  // The rule that decides whether the path is ignored, or nullptr when none matches.
  [[nodiscard]] const IgnoreRule* deciding_rule(std::string_view rel_path, bool is_dir) const;

 private:
  std::shared_ptr<const IgnoreChain> parent_;
  std::vector<IgnoreRule> rules_;
};

}  // namespace golive::walk
