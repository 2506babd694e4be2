#pragma once
// Where secrets are looked for: the working tree, every blob in the history, or the staged
// changes. Each source scans in parallel and returns its findings in a stable order.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/thread_pool.h"
#include "secrets/detector.h"
#include "walk/walker.h"

namespace golive::secrets {

struct ScanCounts {
  std::atomic<uint64_t> files{0};  // files or blobs scanned
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> commits{0};
  std::atomic<uint64_t> skipped_binary{0};
  std::atomic<uint64_t> skipped_large{0};
};

struct ScanOutput {
  std::vector<SecretFinding> findings;
  std::vector<std::string> problems;  // files or objects that could not be read
};

// By path, line, column and rule: the order every source reports in.
void sort_findings(std::vector<SecretFinding>& findings);

// The working tree under the walk's root, honouring .gitignore like `golive scan`.
ScanOutput scan_tree(const Detector& detector, const walk::WalkOptions& options,
                     core::ThreadPool& pool, ScanCounts& counts);

struct HistoryOptions {
  std::string repository;  // any path inside the work tree or the git directory
  std::string since;       // a revision: commits reachable from it are not scanned
  std::uintmax_t max_blob_size = std::uintmax_t{2} * 1024 * 1024;
};

// Every commit reachable from any ref (or only those not reachable from `since`): each distinct
// blob is read and scanned once; a finding names the first commit that introduced it.
core::Result<ScanOutput> scan_history(const Detector& detector, const HistoryOptions& options,
                                      core::ThreadPool& pool, ScanCounts& counts);

// What is staged: the index against HEAD, as a pre-commit hook sees it.
core::Result<ScanOutput> scan_staged(const Detector& detector, const std::string& repository,
                                     ScanCounts& counts);

}  // namespace golive::secrets
