#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/dockerfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file =
      golive::parse::parse_dockerfile(std::string_view(reinterpret_cast<const char*>(data), size));
  (void)file;
  return 0;
}
