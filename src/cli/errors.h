#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace golive::cli {

// Exit codes, as documented in README.md.
inline constexpr int kExitPass = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

// A usage or configuration error: main prints it and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Today's date in UTC, YYYY-MM-DD; GOLIVE_TODAY pins it so waiver expiry is testable.
std::string today();

// Colour for "always", never for "never"; for "auto", only on a terminal without NO_COLOR.
bool use_color(const std::string& mode);

// Parses repeated --output FORMAT=FILE values; known_formats lists the formats in the message.
std::vector<std::pair<std::string, std::string>> parse_outputs(
    const std::vector<std::string>& outputs, bool (*is_known)(std::string_view),
    std::string_view known_formats);

// Writes text to path, or throws UsageError naming the path.
void write_file(const std::string& path, const std::string& text);

}  // namespace golive::cli
