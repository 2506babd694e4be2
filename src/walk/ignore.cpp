#include "walk/ignore.h"

#include "core/glob.h"
#include "core/strings.h"

namespace golive::walk {

bool IgnoreRule::matches(std::string_view rel_path, bool is_dir) const {
  if (dir_only && !is_dir) return false;
  std::string_view sub = rel_path;
  if (!base.empty()) {
    if (sub.size() <= base.size() || sub.compare(0, base.size(), base) != 0 ||
        sub[base.size()] != '/') {
      return false;
    }
    sub.remove_prefix(base.size() + 1);
  }
  if (anchored) return core::glob_match(pattern, sub);
  size_t slash = sub.rfind('/');
  std::string_view name = slash == std::string_view::npos ? sub : sub.substr(slash + 1);
  return core::glob_match(pattern, name);
}

std::vector<IgnoreRule> parse_ignore_file(std::string_view text, const std::string& base,
                                          bool from_gitignore) {
  std::vector<IgnoreRule> rules;
  for (std::string_view line : core::split_lines(text)) {
    // Trailing spaces are ignored unless escaped; leading ones are part of the pattern.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() > 1 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    IgnoreRule rule;
    rule.base = base;
    rule.from_gitignore = from_gitignore;
    if (line.front() == '!') {
      rule.negated = true;
      line.remove_prefix(1);
    } else if (line.size() > 1 && line.front() == '\\' && (line[1] == '#' || line[1] == '!')) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    rule.anchored = line.find('/') != std::string_view::npos;
    if (line.front() == '/') line.remove_prefix(1);
    rule.pattern = std::string(line);
    rules.push_back(std::move(rule));
  }
  return rules;
}

const IgnoreRule* IgnoreChain::deciding_rule(std::string_view rel_path, bool is_dir) const {
  for (const IgnoreChain* node = this; node != nullptr; node = node->parent_.get()) {
    for (auto it = node->rules_.rbegin(); it != node->rules_.rend(); ++it) {
      if (it->matches(rel_path, is_dir)) return &*it;
    }
  }
  return nullptr;
}

bool IgnoreChain::ignored(std::string_view rel_path, bool is_dir) const {
  const IgnoreRule* rule = deciding_rule(rel_path, is_dir);
  return rule != nullptr && !rule->negated;
}

}  // namespace golive::walk
