#pragma once
// Shell scripts as CI steps write them (run:, script:, Makefile recipes): one way to join
// continued lines, used by every reader of a script so that they agree on what a command is.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace golive::parse {

struct LogicalLine {
  std::string text;  // trimmed physical lines, joined by one space where a line was continued
  size_t first = 0;  // index of its first physical line in the script (0-based)
  // Where each physical line starts in text: {offset in text, physical line index}.
  std::vector<std::pair<size_t, size_t>> starts;

  // The physical line index that holds text's byte at offset.
  [[nodiscard]] size_t physical_line_at(size_t offset) const;
};

// The script's logical lines, in order. A line ending in '\' continues on the next; so does one
// ending in " `" (PowerShell's continuation; a backtick glued to a word closes a POSIX command
// substitution and continues nothing). Blank lines and comment lines ('#' first) are left out; a
// comment line ends there even when it ends in '\', as in sh.
std::vector<LogicalLine> logical_lines(std::string_view script);

}  // namespace golive::parse
