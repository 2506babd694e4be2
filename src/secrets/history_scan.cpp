#include <git2.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "secrets/sources.h"

namespace golive::secrets {

namespace {

// libgit2 objects released by their own free functions.
template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;
using Repository = Owned<git_repository, git_repository_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Blob = Owned<git_blob, git_blob_free>;
using RevWalk = Owned<git_revwalk, git_revwalk_free>;
using Object = Owned<git_object, git_object_free>;
using Index = Owned<git_index, git_index_free>;

// Initialises libgit2 once for the process. Shutting it down after a scan would drop the
// thread-local state of the pool's workers, which outlive the scan, so that waits for exit.
void ensure_libgit2() {
  struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
  };
  static const Libgit2 kInstance;
}

core::Error libgit2_error(const std::string& what) {
  const ::git_error* last = git_error_last();
  return core::Error{what + (last != nullptr ? std::string(": ") + last->message : ""), ""};
}

core::Result<Repository> open_repository(const std::string& path) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0)
    return libgit2_error(path + ": not a git repository");
  return Repository(raw);
}

struct CommitInfo {
  std::string id;
  std::string author;
  std::string date;
};

std::string iso_date(git_time_t seconds) {
  auto time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

CommitInfo describe(const git_commit* commit) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
  const git_signature* author = git_commit_author(commit);
  std::string who = author != nullptr ? std::string(author->name) + " <" + author->email + ">" : "";
  return {hex, who, author != nullptr ? iso_date(author->when.time) : ""};
}

struct BlobToScan {
  git_oid id;
  std::string path;
  size_t commit = 0;  // index into the commits, oldest first
};

struct OidHash {
  size_t operator()(const git_oid& oid) const {
    size_t hash = 0;
    std::memcpy(&hash, oid.id, sizeof hash);
    return hash;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};

struct ObjectsSeen {
  std::unordered_set<git_oid, OidHash, OidEqual> trees;
  std::unordered_set<git_oid, OidHash, OidEqual> blobs;
};

// Walks a tree, skipping every subtree met before: a commit's unseen trees are exactly what it
// (or a merge it reaches first) changed, so this costs what a diff against the parents would,
// without building one.
void list_new_blobs(git_repository* repo, const git_oid& tree_id, const std::string& prefix,
                    size_t commit, ObjectsSeen& seen, std::vector<BlobToScan>& blobs) {
  if (!seen.trees.insert(tree_id).second) return;
  git_tree* raw_tree = nullptr;
  if (git_tree_lookup(&raw_tree, repo, &tree_id) != 0) return;
  Tree tree(raw_tree);
  for (size_t i = 0, n = git_tree_entrycount(tree.get()); i < n; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
    const git_oid* id = git_tree_entry_id(entry);
    std::string path = prefix + git_tree_entry_name(entry);
    switch (git_tree_entry_type(entry)) {
      case GIT_OBJECT_TREE:
        list_new_blobs(repo, *id, path + "/", commit, seen, blobs);
        break;
      case GIT_OBJECT_BLOB:
        if (git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK && seen.blobs.insert(*id).second)
          blobs.push_back({*id, std::move(path), commit});
        break;
      default:  // submodule commits
        break;
    }
  }
}

// The blobs of every commit, oldest commit first. A blob is listed once, under the first commit
// and path that introduced it: the same bytes hold the same secrets wherever they are.
core::Result<std::vector<BlobToScan>> collect_blobs(git_repository* repo,
                                                    const HistoryOptions& options,
                                                    std::vector<CommitInfo>& commits) {
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo) != 0) return libgit2_error("cannot walk the history");
  RevWalk walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
  git_revwalk_push_glob(walk.get(), "refs/*");
  git_revwalk_push_head(walk.get());  // fails harmlessly on an unborn or detached-less HEAD
  ObjectsSeen seen;
  if (!options.since.empty()) {
    git_object* raw_since = nullptr;
    if (git_revparse_single(&raw_since, repo, options.since.c_str()) != 0)
      return libgit2_error("--since " + options.since + ": unknown revision");
    Object since(raw_since);
    git_object* raw_commit = nullptr;
    if (git_object_peel(&raw_commit, since.get(), GIT_OBJECT_COMMIT) != 0 ||
        git_revwalk_hide(walk.get(), git_object_id(raw_commit)) != 0) {
      git_object_free(raw_commit);
      return libgit2_error("--since " + options.since + ": not a commit");
    }
    Commit base(reinterpret_cast<git_commit*>(raw_commit));
    // What the base already holds is not new: mark its trees and blobs as seen.
    std::vector<BlobToScan> already;
    list_new_blobs(repo, *git_commit_tree_id(base.get()), "", 0, seen, already);
  }

  std::vector<BlobToScan> blobs;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo, &oid) != 0) continue;
    Commit commit(raw_commit);
    const size_t index = commits.size();
    commits.push_back(describe(commit.get()));
    list_new_blobs(repo, *git_commit_tree_id(commit.get()), "", index, seen, blobs);
  }
  return blobs;
}

