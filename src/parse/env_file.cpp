#include "parse/env_file.h"

#include <cctype>

#include "core/strings.h"

namespace golive::parse {
namespace {

bool valid_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-')
      return false;
  }
  return true;
}

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    const char quote = value.front();
    // A quoted value ends at a closing quote that only a "# comment" may follow.
    for (size_t i = 1; i < value.size(); ++i) {
      if (quote == '"' && value[i] == '\\') {
        ++i;
        continue;
      }
      if (value[i] != quote) continue;
      std::string_view rest = core::trim(value.substr(i + 1));
      if (rest.empty() || rest.front() == '#') return std::string(value.substr(1, i - 1));
    }
    if (value.back() == quote) return std::string(value.substr(1, value.size() - 2));
  }
  size_t comment = value.find(" #");
  if (comment != std::string_view::npos) value = core::trim(value.substr(0, comment));
  return std::string(value);
}

}  // namespace

EnvFile parse_env_file(std::string_view text) {
  EnvFile file;
  auto lines = core::split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    if (line.substr(0, 7) == "export ") line = core::trim(line.substr(7));
    size_t eq = line.find('=');
    int number = static_cast<int>(i) + 1;
    if (eq == std::string_view::npos) {
      file.issues.push_back({"invalid-env", "line is not KEY=VALUE", number, 1});
      continue;
    }
    std::string_view name = core::trim(line.substr(0, eq));
    if (!valid_name(name)) {
      file.issues.push_back(
          {"invalid-env", "'" + core::excerpt(name, 40) + "' is not a variable name", number, 1});
      continue;
    }
    file.entries.push_back({std::string(name), unquote(core::trim(line.substr(eq + 1))), number});
  }
  return file;
}

}  // namespace golive::parse
