#pragma once
// One file's bytes as every learner of the build reads them: split into lines at most once,
// when the first learner asks, instead of once per learner.
#include <optional>
#include <string_view>
#include <vector>

#include "core/strings.h"

namespace golive::model {

class FileText {
 public:
  explicit FileText(std::string_view content) : content_(content) {}

  [[nodiscard]] std::string_view content() const { return content_; }
  // The lines of content (core::split_lines), computed on first use. Not thread-safe: one
  // FileText belongs to the one thread that reads the file.
  [[nodiscard]] const std::vector<std::string_view>& lines() const {
    if (!lines_) lines_ = core::split_lines(content_);
    return *lines_;
  }

 private:
  std::string_view content_;
  mutable std::optional<std::vector<std::string_view>> lines_;
};

}  // namespace golive::model
