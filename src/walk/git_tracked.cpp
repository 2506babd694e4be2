#include "walk/git_tracked.h"

#include <git2.h>

#include <memory>

namespace golive::walk {
namespace {

// libgit2 keeps global state; initialise it once for the process.
void ensure_libgit2() {
  static const int kInitialised = git_libgit2_init();
  (void)kInitialised;
}

struct RepositoryCloser {
  void operator()(git_repository* repository) const { git_repository_free(repository); }
};
struct IndexCloser {
  void operator()(git_index* index) const { git_index_free(index); }
};

}  // namespace

std::optional<TrackedPaths> TrackedPaths::load(const std::string& root) {
  ensure_libgit2();
  git_repository* raw_repository = nullptr;
  if (git_repository_open_ext(&raw_repository, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH,
                              nullptr) != 0) {
    return std::nullopt;
  }
  std::unique_ptr<git_repository, RepositoryCloser> repository(raw_repository);
  if (git_repository_is_bare(repository.get()) != 0) return std::nullopt;
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repository.get()) != 0) return std::nullopt;
  std::unique_ptr<git_index, IndexCloser> index(raw_index);
  TrackedPaths tracked;
  size_t count = git_index_entrycount(index.get());
  for (size_t i = 0; i < count; ++i) {
    if (const git_index_entry* entry = git_index_get_byindex(index.get(), i))
      tracked.add_file(entry->path);
  }
  return tracked;
}

void TrackedPaths::add_file(std::string rel_path) {
  for (size_t slash = rel_path.find('/'); slash != std::string::npos;
       slash = rel_path.find('/', slash + 1)) {
    directories_.insert(rel_path.substr(0, slash));
  }
  files_.insert(std::move(rel_path));
}

bool TrackedPaths::contains(std::string_view rel_path, bool is_dir) const {
  std::string key(rel_path);
  return is_dir ? directories_.count(key) > 0 : files_.count(key) > 0;
}

}  // namespace golive::walk
