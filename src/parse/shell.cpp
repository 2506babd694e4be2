#include "parse/shell.h"

#include <re2/re2.h>

#include "core/strings.h"

namespace golive::parse {
namespace {

// True when line ends in a continuation mark, which is then cut from line.
bool strip_continuation(std::string_view& line) {
  if (line.ends_with('\\')) {
    line = core::trim(line.substr(0, line.size() - 1));
    return true;
  }
  if (line.size() >= 2 && line.ends_with('`') &&
      (line[line.size() - 2] == ' ' || line[line.size() - 2] == '\t')) {
    line = core::trim(line.substr(0, line.size() - 1));
    return true;
  }
  return false;
}

}  // namespace

size_t LogicalLine::physical_line_at(size_t offset) const {
  size_t physical = first;
  for (const auto& [start, index] : starts) {
    if (start > offset) break;
    physical = index;
  }
  return physical;
}

std::vector<LogicalLine> logical_lines(std::string_view script) {
  std::vector<LogicalLine> out;
  std::vector<std::string_view> lines = core::split_lines(script);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    LogicalLine logical{{}, i, {}};
    bool continues = strip_continuation(line);
    logical.starts.emplace_back(0, i);
    logical.text = std::string(line);
    while (continues && i + 1 < lines.size()) {
      line = core::trim(lines[++i]);
      continues = strip_continuation(line);
      if (!logical.text.empty()) logical.text += ' ';
      logical.starts.emplace_back(logical.text.size(), i);
      logical.text += line;
    }
    out.push_back(std::move(logical));
  }
  return out;
}

// Splits a shell command line into simple commands at top-level && || ; | &.
std::vector<Segment> split_segments(std::string_view line) {
  std::vector<Segment> out;
  char quote = 0;
  int substitution = 0;  // depth of $( ... )
  size_t start = 0;
  auto flush = [&](size_t end, std::string separator) {
    std::string_view raw = line.substr(start, end - start);
    std::string_view text = core::trim(raw);
    size_t lead = raw.find_first_not_of(" \t");
    if (!text.empty()) {
      out.push_back({std::string(text), start + (lead == std::string_view::npos ? 0 : lead),
                     std::move(separator)});
    } else if (!out.empty() && !separator.empty()) {
      out.back().separator = separator;
    }
  };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      continue;
    }
    if (c == '$' && i + 1 < line.size() && line[i + 1] == '(') {
      ++substitution;
      ++i;
      continue;
    }
    if (substitution > 0) {
      if (c == ')') --substitution;
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      flush(i, "");
      start = line.size();
      break;
    }
    std::string separator;
    if ((c == '&' || c == '|') && i + 1 < line.size() && line[i + 1] == c) {
      separator = std::string(2, c);
    } else if (c == ';' || c == '|' || c == '&') {
      separator = std::string(1, c == '&' ? ';' : c);
    }
    if (separator.empty()) continue;
    flush(i, separator);
    i += separator.size() == 2 ? 1 : 0;
    start = i + 1;
  }
  if (start < line.size()) flush(line.size(), "");
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        current += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '(' || c == ')') {
      if (in_word) out.push_back(std::move(current));
      current.clear();
      in_word = false;
      continue;
    }
    current += c;
    in_word = true;
  }
  if (in_word) out.push_back(std::move(current));
  return out;
}

// Drops what only wraps a command: FOO=bar, sudo, env, time, exec.
std::vector<std::string> command_words(std::string_view text) {
  auto all = words(text);
  static const re2::RE2 kAssignment(R"((?i)[a-z_][a-z0-9_]*=.*)");
  size_t i = 0;
  while (i < all.size() &&
         (re2::RE2::FullMatch(all[i], kAssignment) || all[i] == "sudo" || all[i] == "env" ||
          all[i] == "time" || all[i] == "exec" || all[i] == "command" || all[i] == "-e")) {
    ++i;
  }
  return {all.begin() + static_cast<long>(i), all.end()};
}

}  // namespace golive::parse
