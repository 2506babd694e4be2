#pragma once
#include <string>

#include "core/result.h"
#include "rules/settings.h"

namespace golive::engine {

// Reads .golive.yml text into Settings. Unknown keys, bad values and unknown rule ids are
// errors that name the file, line and column, with a "did you mean" where one is close.
core::Result<rules::Settings> parse_config(std::string_view text, const std::string& path);

// Loads the config at path; when path is empty, loads <root>/.golive.yml if it exists.
core::Result<rules::Settings> load_config(const std::string& root, const std::string& path);

}  // namespace golive::engine
