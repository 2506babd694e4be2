#include "secrets/detector.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <span>

#include "secrets/filters.h"
#include "secrets/rules.h"

namespace golive::secrets {
namespace {

// Test secrets are assembled at run time so that this file holds no literal golive would flag.
std::string github_token() {
  return std::string("gh") + "p_" + "R8fK2mQz9LwT4vXy7NbH3jPc6sDa1eUg0iKo";
}

bool has_rule(const std::vector<SecretFinding>& findings, std::string_view rule_id) {
  for (const auto& finding : findings) {
    if (finding.rule_id == rule_id) return true;
  }
  return false;
}

TEST(SecretRules, IdsAreUniqueSlugsAndEveryRuleHasExamples) {
  std::set<std::string_view> ids;
  std::regex slug("[a-z0-9]+(-[a-z0-9]+)*");
  for (const auto& rule : builtin_rules()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << "duplicate id " << rule.id;
    EXPECT_TRUE(std::regex_match(std::string(rule.id), slug)) << rule.id;
    EXPECT_FALSE(rule.description.empty()) << rule.id;
    EXPECT_GE(rule.examples.size(), 1u) << rule.id << " has no example";
    EXPECT_GE(rule.counter_examples.size(), 1u) << rule.id << " has no counter-example";
  }
}

TEST(SecretRules, BuiltinTableCompiles) {
  auto compiled = Detector::compile(builtin_rules());
  ASSERT_TRUE(compiled.ok()) << compiled.error().message;
}

// Each rule's own examples, through the whole pipeline (matching, extraction and filters) of a
// detector holding that rule alone; then the built-in detector must report every example too,
// though where formats overlap an earlier, more specific rule may be the one that does.
TEST(SecretRules, EveryExampleFiresAndNoCounterExampleDoes) {
  size_t checked = 0;
  for (const auto& rule : builtin_rules()) {
    auto alone = Detector::compile(std::span<const SecretRule>(&rule, 1));
    ASSERT_TRUE(alone.ok()) << rule.id << ": " << alone.error().message;
    std::string rule_id = "secrets/" + std::string(rule.id);
    for (std::string_view example : rule.examples) {
      EXPECT_TRUE(has_rule((*alone)->scan(example, "src/app.js"), rule_id))
          << rule_id << " misses its example: " << example;
      EXPECT_FALSE(Detector::builtin().scan(example, "src/app.js").empty())
          << "the built-in detector misses " << rule_id << "'s example: " << example;
      ++checked;
    }
    for (std::string_view counter : rule.counter_examples) {
      EXPECT_FALSE(has_rule((*alone)->scan(counter, "src/app.js"), rule_id))
          << rule_id << " fires on its counter-example: " << counter;
      ++checked;
    }
  }
  EXPECT_GT(checked, 400u);
}

TEST(SecretDetector, OverlappingFormatsReportOneFinding) {
  std::string url =
      std::string("DATABASE_URL=postgres://app:") + "Xk9mQ2vR7tLw4Zp8" + "@db:5432/app\n";
  auto findings = Detector::builtin().scan(url, "config/app.env");
  ASSERT_EQ(findings.size(), 1u);
}

TEST(SecretDetector, ReportsLineColumnAndRedactsTheSecret) {
  std::string text = "line one\nline two\nconst token = \"" + github_token() + "\";\n";
  auto findings = Detector::builtin().scan(text, "src/config.js");
  ASSERT_TRUE(has_rule(findings, "secrets/github-pat"));
  const auto& finding = findings.front();
  EXPECT_EQ(finding.line, 3);
  EXPECT_EQ(finding.column, 16);
  EXPECT_EQ(finding.redacted, "ghp_... (40 chars)");
  EXPECT_EQ(finding.redacted.find(github_token().substr(4)), std::string::npos);
  EXPECT_EQ(finding.severity, SecretSeverity::kError);
}

TEST(SecretDetector, FingerprintIgnoresTheLineButNotThePathOrSecret) {
  std::string line = "token: " + github_token() + "\n";
  auto top = Detector::builtin().scan(line, "deploy/values.yaml");
  auto lower = Detector::builtin().scan("# a\n# b\n# c\n" + line, "deploy/values.yaml");
  auto elsewhere = Detector::builtin().scan(line, "deploy/other.yaml");
  ASSERT_FALSE(top.empty());
  ASSERT_FALSE(lower.empty());
  ASSERT_FALSE(elsewhere.empty());
  EXPECT_NE(top.front().line, lower.front().line);
  EXPECT_EQ(top.front().fingerprint, lower.front().fingerprint);
  EXPECT_NE(top.front().fingerprint, elsewhere.front().fingerprint);
}

TEST(SecretDetector, SuppressionWithReasonHidesTheFindingAndWithoutReasonDoesNot) {
  std::string secret = github_token();
  std::string with_reason =
      "# golive:ignore secrets/github-pat -- revoked token kept for the parser test\ntoken: " +
      secret + "\n";
  std::string without_reason = "# golive:ignore secrets/github-pat\ntoken: " + secret + "\n";
  std::string same_line = "token: " + secret + "  # golive:ignore secrets/github-pat -- revoked\n";
  EXPECT_TRUE(Detector::builtin().scan(with_reason, "a.yaml").empty());
  EXPECT_TRUE(Detector::builtin().scan(same_line, "a.yaml").empty());
  EXPECT_FALSE(Detector::builtin().scan(without_reason, "a.yaml").empty());
}

TEST(SecretDetector, TestPathsAreDowngradedNotDropped) {
  auto findings = Detector::builtin().scan("token: " + github_token() + "\n", "tests/api_test.py");
  ASSERT_FALSE(findings.empty());
  EXPECT_TRUE(findings.front().in_test_path);
  EXPECT_EQ(findings.front().severity, SecretSeverity::kWarning);
}

TEST(SecretDetector, FindsASecretInAMinifiedMegabyteLine) {
  std::string text(1 << 20, 'a');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = ';';
  text.replace(600000, 0, " t=\"" + github_token() + "\" ");
  auto findings = Detector::builtin().scan(text, "dist/app.min.js");
  ASSERT_TRUE(has_rule(findings, "secrets/github-pat"));
  EXPECT_EQ(findings.front().line, 1);
  EXPECT_EQ(findings.front().column, 600005);
}

TEST(SecretDetector, BinaryContentIsSkipped) {
  std::string text = "token: " + github_token() + "\n";
  text.insert(text.begin(), '\0');
  EXPECT_TRUE(Detector::builtin().scan(text, "image.png").empty());
}

TEST(SecretDetector, PlaceholdersAndLookupsAreNotSecrets) {
  for (std::string value : {std::string("gh") + "p_" + std::string(36, 'x'),
                            std::string("gh") + "p_" + "${GITHUB_TOKEN_FROM_THE_ENVIRONMENT_X}"}) {
    EXPECT_TRUE(Detector::builtin().scan("token: " + value + "\n", "a.yaml").empty()) << value;
  }
}

TEST(SecretDetector, CompileErrorNamesTheRule) {
  static const SecretRule kBroken[] = {
      {.id = "broken", .description = "broken", .pattern = "(abc", .secret_group = 0}};
  auto compiled = Detector::compile(kBroken);
  ASSERT_FALSE(compiled.ok());
  EXPECT_NE(compiled.error().message.find("'broken'"), std::string::npos);
}

TEST(SecretDetector, MissingCaptureGroupIsACompileError) {
  static const SecretRule kNoGroup[] = {
      {.id = "no-group", .description = "x", .pattern = "abcdef", .secret_group = 1}};
  EXPECT_FALSE(Detector::compile(kNoGroup).ok());
}

TEST(SecretDetector, KeywordMustBeNear) {
  static const SecretRule kKeyword[] = {{.id = "needs-keyword",
                                         .description = "keyword test",
                                         .pattern = R"(\b([a-f0-9]{32})\b)",
                                         .keywords = {"datadog"}}};
  auto detector = Detector::compile(kKeyword);
  ASSERT_TRUE(detector.ok());
  std::string value = "3f9a1c7e5b2d8046af13c9e7b5d20841";
  EXPECT_FALSE((*detector)->scan("DATADOG_API_KEY=" + value + "\n", "a.env").empty());
  EXPECT_TRUE((*detector)->scan("checksum=" + value + "\n", "a.env").empty());
}

TEST(SecretFilters, Entropy) {
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abcd"), 2.0);
  EXPECT_GT(shannon_entropy("R8fK2mQz9LwT4vXy7NbH3jPc"), 4.0);
}

TEST(SecretFilters, Placeholders) {
  EXPECT_TRUE(is_placeholder("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(is_placeholder("<your-token-here>"));
  EXPECT_TRUE(is_placeholder("${DATABASE_PASSWORD}"));
  EXPECT_TRUE(is_placeholder("changeme"));
  EXPECT_TRUE(is_placeholder("0123456789"));
  EXPECT_TRUE(is_placeholder("zzzzzzzz"));
  EXPECT_TRUE(is_placeholder("process.env.SECRET"));
  EXPECT_FALSE(is_placeholder("R8fK2mQz9LwT4vXy7NbH3jPc"));
}

TEST(SecretFilters, NamesOfCredentialsAreNotCredentials) {
  EXPECT_TRUE(is_placeholder("Database:Password"));
  EXPECT_TRUE(is_placeholder("password_hash_b64"));
  EXPECT_TRUE(is_placeholder("SET_A_PASSWORD_HERE_123"));
  EXPECT_TRUE(is_placeholder("pm-27086-update-authentication-apis-for-input-password"));
  EXPECT_FALSE(is_placeholder("Passw0rd-9fK2mQz9LwT4"));  // the word inside a part: no name
  EXPECT_FALSE(is_placeholder("R8fK2mQz9L-wT4vXy7Nb"));
}

TEST(SecretFilters, TestPaths) {
  EXPECT_TRUE(is_test_path("tests/unit/a.py"));
  EXPECT_TRUE(is_test_path("pkg/testdata/key.pem"));
  EXPECT_TRUE(is_test_path("src/app.test.ts"));
  EXPECT_TRUE(is_test_path("api/handler_test.go"));
  EXPECT_FALSE(is_test_path("src/attest/config.py"));
  EXPECT_FALSE(is_test_path("src/contest.js"));
}

TEST(SecretRedaction, ShortSecretsShowLess) {
  EXPECT_EQ(redact("s3cr3tpw"), "s3... (8 chars)");
  EXPECT_EQ(redact("abcdefghijklmnopqrst"), "abcd... (20 chars)");
}

}  // namespace
}  // namespace golive::secrets
