#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/env_file.h"
#include "parse/suppressions.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto env = golive::parse::parse_env_file(text);
  auto suppressions = golive::parse::find_suppressions(text);
  (void)env;
  (void)suppressions;
  return 0;
}