// Findings of the same secret in the same file at several commits: keep the first.
void keep_first_appearance(std::vector<SecretFinding>& findings,
                           const std::vector<size_t>& commit_of) {
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return commit_of[a] < commit_of[b]; });
  std::unordered_map<std::string, bool> kept;
  std::vector<SecretFinding> first;
  for (size_t i : order) {
    if (kept.emplace(findings[i].fingerprint, true).second) first.push_back(std::move(findings[i]));
  }
  findings = std::move(first);
}

}  // namespace

core::Result<ScanOutput> scan_history(const Detector& detector, const HistoryOptions& options,
                                      core::ThreadPool& pool, ScanCounts& counts) {
  ensure_libgit2();
  auto repo = open_repository(options.repository);
  if (!repo.ok()) return repo.error();
  std::vector<CommitInfo> commits;
  auto blobs = collect_blobs(repo->get(), options, commits);
  if (!blobs.ok()) return blobs.error();
  counts.commits += commits.size();
  const std::string git_dir = git_repository_path(repo->get());

  ScanOutput output;
  std::vector<size_t> commit_of;
  std::mutex mutex;
  const size_t workers = std::max<size_t>(1, pool.size());
  const size_t chunk = (blobs->size() + workers - 1) / workers;
  for (size_t begin = 0; begin < blobs->size(); begin += chunk) {
    size_t end = std::min(blobs->size(), begin + chunk);
    pool.submit([&, begin, end] {
      // A repository handle per thread: libgit2 objects are not shared across threads.
      auto local = open_repository(git_dir);
      if (!local.ok()) {
        std::lock_guard lock(mutex);
        output.problems.push_back(local.error().message);
        return;
      }
      for (size_t i = begin; i < end; ++i) {
        const BlobToScan& item = (*blobs)[i];
        git_blob* raw_blob = nullptr;
        if (git_blob_lookup(&raw_blob, local->get(), &item.id) != 0) {
          std::lock_guard lock(mutex);
          output.problems.push_back(item.path + ": blob cannot be read");
          continue;
        }
        Blob blob(raw_blob);
        auto size = static_cast<std::uintmax_t>(git_blob_rawsize(blob.get()));
        if (size > options.max_blob_size) {
          ++counts.skipped_large;
          continue;
        }
        std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                              static_cast<size_t>(size));
        if (looks_binary(text)) {
          ++counts.skipped_binary;
          continue;
        }
        ++counts.files;
        counts.bytes += size;
        auto found = detector.scan(text, item.path);
        if (found.empty()) continue;
        const CommitInfo& commit = commits[item.commit];
        std::lock_guard lock(mutex);
        for (auto& finding : found) {
          finding.commit = commit.id;
          finding.author = commit.author;
          finding.date = commit.date;
          output.findings.push_back(std::move(finding));
          commit_of.push_back(item.commit);
        }
      }
    });
  }
  pool.wait();
  keep_first_appearance(output.findings, commit_of);
  sort_findings(output.findings);
  std::sort(output.problems.begin(), output.problems.end());
  return output;
}

core::Result<ScanOutput> scan_staged(const Detector& detector, const std::string& repository,
                                     ScanCounts& counts) {
  ensure_libgit2();
  auto repo = open_repository(repository);
  if (!repo.ok()) return repo.error();
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo->get()) != 0)
    return libgit2_error("cannot read the index");
  Index index(raw_index);
  Tree head_tree;
  git_object* raw_head = nullptr;
  if (git_revparse_single(&raw_head, repo->get(), "HEAD^{tree}") == 0)
    head_tree.reset(reinterpret_cast<git_tree*>(raw_head));  // an unborn HEAD stages everything
  git_diff* raw_diff = nullptr;
  git_diff_options diff_options;
  git_diff_options_init(&diff_options, GIT_DIFF_OPTIONS_VERSION);
  diff_options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  if (git_diff_tree_to_index(&raw_diff, repo->get(), head_tree.get(), index.get(), &diff_options) !=
      0)
    return libgit2_error("cannot compare the index with HEAD");
  Diff diff(raw_diff);
  ScanOutput output;
  for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_DELETED || delta->new_file.mode == GIT_FILEMODE_COMMIT) continue;
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repo->get(), &delta->new_file.id) != 0) {
      output.problems.push_back(std::string(delta->new_file.path) + ": staged blob cannot be read");
      continue;
    }
    Blob blob(raw_blob);
    std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                          static_cast<size_t>(git_blob_rawsize(blob.get())));
    if (looks_binary(text)) {
      ++counts.skipped_binary;
      continue;
    }
    ++counts.files;
    counts.bytes += text.size();
    auto found = detector.scan(text, delta->new_file.path);
    output.findings.insert(output.findings.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
  }
  sort_findings(output.findings);
  return output;
}

}  // namespace golive::secrets
