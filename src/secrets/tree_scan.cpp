#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "secrets/sources.h"

namespace golive::secrets {
namespace {

// A read-only mapping of a whole file; empty files map to an empty view.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_ = std::strerror(errno);
      return;
    }
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
      size_ = static_cast<size_t>(info.st_size);
      // Populated up front: one call maps the whole file instead of a fault per page.
      void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (data == MAP_FAILED) {
        error_ = std::strerror(errno);
        size_ = 0;
      } else {
        data_ = data;
        ::madvise(data_, size_, MADV_SEQUENTIAL);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] std::string_view view() const {
    return data_ == nullptr ? std::string_view()
                            : std::string_view(static_cast<char*>(data_), size_);
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
  std::string error_;
};

}  // namespace

ScanOutput scan_tree(const Detector& detector, const walk::WalkOptions& options,
                     core::ThreadPool& pool, ScanCounts& counts) {
  ScanOutput output;
  std::mutex mutex;
  walk::Walker walker(options, pool);
  walker.run([&](const walk::WalkedFile& walked) {
    MappedFile file(walked.abs_path);
    if (!file.error().empty()) {
      std::lock_guard lock(mutex);
      output.problems.push_back(walked.rel_path + ": cannot be read: " + file.error());
      return;
    }
    std::string_view text = file.view();
    if (looks_binary(text)) {
      ++counts.skipped_binary;
      return;
    }
    ++counts.files;
    counts.bytes += text.size();
    auto findings = detector.scan(text, walked.rel_path);
    if (findings.empty()) return;
    std::lock_guard lock(mutex);
    output.findings.insert(output.findings.end(), std::make_move_iterator(findings.begin()),
                           std::make_move_iterator(findings.end()));
  });
  counts.skipped_large += walker.stats().too_large.load();
  sort_findings(output.findings);
  std::sort(output.problems.begin(), output.problems.end());
  return output;
}

void sort_findings(std::vector<SecretFinding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const SecretFinding& a, const SecretFinding& b) {
    return std::tie(a.path, a.line, a.column, a.rule_id) <
           std::tie(b.path, b.line, b.column, b.rule_id);
  });
}

}  // namespace golive::secrets
