#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/hcl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = golive::parse::parse_hcl(text);
  (void)file;
  return 0;
}
