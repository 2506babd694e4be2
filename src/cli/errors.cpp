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

}  // namespace golive::cli
