// Rule options as data: every declared default is valid for its type, and a check reads the
// configured value or the default.
#include <gtest/gtest.h>

#include <stdexcept>

#include "rules/rule.h"

namespace golive::rules {
namespace {

TEST(RuleOptions, DeclaredDefaultsAreValidForTheirType) {
  size_t declared = 0;
  for (const Rule* rule : all_rules()) {
    for (const auto& option : rule->meta.options) {
      ++declared;
      EXPECT_FALSE(option.name.empty()) << rule->meta.id;
      EXPECT_FALSE(option.doc.empty()) << rule->meta.id << "." << option.name;
      EXPECT_EQ(option.name.find('.'), std::string_view::npos) << rule->meta.id;
      std::string value(option.default_value);
      switch (option.type) {
        case OptionType::kInteger: {
          size_t used = 0;
          long parsed = std::stol(value, &used);
          EXPECT_EQ(used, value.size()) << rule->meta.id << "." << option.name;
          EXPECT_LE(option.min, parsed) << rule->meta.id << "." << option.name;
          EXPECT_LE(parsed, option.max) << rule->meta.id << "." << option.name;
          break;
        }
        case OptionType::kBoolean:
          EXPECT_TRUE(value == "true" || value == "false") << rule->meta.id << "." << option.name;
          break;
        case OptionType::kString:
        case OptionType::kStringList:
          break;
      }
    }
  }
  EXPECT_GE(declared, 1U);
}

TEST(RuleOptions, ContextReadsConfiguredValueElseDefault) {
  const Rule* rule = find_rule("ci/coverage-threshold-below-minimum");
  ASSERT_NE(rule, nullptr);
  model::RepoModel model;
  Settings defaults;
  RuleContext by_default(rule->meta, model, defaults);
  EXPECT_EQ(by_default.option_int("minimum"), 80);
  Settings configured;
  configured.rule_options["ci/coverage-threshold-below-minimum.minimum"] = "65";
  RuleContext set(rule->meta, model, configured);
  EXPECT_EQ(set.option_int("minimum"), 65);
  // Options a rule does not declare, or reads as another type, are programming errors.
  EXPECT_THROW((void)set.option_int("maximum"), std::logic_error);
  EXPECT_THROW((void)set.option_bool("minimum"), std::logic_error);
}

}  // namespace
}  // namespace golive::rules
