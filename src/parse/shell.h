#pragma once
// Shell scripts as CI steps write them (run:, script:, Makefile recipes): one way to join
// continued lines and to split a line into simple commands and words, used by every reader of a
// script so that they agree on what a command is.
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

// A simple command of a command line.
struct Segment {
  std::string text;       // trimmed
  size_t offset = 0;      // where it starts in the line
  std::string separator;  // what follows it: "&&", "||", ";", "|", ""
};

// A command line's simple commands, split at the && || ; | & outside quotes, backquotes and
// $( ... ); '&' is reported as ";". A '#' after a blank (or first) ends the line.
std::vector<Segment> split_segments(std::string_view line);

// A simple command's words: split at blanks and parentheses, with quotes removed.
std::vector<std::string> words(std::string_view text);

// A simple command's words without what only wraps it: leading FOO=bar assignments, sudo, env,
// time, exec, command and -e.
std::vector<std::string> command_words(std::string_view text);

}  // namespace golive::parse
