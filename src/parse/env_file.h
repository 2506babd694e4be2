#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "parse/diagnostics.h"

namespace golive::parse {

struct EnvEntry {
  std::string name;
  std::string value;
  int line = 0;
};

struct EnvFile {
  std::vector<EnvEntry> entries;
  ParseIssues issues;
};

// Reads KEY=VALUE lines ("export " prefix, quotes and "#" comments allowed) as dotenv does.
EnvFile parse_env_file(std::string_view text);

}  // namespace golive::parse
