#include "cli/errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>

namespace golive::cli {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out) throw UsageError(path + ": cannot write: " + std::strerror(errno));
}

// Today's date in UTC; GOLIVE_TODAY (YYYY-MM-DD) pins it, so waiver expiry is testable.
std::string today() {
  if (const char* pinned = std::getenv("GOLIVE_TODAY"); pinned != nullptr && *pinned != '\0')
    return pinned;
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[11];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

std::vector<std::pair<std::string, std::string>> parse_outputs(
    const std::vector<std::string>& outputs, bool (*is_known)(std::string_view),
    std::string_view known_formats) {
  std::vector<std::pair<std::string, std::string>> parsed;
  for (const auto& output : outputs) {
    size_t eq = output.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == output.size()) {
      throw UsageError(
          "--output takes FORMAT=FILE, for example --output sarif=golive.sarif; got '" + output +
          "'");
    }
    std::string format = output.substr(0, eq);
    if (!is_known(format))
      throw UsageError("--output: unknown format '" + format + "' (" + std::string(known_formats) +
                       ")");
    parsed.emplace_back(format, output.substr(eq + 1));
  }
  return parsed;
}

}  // namespace golive::cli
