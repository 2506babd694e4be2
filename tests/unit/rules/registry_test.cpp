// The registry (src/rules/registry.inc) and the rule files under src/rules/ must agree, and every
// rule's metadata must be complete: docs pages and SARIF help are generated from it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "rules/rule.h"

namespace golive::rules {
namespace {

namespace fs = std::filesystem;
const fs::path kRulesDir = fs::path(GOLIVE_SOURCE_DIR) / "src" / "rules";

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string file_for(std::string_view id) {
  std::string slug(id.substr(id.find('/') + 1));
  for (char& c : slug) {
    if (c == '-') c = '_';
  }
  return (kRulesDir / std::string(id.substr(0, id.find('/'))) / (slug + ".cpp")).string();
}

TEST(Registry, EveryRegisteredRuleLivesInItsOwnFile) {
  for (const Rule* rule : all_rules()) {
    EXPECT_TRUE(fs::exists(file_for(rule->meta.id)))
        << rule->meta.id << " should be defined in " << file_for(rule->meta.id);
  }
}

TEST(Registry, EveryRuleFileIsRegistered) {
  std::set<std::string> registered;
  for (const Rule* rule : all_rules()) registered.insert(file_for(rule->meta.id));
  size_t rule_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRulesDir)) {
    if (entry.path().extension() != ".cpp" || entry.path().parent_path() == kRulesDir) continue;
    if (read_text(entry.path()).find("const Rule k") == std::string::npos)
      continue;  // a helper file
    ++rule_files;
    EXPECT_TRUE(registered.count(entry.path().string()) == 1)
        << entry.path() << " defines a rule that is missing from src/rules/registry.inc";
  }
  EXPECT_EQ(rule_files, all_rules().size());
}

TEST(Registry, RegistryIncIsSortedAndUnique) {
  std::regex line(R"(^GOLIVE_RULE\((\w+), (\w+)\)$)");
  std::vector<std::string> entries;
  std::istringstream in(read_text(kRulesDir / "registry.inc"));
  for (std::string text; std::getline(in, text);) {
    std::smatch match;
    if (std::regex_match(text, match, line))
      entries.push_back(match[1].str() + "/" + match[2].str());
  }
  EXPECT_EQ(entries.size(), all_rules().size());
  EXPECT_TRUE(std::is_sorted(entries.begin(), entries.end()));
  EXPECT_EQ(std::set<std::string>(entries.begin(), entries.end()).size(), entries.size());
}

TEST(Registry, MetadataIsComplete) {
  std::regex id_shape(R"(^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$)");
  std::set<std::string_view> ids;
  for (const Rule* rule : all_rules()) {
    const RuleMeta& m = rule->meta;
    EXPECT_TRUE(std::regex_match(std::string(m.id), id_shape)) << m.id;
    EXPECT_EQ(m.id.substr(0, m.id.find('/')), m.section) << m.id;
    EXPECT_FALSE(m.title.empty()) << m.id;
    EXPECT_GT(m.rationale.size(), 40u) << m.id;
    EXPECT_GT(m.remediation.size(), 30u) << m.id;
    EXPECT_NE(m.remediation.back(), ' ') << m.id;
    EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id " << m.id;
  }
}

// Each rule sets exactly the check its meta says it inspects, so the framework never calls a
// null check and no check is left unused.
TEST(Registry, EachRuleSetsTheCheckOfWhatItInspects) {
  size_t per_object = 0;
  for (const Rule* rule : all_rules()) {
    const RuleMeta& m = rule->meta;
    EXPECT_EQ(rule->check != nullptr, m.inspects == Inspects::kModel) << m.id;
    EXPECT_EQ(rule->check_workload != nullptr, m.inspects == Inspects::kWorkload) << m.id;
    EXPECT_EQ(rule->check_container != nullptr, m.inspects == Inspects::kContainer) << m.id;
    EXPECT_EQ(rule->check_dockerfile != nullptr, m.inspects == Inspects::kDockerfile) << m.id;
    EXPECT_EQ(rule->check_ci_step != nullptr, m.inspects == Inspects::kCiStep) << m.id;
    EXPECT_EQ(rule->check_ingress != nullptr, m.inspects == Inspects::kIngress) << m.id;
    if (m.inspects == Inspects::kModel) {
      EXPECT_TRUE(m.inapplicable_reason.empty()) << m.id;
    }
    if (m.inspects != Inspects::kModel) ++per_object;
  }
  EXPECT_GT(per_object, 0U) << "no rule uses the framework's per-object iteration";
}

}  // namespace
}  // namespace golive::rules
