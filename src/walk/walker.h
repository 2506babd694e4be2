#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "walk/git_tracked.h"
#include "walk/ignore.h"

namespace golive::walk {

struct WalkOptions {
  std::string root;
  std::uintmax_t max_file_size = std::uintmax_t{2} * 1024 * 1024;
  std::vector<std::string> excludes;  // gitignore-style patterns relative to the root
  // When the root is a git work tree, files git tracks are scanned even if .gitignore matches.
  bool honour_git_index = true;
};

// A file the walk kept. Its bytes are read by the visitor, on a worker thread.
struct WalkedFile {
  std::string rel_path;  // '/'-separated, relative to the root
  std::string abs_path;
  std::uintmax_t size = 0;
};

struct WalkStats {
  std::atomic<size_t> files{0};
  std::atomic<size_t> directories{0};
  std::atomic<size_t> ignored{0};
  std::atomic<size_t> too_large{0};
  std::atomic<size_t> symlinks_skipped{0};
  std::atomic<size_t> unreadable{0};
};

// Paths the walk passed over for a reason the user should hear about (size, symlink, errors).
struct SkippedPath {
  std::string rel_path;
  std::string reason;
};

using FileVisitor = std::function<void(const WalkedFile&)>;

// Walks root on the pool, honouring nested .gitignore and .golive-ignore files, skipping .git,
// node_modules and files over the size limit, and never following a symlink out of the root.
// The visitor runs concurrently; callers sort what it collects to get a stable order.
class Walker {
 public:
  Walker(WalkOptions options, core::ThreadPool& pool);
  void run(const FileVisitor& visit);
  [[nodiscard]] const WalkStats& stats() const { return stats_; }
  [[nodiscard]] std::vector<SkippedPath> skipped() const;

 private:
  void walk_directory(const std::string& rel_dir, const std::shared_ptr<const IgnoreChain>& parent,
                      const FileVisitor& visit);
  [[nodiscard]] bool excluded(const std::string& rel_path, bool is_dir,
                              const IgnoreChain& chain) const;
  void note_skipped(std::string rel_path, std::string reason);

  WalkOptions options_;
  core::ThreadPool& pool_;
  std::string real_root_;
  std::vector<IgnoreRule> excludes_;
  std::optional<TrackedPaths> tracked_;
  WalkStats stats_;
  mutable std::mutex skipped_mutex_;
  std::vector<SkippedPath> skipped_;
};

}  // namespace golive::walk
