#include "parse/shell.h"

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

}  // namespace golive::parse
