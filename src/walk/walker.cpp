#include "walk/walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace golive::walk {
namespace {

constexpr size_t kFilesPerTask = 32;

std::string join_path(const std::string& dir, const char* name) {
  return dir.empty() ? std::string(name) : dir + "/" + name;
}

std::string read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string real_path(const std::string& path) {
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) return "";
  return resolved;
}

bool is_within(const std::string& root, const std::string& path) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root == "/" || path[root.size()] == '/'));
}

}  // namespace

Walker::Walker(WalkOptions options, core::ThreadPool& pool)
    : options_(std::move(options)), pool_(pool) {
  real_root_ = real_path(options_.root);
  if (options_.honour_git_index) tracked_ = TrackedPaths::load(options_.root);
  for (const auto& pattern : options_.excludes) {
    auto rules = parse_ignore_file(pattern, "");
    excludes_.insert(excludes_.end(), rules.begin(), rules.end());
  }
}

std::vector<SkippedPath> Walker::skipped() const {
  std::lock_guard lock(skipped_mutex_);
  auto sorted = skipped_;
  std::sort(sorted.begin(), sorted.end(),
            [](const SkippedPath& a, const SkippedPath& b) { return a.rel_path < b.rel_path; });
  return sorted;
}

void Walker::note_skipped(std::string rel_path, std::string reason) {
  std::lock_guard lock(skipped_mutex_);
  skipped_.push_back({std::move(rel_path), std::move(reason)});
}

void Walker::run(const FileVisitor& visit) {
  auto root_chain = std::make_shared<const IgnoreChain>();
  pool_.submit([this, root_chain, &visit] { walk_directory("", root_chain, visit); });
  pool_.wait();
}

bool Walker::excluded(const std::string& rel_path, bool is_dir, const IgnoreChain& chain) const {
  for (auto it = excludes_.rbegin(); it != excludes_.rend(); ++it) {
    const auto& exclude = *it;
    if (exclude.matches(rel_path, is_dir)) {
      if (!exclude.negated) return true;
      break;
    }
  }
  const IgnoreRule* rule = chain.deciding_rule(rel_path, is_dir);
  if (rule == nullptr || rule->negated) return false;
  return !(rule->from_gitignore && tracked_ && tracked_->contains(rel_path, is_dir));
}

void Walker::walk_directory(const std::string& rel_dir,
                            const std::shared_ptr<const IgnoreChain>& parent,
                            const FileVisitor& visit) {
  stats_.directories++;
  const std::string abs_dir = rel_dir.empty() ? options_.root : options_.root + "/" + rel_dir;
  DIR* dir = ::opendir(abs_dir.c_str());
  if (dir == nullptr) {
    stats_.unreadable++;
    note_skipped(rel_dir.empty() ? "." : rel_dir, "directory cannot be read");
    return;
  }
  struct Entry {
    std::string name;
    unsigned char type;
  };
  std::vector<Entry> entries;
  bool has_ignore_file = false;
  while (dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (name == ".gitignore" || name == ".golive-ignore") has_ignore_file = true;
    entries.push_back({entry->d_name, entry->d_type});
  }
  ::closedir(dir);

  std::shared_ptr<const IgnoreChain> chain = parent;
  if (has_ignore_file) {
    std::vector<IgnoreRule> rules;
    for (const char* name : {".gitignore", ".golive-ignore"}) {
      if (std::none_of(entries.begin(), entries.end(),
                       [&](const Entry& e) { return e.name == name; })) {
        continue;
      }
      auto parsed = parse_ignore_file(read_small_file(abs_dir + "/" + name), rel_dir,
                                      std::string_view(name) == ".gitignore");
      rules.insert(rules.end(), parsed.begin(), parsed.end());
    }
    chain = std::make_shared<const IgnoreChain>(parent, std::move(rules));
  }

  std::vector<WalkedFile> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    pool_.submit([files = std::move(batch), &visit] {
      for (const auto& file : files) visit(file);
    });
    batch.clear();
  };

  for (const auto& entry : entries) {
    std::string rel = join_path(rel_dir, entry.name.c_str());
    std::string abs = abs_dir + "/" + entry.name;
    unsigned char type = entry.type;
    struct stat info {};
    if (type == DT_UNKNOWN || type == DT_LNK || type == DT_REG) {
      if (::lstat(abs.c_str(), &info) != 0) {
        stats_.unreadable++;
        continue;
      }
      type = S_ISDIR(info.st_mode)   ? DT_DIR
             : S_ISLNK(info.st_mode) ? DT_LNK
             : S_ISREG(info.st_mode) ? DT_REG
                                     : DT_UNKNOWN;
    }
    if (type == DT_DIR) {
      if (entry.name == ".git" || entry.name == "node_modules") continue;
      if (excluded(rel, true, *chain)) {
        stats_.ignored++;
        continue;
      }
      pool_.submit([this, rel, chain, &visit] { walk_directory(rel, chain, visit); });
      continue;
    }
    if (type == DT_LNK) {
      // A link is read only when it resolves to a regular file inside the root.
      std::string target = real_path(abs);
      struct stat target_info {};
      if (target.empty() || !is_within(real_root_, target) ||
          ::stat(target.c_str(), &target_info) != 0 || !S_ISREG(target_info.st_mode)) {
        stats_.symlinks_skipped++;
        note_skipped(rel, "symbolic link that leaves the repository or is not a file");
        continue;
      }
      info = target_info;
      type = DT_REG;
    }
    if (type != DT_REG) continue;
    if (excluded(rel, false, *chain)) {
      stats_.ignored++;
      continue;
    }
    auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > options_.max_file_size) {
      stats_.too_large++;
      note_skipped(
          rel, "larger than the size limit (" + std::to_string(options_.max_file_size) + " bytes)");
      continue;
    }
    stats_.files++;
    batch.push_back({std::move(rel), std::move(abs), size});
    if (batch.size() >= kFilesPerTask) flush();
  }
  flush();
}

}  // namespace golive::walk
