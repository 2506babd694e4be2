#pragma once
// The user's configuration as data. Parsed from .golive.yml by the engine; read by rules.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/profile.h"
#include "walk/roles.h"

namespace golive::rules {

enum class Severity { kInfo, kWarning, kError };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct Waiver {
  std::string rule;
  std::vector<std::string> paths;  // globs; empty means every path
  std::string reason;
  std::string owner;
  std::string expires;  // YYYY-MM-DD
  int line = 0;         // where the waiver is written in the config
};

struct Settings {
  std::string config_path;  // "" when no config file was read
  std::string today;        // YYYY-MM-DD, the date waivers are judged against
  std::map<std::string, bool> rule_enabled;
  std::map<std::string, bool> section_enabled;
  std::map<std::string, Severity> severity_overrides;
  // Rule options by "<rule-id>.<option>", values as written (booleans as true/false, lists
  // comma-separated); declared and typed in each rule's RuleMeta::options.
  std::map<std::string, std::string> rule_options;
  std::vector<std::string> excludes;
  std::uintmax_t max_file_size = std::uintmax_t{2} * 1024 * 1024;
  std::vector<Waiver> waivers;
  // `paths:` globs that give files a role whatever the conventions say, in the order written.
  std::vector<walk::RoleOverride> role_overrides;
  // `profile:` when the team says what the repository is, instead of golive's detection.
  std::optional<model::Profile> profile;
};

}  // namespace golive::rules
