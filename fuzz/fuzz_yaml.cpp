#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parse/yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  golive::parse::YamlOptions options;
  options.alias_expansion_budget = 10000;
  auto file = golive::parse::parse_yaml(std::string_view(reinterpret_cast<const char*>(data), size),
                                        options);
  (void)file;
  return 0;
}
