#include "engine/config.h"

#include <gtest/gtest.h>

#include <string>

#include "../support/temp_dir.h"

namespace golive::engine {
namespace {

using golive::testing::TempDir;

// The error of a config that must not load.
core::Error error_of(std::string_view text) {
  auto result = parse_config(text, ".golive.yml");
  EXPECT_FALSE(result.ok()) << text;
  if (result.ok()) return {};
  return result.error();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(Config, ReadsAFullConfiguration) {
  const char* text =
      "version: 1\n"
      "rules:\n"
      "  ci/disabled-workflow: off\n"
      "  docs/missing-adr: error\n"
      "  docs/missing-changelog:\n"
      "    enabled: true\n"
      "    severity: info\n"
      "  docs/missing-oncall: on\n"
      "sections:\n"
      "  secrets: off\n"
      "  docs: on\n"
      "thresholds:\n"
      "  coverage_min: 90\n"
      "exclude:\n"
      "  - vendor/**\n"
      "  - \"*.generated.yml\"\n"
      "walk:\n"
      "  max_file_size: 4096\n"
      "waivers:\n"
      "  - rule: docs/missing-license\n"
      "    paths: [\"docs/**\", LICENSE]\n"
      "    reason: legal review pending\n"
      "    owner: alice\n"
      "    expires: 2030-01-31\n"
      "  - rule: ci/missing-workflow\n"
      "    paths: tools/**\n"
      "    reason: built elsewhere\n"
      "    owner: bob\n"
      "    expires: \"2026-06-30\"\n";
  auto result = parse_config(text, "conf/golive.yml");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const rules::Settings& settings = *result;
  EXPECT_EQ(settings.config_path, "conf/golive.yml");

  EXPECT_EQ(settings.rule_enabled.at("ci/disabled-workflow"), false);
  EXPECT_EQ(settings.rule_enabled.at("docs/missing-adr"), true);
  EXPECT_EQ(settings.severity_overrides.at("docs/missing-adr"), rules::Severity::kError);
  EXPECT_EQ(settings.rule_enabled.at("docs/missing-changelog"), true);
  EXPECT_EQ(settings.severity_overrides.at("docs/missing-changelog"), rules::Severity::kInfo);
  EXPECT_EQ(settings.rule_enabled.at("docs/missing-oncall"), true);
  EXPECT_EQ(settings.severity_overrides.count("docs/missing-oncall"), 0u);
  EXPECT_EQ(settings.severity_overrides.count("ci/disabled-workflow"), 0u);

  EXPECT_EQ(settings.section_enabled.at("secrets"), false);
  EXPECT_EQ(settings.section_enabled.at("docs"), true);
  EXPECT_EQ(settings.rule_options.at("ci/coverage-threshold-below-minimum.minimum"), "90");
  EXPECT_EQ(settings.excludes, (std::vector<std::string>{"vendor/**", "*.generated.yml"}));
  EXPECT_EQ(settings.max_file_size, 4096u);

  ASSERT_EQ(settings.waivers.size(), 2u);
  const rules::Waiver& first = settings.waivers[0];
  EXPECT_EQ(first.rule, "docs/missing-license");
  EXPECT_EQ(first.paths, (std::vector<std::string>{"docs/**", "LICENSE"}));
  EXPECT_EQ(first.reason, "legal review pending");
  EXPECT_EQ(first.owner, "alice");
  EXPECT_EQ(first.expires, "2030-01-31");
  EXPECT_EQ(first.line, 20);
  EXPECT_EQ(settings.waivers[1].paths, (std::vector<std::string>{"tools/**"}));
  EXPECT_EQ(settings.waivers[1].expires, "2026-06-30");
  EXPECT_EQ(settings.waivers[1].line, 25);
}

TEST(Config, EmptyConfigGivesDefaults) {
  for (std::string_view text : {"", "# only comments\n", "---\n"}) {
    auto result = parse_config(text, ".golive.yml");
    ASSERT_TRUE(result.ok()) << text;
    EXPECT_TRUE(result->rule_enabled.empty());
    EXPECT_TRUE(result->rule_options.empty());
    EXPECT_EQ(result->max_file_size, 2u * 1024 * 1024);
    EXPECT_TRUE(result->waivers.empty());
    EXPECT_EQ(result->config_path, ".golive.yml");
  }
}

TEST(Config, UnknownTopLevelKeyNamesTheLineAndSuggests) {
  core::Error error = error_of("version: 1\nrule:\n  ci/missing-workflow: off\n");
  EXPECT_EQ(error.path, ".golive.yml");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 1);
  EXPECT_TRUE(contains(error.message, "unknown key 'rule'")) << error.message;
  EXPECT_TRUE(contains(error.message, "did you mean 'rules'?")) << error.message;
  EXPECT_EQ(error.describe().rfind(".golive.yml:2:1: unknown key 'rule'", 0), 0u)
      << error.describe();
}

TEST(Config, UnknownKeyWithNothingCloseListsTheAllowedKeys) {
  core::Error error = error_of("\n\ncompletely_unrelated: 1\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_FALSE(contains(error.message, "did you mean"));
  EXPECT_TRUE(contains(error.message, "allowed: version, rules")) << error.message;
}

TEST(Config, UnknownNestedKeysAreErrors) {
  core::Error threshold = error_of("thresholds:\n  coverage-min: 80\n");
  EXPECT_EQ(threshold.line, 2);
  EXPECT_EQ(threshold.column, 3);
  EXPECT_TRUE(contains(threshold.message, "did you mean 'coverage_min'?")) << threshold.message;

  core::Error far = error_of("thresholds:\n  coverage: 80\n");
  EXPECT_TRUE(contains(far.message, "(allowed: coverage_min)")) << far.message;

  core::Error waiver = error_of(
      "waivers:\n"
      "  - rule: ci/missing-workflow\n"
      "    reason: r\n"
      "    owners: me\n"
      "    expires: 2030-01-01\n");
  EXPECT_EQ(waiver.line, 4);
  EXPECT_TRUE(contains(waiver.message, "did you mean 'owner'?")) << waiver.message;
}

TEST(Config, UnknownRuleIdIsAnError) {
  core::Error error = error_of("rules:\n  ci/missing-workflows: off\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 3);
  EXPECT_TRUE(contains(error.message, "unknown rule 'ci/missing-workflows'")) << error.message;
  EXPECT_TRUE(contains(error.message, "did you mean 'ci/missing-workflow'?")) << error.message;

  core::Error far = error_of("rules:\n  nothing/like-this-at-all: off\n");
  EXPECT_TRUE(contains(far.message, "unknown rule")) << far.message;
  EXPECT_TRUE(contains(far.message, "golive rules")) << far.message;
}

TEST(Config, BadRuleSettingsAreErrors) {
  core::Error word = error_of("rules:\n  ci/missing-workflow: loud\n");
  EXPECT_EQ(word.line, 2);
  EXPECT_TRUE(contains(word.message, "not 'loud'")) << word.message;

  core::Error severity = error_of("rules:\n  ci/missing-workflow:\n    severity: fatal\n");
  EXPECT_EQ(severity.line, 3);
  EXPECT_TRUE(contains(severity.message, "severity must be")) << severity.message;

  core::Error key = error_of("rules:\n  ci/missing-workflow:\n    enable: false\n");
  EXPECT_EQ(key.line, 3);
  EXPECT_TRUE(contains(key.message, "did you mean 'enabled'?")) << key.message;

  core::Error not_map = error_of("rules: [ci/missing-workflow]\n");
  EXPECT_EQ(not_map.line, 1);
}

TEST(Config, RuleEnabledFalseInMappingForm) {
  auto result = parse_config("rules:\n  ci/missing-workflow:\n    enabled: no\n", "c.yml");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result->rule_enabled.at("ci/missing-workflow"), false);
}

TEST(Config, UnknownSectionIsAnError) {
  core::Error error = error_of("sections:\n  secret: off\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_TRUE(contains(error.message, "unknown section 'secret'")) << error.message;
  EXPECT_TRUE(contains(error.message, "did you mean 'secrets'?")) << error.message;

  core::Error value = error_of("sections:\n  docs: maybe\n");
  EXPECT_TRUE(contains(value.message, "on or off")) << value.message;
}

TEST(Config, WaiverMissingOwnerIsAnError) {
  core::Error error = error_of(
      "version: 1\n"
      "waivers:\n"
      "  - rule: ci/missing-workflow\n"
      "    reason: not yet\n"
      "    expires: 2030-01-01\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_TRUE(contains(error.message, "waiver needs 'owner'")) << error.message;
}

TEST(Config, WaiverFieldsAreChecked) {
  core::Error date = error_of(
      "waivers:\n"
      "  - rule: ci/missing-workflow\n"
      "    reason: not yet\n"
      "    owner: me\n"
      "    expires: next week\n");
  EXPECT_EQ(date.line, 5);
  EXPECT_EQ(date.column, 14);
  EXPECT_TRUE(contains(date.message, "YYYY-MM-DD")) << date.message;

  core::Error short_date = error_of(
      "waivers:\n"
      "  - {rule: ci/missing-workflow, reason: r, owner: me, expires: 2030-1-1}\n");
  EXPECT_EQ(short_date.line, 2);
  EXPECT_TRUE(contains(short_date.message, "YYYY-MM-DD")) << short_date.message;

  for (const char* impossible : {"2030-13-01", "2030-02-31", "2030-00-10"}) {
    core::Error no_such_day =
        error_of(std::string("waivers:\n  - {rule: ci/missing-workflow, reason: r, owner: me, "
                             "expires: ") +
                 impossible + "}\n");
    EXPECT_TRUE(contains(no_such_day.message, "real date"))
        << impossible << ": " << no_such_day.message;
  }

  core::Error rule = error_of(
      "waivers:\n"
      "  - {rule: ci/missing-workflo, reason: r, owner: me, expires: 2030-01-01}\n");
  EXPECT_TRUE(contains(rule.message, "did you mean 'ci/missing-workflow'?")) << rule.message;

  core::Error reason = error_of(
      "waivers:\n"
      "  - {rule: ci/missing-workflow, reason: '  ', owner: me, expires: 2030-01-01}\n");
  EXPECT_TRUE(contains(reason.message, "reason must not be empty")) << reason.message;

  core::Error not_list = error_of("waivers:\n  rule: ci/missing-workflow\n");
  EXPECT_TRUE(contains(not_list.message, "must be a list")) << not_list.message;
}

TEST(Config, CoverageMinMustBeAPercentage) {
  for (std::string_view value : {"101", "-1", "eighty", "80.5", "[80]"}) {
    core::Error error = error_of("thresholds:\n  coverage_min: " + std::string(value) + "\n");
    EXPECT_EQ(error.line, 2) << value;
    EXPECT_EQ(error.column, 17) << value;
    EXPECT_TRUE(contains(error.message, "thresholds.coverage_min")) << error.message;
  }
  core::Error error = error_of("thresholds:\n  coverage_min: 101\n");
  EXPECT_TRUE(contains(error.message, "from 0 to 100, not '101'")) << error.message;

  for (std::string_view value : {"0", "100"}) {
    auto result = parse_config("thresholds:\n  coverage_min: " + std::string(value) + "\n", "c");
    ASSERT_TRUE(result.ok()) << value;
    EXPECT_EQ(result->rule_options.at("ci/coverage-threshold-below-minimum.minimum"),
              std::to_string(std::stoi(std::string(value))));
  }
}

TEST(Config, MaxFileSizeHasBounds) {
  core::Error small = error_of("walk:\n  max_file_size: 10\n");
  EXPECT_EQ(small.line, 2);
  EXPECT_TRUE(contains(small.message, "walk.max_file_size")) << small.message;
}

TEST(Config, VersionMustBeOne) {
  core::Error error = error_of("version: 2\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_TRUE(contains(error.message, "unsupported configuration version '2'")) << error.message;
}

TEST(Config, YamlProblemsAreErrorsWithPositions) {
  core::Error syntax = error_of("rules:\n  a: [\n");
  EXPECT_GE(syntax.line, 2);
  EXPECT_EQ(syntax.path, ".golive.yml");

  core::Error duplicate = error_of("version: 1\nexclude: [a]\nexclude: [b]\n");
  EXPECT_EQ(duplicate.line, 3);
  EXPECT_TRUE(contains(duplicate.message, "duplicate key 'exclude'")) << duplicate.message;

  core::Error documents = error_of("version: 1\n---\nversion: 1\n");
  EXPECT_TRUE(contains(documents.message, "one YAML document")) << documents.message;

  core::Error not_map = error_of("- a\n- b\n");
  EXPECT_TRUE(contains(not_map.message, "must be a mapping")) << not_map.message;
}

TEST(LoadConfig, MissingDefaultFileGivesDefaults) {
  TempDir dir;
  auto result = load_config(dir.str(), "");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->config_path, "");
  EXPECT_TRUE(result->rule_enabled.empty());
}

TEST(LoadConfig, ReadsTheDefaultFileAndNamesItRelatively) {
  TempDir dir;
  dir.write(".golive.yml", "thresholds:\n  coverage_min: 55\n");
  auto result = load_config(dir.str(), "");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result->rule_options.at("ci/coverage-threshold-below-minimum.minimum"), "55");
  EXPECT_EQ(result->config_path, ".golive.yml");

  dir.write(".golive.yml", "thresholdz: {}\n");
  auto bad = load_config(dir.str(), "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().path, ".golive.yml");
  EXPECT_EQ(bad.error().line, 1);
}

TEST(LoadConfig, ExplicitPathMustExist) {
  TempDir dir;
  auto missing = load_config(dir.str(), dir.str() + "/nope.yml");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(contains(missing.error().message, "cannot read")) << missing.error().message;

  dir.write("custom.yml", "exclude: build/\n");
  auto found = load_config("/nonexistent-root", dir.str() + "/custom.yml");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->excludes, (std::vector<std::string>{"build/"}));
  EXPECT_EQ(found->config_path, dir.str() + "/custom.yml");
}

}  // namespace
}  // namespace golive::engine

namespace golive::engine {
namespace {

TEST(Config, PathsGiveRolesInTheOrderWritten) {
  auto result = parse_config(
      "paths:\n"
      "  fixture: [deploy/testing/**]\n"
      "  product:\n"
      "    - examples/production/**\n"
      "    - demo/app/**\n",
      ".golive.yml");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const auto& overrides = result.value().role_overrides;
  ASSERT_EQ(overrides.size(), 3U);
  EXPECT_EQ(overrides[0].glob, "deploy/testing/**");
  EXPECT_EQ(overrides[0].role, walk::PathRole::kFixture);
  EXPECT_EQ(overrides[2].glob, "demo/app/**");
  EXPECT_EQ(overrides[2].role, walk::PathRole::kProduct);
}

TEST(Config, ProfileIsOneOfTheFive) {
  auto result = parse_config("profile: manifests\n", ".golive.yml");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value().profile, model::Profile::kManifests);
  core::Error error = error_of("version: 1\nprofile: microservice\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_NE(error.message.find("unknown profile 'microservice'"), std::string::npos)
      << error.message;
}

TEST(Config, UnknownRoleNamesTheLineAndSuggests) {
  core::Error error = error_of("paths:\n  tests: [a/**]\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_NE(error.message.find("did you mean 'test'"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace golive::engine

namespace golive::engine {
namespace {

TEST(Config, OptionsAreTypedPerRule) {
  auto result =
      parse_config("options:\n  ci/coverage-threshold-below-minimum.minimum: 90\n", ".golive.yml");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value().rule_options.at("ci/coverage-threshold-below-minimum.minimum"), "90");
}

TEST(Config, OptionSetTwiceIsAnError) {
  core::Error twice = error_of(
      "thresholds:\n  coverage_min: 70\noptions:\n"
      "  ci/coverage-threshold-below-minimum.minimum: 90\n");
  EXPECT_EQ(twice.line, 4);
  EXPECT_TRUE(contains(twice.message, "set twice")) << twice.message;
  EXPECT_TRUE(parse_config("options:\n", ".golive.yml").ok());
}

TEST(Config, PathGlobsAreRelativeToTheRoot) {
  auto result = parse_config("paths:\n  fixture: [./deploy/testing/**, /e2e/**]\n", "c");
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result.value().role_overrides[0].glob, "deploy/testing/**");
  EXPECT_EQ(result.value().role_overrides[1].glob, "e2e/**");
}

TEST(Config, OptionErrorsNameTheLine) {
  core::Error unknown =
      error_of("version: 1\noptions:\n  ci/coverage-threshold-below-minimum.minimun: 90\n");
  EXPECT_EQ(unknown.line, 3);
  EXPECT_TRUE(contains(unknown.message, "did you mean 'minimum'?")) << unknown.message;
  core::Error range = error_of("options:\n  ci/coverage-threshold-below-minimum.minimum: 180\n");
  EXPECT_TRUE(contains(range.message, "from 0 to 100")) << range.message;
  core::Error none = error_of("options:\n  docs/missing-readme.strict: true\n");
  EXPECT_TRUE(contains(none.message, "it has no options")) << none.message;
  core::Error shape = error_of("options:\n  minimum: 90\n");
  EXPECT_TRUE(contains(shape.message, "<rule-id>.<option>")) << shape.message;
  core::Error rule = error_of("options:\n  ci/coverage-threshold-below-minimun.minimum: 9\n");
  EXPECT_TRUE(contains(rule.message, "unknown rule")) << rule.message;
}

}  // namespace
}  // namespace golive::engine
