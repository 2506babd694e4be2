#include "engine/config.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/strings.h"
#include "parse/yaml.h"
#include "rules/rule.h"

namespace golive::engine {
namespace {

using parse::Node;

// Thrown inside the parser only; parse_config turns it into a Result.
struct ConfigError {
  std::string message;
  parse::Mark mark;
};

[[noreturn]] void fail(const Node& at, std::string message, bool at_key = false) {
  throw ConfigError{std::move(message), at_key ? at.key_mark : at.mark};
}

void check_keys(const Node& map, const std::vector<std::string>& allowed, std::string_view where) {
  if (!map.is_map()) fail(map, std::string(where) + " must be a mapping");
  for (const auto& child : map.children) {
    if (std::find(allowed.begin(), allowed.end(), child.key) != allowed.end()) continue;
    std::string hint = core::closest_match(child.key, allowed);
    fail(child,
         "unknown key '" + child.key + "' in " + std::string(where) +
             (hint.empty() ? " (allowed: " + core::join(allowed, ", ") + ")"
                           : " (did you mean '" + hint + "'?)"),
         true);
  }
}

std::string scalar(const Node& node, std::string_view what) {
  if (!node.is_scalar()) fail(node, std::string(what) + " must be a single value");
  return node.value;
}

std::vector<std::string> string_list(const Node& node, std::string_view what) {
  if (node.is_scalar()) return {node.value};
  if (!node.is_seq()) fail(node, std::string(what) + " must be a list");
  std::vector<std::string> out;
  for (const auto& item : node.children) out.push_back(scalar(item, what));
  return out;
}

int integer(const Node& node, std::string_view what, int low, int high) {
  std::string text = scalar(node, what);
  try {
    size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size() && value >= low && value <= high) return value;
  } catch (const std::exception&) {
  }
  fail(node, std::string(what) + " must be a whole number from " + std::to_string(low) + " to " +
                 std::to_string(high) + ", not '" + text + "'");
}

// "2027-02-31" has the right shape but is no date.
bool is_calendar_date(const std::string& text) {
  static const std::regex kIsoDate(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch parts;
  if (!std::regex_match(text, parts, kIsoDate)) return false;
  std::chrono::year_month_day date{
      std::chrono::year{std::stoi(parts[1].str())},
      std::chrono::month{static_cast<unsigned>(std::stoi(parts[2].str()))},
      std::chrono::day{static_cast<unsigned>(std::stoi(parts[3].str()))}};
  return date.ok();
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto* rule : rules::all_rules()) ids.emplace_back(rule->meta.id);
  return ids;
}

void require_rule(const Node& node, const std::string& id) {
  if (rules::find_rule(id) != nullptr) return;
  std::string hint = core::closest_match(id, rule_ids());
  fail(node,
       "unknown rule '" + id + "'" +
           (hint.empty() ? " (see 'golive rules')" : " (did you mean '" + hint + "'?)"),
       true);
}

// "off", "on", or a severity; as a mapping {enabled, severity}.
void read_rule_setting(const Node& node, const std::string& id, rules::Settings& settings) {
  auto apply_word = [&](const Node& value) {
    std::string word = core::to_lower(scalar(value, "a rule setting"));
    if (word == "off" || word == "false" || word == "disabled") {
      settings.rule_enabled[id] = false;
    } else if (word == "on" || word == "true" || word == "enabled") {
      settings.rule_enabled[id] = true;
    } else if (auto severity = rules::parse_severity(word)) {
      settings.rule_enabled[id] = true;
      settings.severity_overrides[id] = *severity;
    } else {
      fail(value,
           "rule setting must be off, on, error, warning or info, not '" + value.value + "'");
    }
  };
  if (!node.is_map()) return apply_word(node);
  check_keys(node, {"enabled", "severity"}, "rule " + id);
  if (const Node* enabled = node.find("enabled")) settings.rule_enabled[id] = enabled->truthy();
  if (const Node* severity = node.find("severity")) {
    auto parsed = rules::parse_severity(scalar(*severity, "severity"));
    if (!parsed) fail(*severity, "severity must be error, warning or info");
    settings.severity_overrides[id] = *parsed;
  }
}

void read_rules(const Node& node, rules::Settings& settings) {
  if (!node.is_map()) fail(node, "'rules' must map rule ids to settings");
  for (const auto& child : node.children) {
    require_rule(child, child.key);
    read_rule_setting(child, child.key, settings);
  }
}

void read_sections(const Node& node, rules::Settings& settings) {
  if (!node.is_map()) fail(node, "'sections' must map section names to on or off");
  auto sections = rules::all_sections();
  for (const auto& child : node.children) {
    if (std::find(sections.begin(), sections.end(), child.key) == sections.end()) {
      std::string hint = core::closest_match(child.key, sections);
      fail(child,
           "unknown section '" + child.key + "'" +
               (hint.empty() ? "" : " (did you mean '" + hint + "'?)"),
           true);
    }
    std::string word = core::to_lower(scalar(child, "a section setting"));
    if (word != "on" && word != "off" && word != "true" && word != "false") {
      fail(child, "section setting must be on or off, not '" + child.value + "'");
    }
    settings.section_enabled[child.key] = word == "on" || word == "true";
  }
}

constexpr std::string_view kCoverageMinimumOption = "ci/coverage-threshold-below-minimum.minimum";

// thresholds.coverage_min, written before rules had options, sets that rule's option.
void read_thresholds(const Node& node, rules::Settings& settings) {
  check_keys(node, {"coverage_min"}, "'thresholds'");
  if (const Node* coverage = node.find("coverage_min")) {
    settings.rule_options[std::string(kCoverageMinimumOption)] =
        std::to_string(integer(*coverage, "thresholds.coverage_min", 0, 100));
  }
}

// The value of one option, checked against its declared type and normalised to text.
std::string option_value(const Node& node, const rules::RuleOption& option,
                         const std::string& key) {
  switch (option.type) {
    case rules::OptionType::kInteger:
      return std::to_string(
          integer(node, key, static_cast<int>(option.min), static_cast<int>(option.max)));
    case rules::OptionType::kBoolean: {
      std::string word = core::to_lower(scalar(node, key));
      if (word == "true" || word == "yes" || word == "on") return "true";
      if (word == "false" || word == "no" || word == "off") return "false";
      fail(node, key + " must be true or false, not '" + node.value + "'");
    }
    case rules::OptionType::kString:
      return scalar(node, key);
    case rules::OptionType::kStringList:
      for (const auto& item : string_list(node, key)) {
        if (item.find(',') != std::string::npos) fail(node, key + " items cannot hold a comma");
      }
      return core::join(string_list(node, key), ",");
  }
  return scalar(node, key);
}

// options: { <rule-id>.<option>: value }, as clang-tidy's CheckOptions.
void read_options(const Node& node, rules::Settings& settings) {
  if (node.is_null()) return;
  if (!node.is_map()) fail(node, "'options' must map <rule-id>.<option> to values");
  for (const auto& child : node.children) {
    size_t dot = child.key.find('.', child.key.find('/'));
    if (child.key.find('/') == std::string::npos || dot == std::string::npos)
      fail(child, "option '" + child.key + "' must be written <rule-id>.<option>", true);
    std::string id = child.key.substr(0, dot);
    std::string name = child.key.substr(dot + 1);
    require_rule(child, id);
    const rules::Rule* rule = rules::find_rule(id);
    const rules::RuleOption* option = rule->meta.option(name);
    if (option == nullptr) {
      std::vector<std::string> names;
      for (const auto& declared : rule->meta.options) names.emplace_back(declared.name);
      std::string hint = core::closest_match(name, names);
      fail(child,
           "rule '" + id + "' has no option '" + name + "'" +
               (names.empty()   ? " (it has no options)"
                : !hint.empty() ? " (did you mean '" + hint + "'?)"
                                : " (options: " + core::join(names, ", ") + ")"),
           true);
    }
    if (settings.rule_options.count(child.key) != 0)
      fail(child, "'" + child.key + "' is set twice (thresholds.coverage_min sets it too)", true);
    settings.rule_options[child.key] = option_value(child, *option, child.key);
  }
}

void read_walk(const Node& node, rules::Settings& settings) {
  check_keys(node, {"max_file_size"}, "'walk'");
  if (const Node* size = node.find("max_file_size")) {
    settings.max_file_size =
        static_cast<std::uintmax_t>(integer(*size, "walk.max_file_size (bytes)", 1024, 1 << 30));
  }
}

void read_waivers(const Node& node, rules::Settings& settings) {
  if (!node.is_seq()) fail(node, "'waivers' must be a list");
  for (const auto& item : node.children) {
    check_keys(item, {"rule", "paths", "reason", "owner", "expires"}, "a waiver");
    rules::Waiver waiver;
    waiver.line = item.mark.line;
    for (const char* required : {"rule", "reason", "owner", "expires"}) {
      if (item.find(required) == nullptr)
        fail(item, std::string("waiver needs '") + required + "'");
    }
    const Node& rule = *item.find("rule");
    waiver.rule = scalar(rule, "waiver rule");
    if (rules::find_rule(waiver.rule) == nullptr) {
      std::string hint = core::closest_match(waiver.rule, rule_ids());
      fail(rule, "unknown rule '" + waiver.rule + "'" +
                     (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    waiver.reason = scalar(*item.find("reason"), "waiver reason");
    waiver.owner = scalar(*item.find("owner"), "waiver owner");
    const Node& expires = *item.find("expires");
    waiver.expires = scalar(expires, "waiver expires");
    if (!is_calendar_date(waiver.expires))
      fail(expires, "expires must be a real date written YYYY-MM-DD, not '" + waiver.expires + "'");
    if (core::trim(waiver.reason).empty()) fail(item, "waiver reason must not be empty");
    if (const Node* paths = item.find("paths")) waiver.paths = string_list(*paths, "waiver paths");
    settings.waivers.push_back(std::move(waiver));
  }
}

// paths: { <role>: [glob, ...] }: the roles of files the conventions get wrong.
void read_paths(const Node& node, rules::Settings& settings) {
  std::vector<std::string> names;
  for (walk::PathRole role : walk::all_roles()) names.emplace_back(walk::role_name(role));
  check_keys(node, names, "paths");
  for (const auto& child : node.children) {
    auto role = walk::parse_role(child.key);
    for (auto& glob : string_list(child, "paths." + child.key)) {
      // Globs are relative to the repository root, as exclude: patterns are.
      while (glob.starts_with("./")) glob.erase(0, 2);
      while (glob.starts_with('/')) glob.erase(0, 1);
      if (glob.empty()) fail(child, "paths." + child.key + " holds an empty glob");
      settings.role_overrides.push_back({std::move(glob), *role});
    }
  }
}

}  // namespace

core::Result<rules::Settings> parse_config(std::string_view text, const std::string& path) {
  rules::Settings settings;
  settings.config_path = path;
  parse::YamlFile file = parse::parse_yaml(text);
  for (const auto& issue : file.issues) {
    return core::Error{issue.message, path, issue.line, issue.column};
  }
  if (file.documents.empty() || file.documents.front().is_null()) return settings;
  if (file.documents.size() > 1) return core::Error{"expected one YAML document", path, 1, 1};
  const Node& root = file.documents.front();
  try {
    check_keys(root,
               {"version", "rules", "options", "sections", "thresholds", "exclude", "walk",
                "waivers", "paths", "profile"},
               "the configuration");
    if (const Node* version = root.find("version");
        version != nullptr && scalar(*version, "version") != "1") {
      fail(*version, "unsupported configuration version '" + version->value +
                         "' (this golive reads version 1)");
    }
    if (const Node* node = root.find("rules")) read_rules(*node, settings);
    if (const Node* node = root.find("sections")) read_sections(*node, settings);
    if (const Node* node = root.find("thresholds")) read_thresholds(*node, settings);
    if (const Node* node = root.find("options")) read_options(*node, settings);
    if (const Node* node = root.find("exclude")) settings.excludes = string_list(*node, "exclude");
    if (const Node* node = root.find("walk")) read_walk(*node, settings);
    if (const Node* node = root.find("waivers")) read_waivers(*node, settings);
    if (const Node* node = root.find("paths")) read_paths(*node, settings);
    if (const Node* node = root.find("profile")) {
      std::string name = scalar(*node, "profile");
      settings.profile = model::parse_profile(name);
      if (!settings.profile)
        fail(*node,
             "unknown profile '" + name +
                 "' (one of service, application, library, infrastructure, manifests, examples)");
    }
  } catch (const ConfigError& error) {
    return core::Error{error.message, path, error.mark.line, error.mark.column};
  }
  return settings;
}

core::Result<rules::Settings> load_config(const std::string& root, const std::string& path) {
  std::string chosen = path;
  std::string shown = path;
  if (chosen.empty()) {
    chosen = root + "/.golive.yml";
    shown = ".golive.yml";
    if (!std::filesystem::exists(chosen)) return rules::Settings{};
  }
  std::ifstream in(chosen, std::ios::binary);
  if (!in) return core::Error{"cannot read the configuration file", shown};
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_config(buffer.str(), shown);
}

}  // namespace golive::engine
