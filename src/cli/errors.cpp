#include "cli/errors.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace golive::cli {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out) throw UsageError(path + ": cannot write: " + std::strerror(errno));
}

}  // namespace golive::cli
