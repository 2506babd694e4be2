#pragma once
#include <string_view>

#include "parse/yaml.h"

namespace golive::parse {

// Parses strict JSON into the same positioned tree as YAML. Syntax is judged by nlohmann-json
// (strict JSON); positions come from libyaml, whose flow syntax JSON is a subset of.
YamlFile parse_json(std::string_view text, size_t max_depth = 256);

}  // namespace golive::parse
