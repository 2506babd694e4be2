#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace golive::walk {

// The paths git tracks, relative to the work tree root. A tracked file is part of the
// repository even when a .gitignore matches it (a committed .env is still committed), so
// .gitignore never hides a tracked path; .golive-ignore and configured excludes still do.
class TrackedPaths {
 public:
  // Reads the index of the repository whose work tree root is root; nullopt when root is not
  // the root of a git work tree (golive then relies on ignore files alone).
  static std::optional<TrackedPaths> load(const std::string& root);

  [[nodiscard]] bool contains(std::string_view rel_path, bool is_dir) const;
  [[nodiscard]] size_t size() const { return files_.size(); }

  void add_file(std::string rel_path);  // for tests and for load()

 private:
  std::unordered_set<std::string> files_;
  std::unordered_set<std::string> directories_;  // every ancestor directory of a tracked file
};

}  // namespace golive::walk
