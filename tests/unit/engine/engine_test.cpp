#include "engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"

namespace golive::engine {
namespace {

rules::Finding finding(std::string rule, rules::Severity severity, std::string file = "",
                       int line = 0) {
  rules::Finding f;
  f.rule_id = std::move(rule);
  f.severity = severity;
  f.file = std::move(file);
  f.line = line;
  return f;
}

SectionScore score(std::string section, int passed, int failed) {
  SectionScore s;
  s.section = std::move(section);
  s.passed = passed;
  s.failed = failed;
  return s;
}

TEST(SectionScore, PercentOfApplicableRules) {
  EXPECT_EQ(score("a", 3, 1).percent(), 75);
  EXPECT_EQ(score("a", 0, 0).percent(), 100);
  EXPECT_EQ(score("a", 0, 2).percent(), 0);
  SectionScore s = score("a", 2, 1);
  s.not_applicable = 5;
  s.disabled = 4;
  EXPECT_EQ(s.applicable(), 3);
  EXPECT_EQ(s.percent(), 66);
}

TEST(ComputeLevel, AnyErrorBlocks) {
  std::string reason;
  std::vector<rules::Finding> findings = {finding("x/a", rules::Severity::kWarning),
                                          finding("x/b", rules::Severity::kError),
                                          finding("x/c", rules::Severity::kError)};
  EXPECT_EQ(compute_level(findings, {score("x", 10, 0)}, reason), Level::kBlocked);
  EXPECT_EQ(reason, "2 error findings");
  EXPECT_EQ(compute_level({finding("x/b", rules::Severity::kError)}, {}, reason), Level::kBlocked);
  EXPECT_EQ(reason, "1 error finding");
}

TEST(ComputeLevel, LowSectionGivesBronze) {
  std::string reason;
  std::vector<rules::Finding> findings = {finding("ci/a", rules::Severity::kWarning),
                                          finding("docs/a", rules::Severity::kInfo)};
  Level level = compute_level(
      findings, {score("ci", 1, 1), score("docs", 4, 1), score("parse", 3, 7)}, reason);
  EXPECT_EQ(level, Level::kBronze);
  EXPECT_EQ(reason, "sections below 80%: ci 50%, parse 30%");
}

TEST(ComputeLevel, EverySectionAtLeastEightyGivesSilver) {
  std::string reason;
  std::vector<rules::Finding> findings = {finding("docs/a", rules::Severity::kWarning)};
  EXPECT_EQ(compute_level(findings, {score("ci", 3, 0), score("docs", 4, 1)}, reason),
            Level::kSilver);
  EXPECT_EQ(reason, "1 finding left");
}

TEST(ComputeLevel, NothingFailingGivesGold) {
  std::string reason;
  EXPECT_EQ(compute_level({}, {score("ci", 3, 0), score("docs", 0, 0)}, reason), Level::kGold);
  EXPECT_EQ(reason, "every applicable check passes");
  EXPECT_EQ(compute_level({}, {}, reason), Level::kGold);
}

TEST(Level, NamesAndMeanings) {
  EXPECT_EQ(level_name(Level::kBlocked), "blocked");
  EXPECT_EQ(level_name(Level::kBronze), "bronze");
  EXPECT_EQ(level_name(Level::kSilver), "silver");
  EXPECT_EQ(level_name(Level::kGold), "gold");
  EXPECT_NE(level_meaning(Level::kSilver).find("80%"), std::string_view::npos);
  EXPECT_EQ(status_name(RuleStatus::kNotApplicable), "not-applicable");
  EXPECT_EQ(status_name(RuleStatus::kWaived), "waived");
}

TEST(Fails, ThresholdsByFailOn) {
  const std::vector<rules::Finding> warnings = {finding("a/b", rules::Severity::kWarning),
                                                finding("a/c", rules::Severity::kInfo)};
  const std::vector<rules::Finding> errors = {finding("a/b", rules::Severity::kError)};
  const std::vector<rules::Finding> infos = {finding("a/c", rules::Severity::kInfo)};

  EXPECT_FALSE(fails(warnings, "error"));
  EXPECT_TRUE(fails(errors, "error"));
  EXPECT_TRUE(fails(warnings, "warning"));
  EXPECT_TRUE(fails(errors, "warning"));
  EXPECT_FALSE(fails(infos, "warning"));
  EXPECT_FALSE(fails(errors, "never"));
  EXPECT_FALSE(fails(warnings, "never"));
  EXPECT_FALSE(fails({}, "warning"));
}

// A model of a few files, added in path order as build_model does.
model::RepoModel model_of(std::vector<std::pair<std::string, std::string>> files) {
  std::sort(files.begin(), files.end());
  model::RepoModel model;
  model.root = "/repo";
  for (const auto& [path, content] : files) add_file(model, path, content, model::BuildOptions{});
  return model;
}

const RuleOutcome& outcome_of(const ScanResult& result, std::string_view id) {
  for (const auto& outcome : result.outcomes) {
    if (outcome.rule->meta.id == id) return outcome;
  }
  ADD_FAILURE() << "no outcome for " << id;
  static const RuleOutcome none;
  return none;
}

std::vector<std::string> rule_ids(const std::vector<rules::Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule_id);
  return ids;
}

class RunRules : public ::testing::Test {
 protected:
  RunRules()
      : model_(model_of(
            {{".github/workflows/old.yml.disabled", "on: push\n"}, {"README.md", "# App\n"}})) {
    settings_.today = "2026-01-15";
  }

  ScanResult run(const Selection& selection) {
    core::ThreadPool pool(2);
    return run_rules(model_, settings_, selection, pool);
  }

  model::RepoModel model_;
  rules::Settings settings_;
};

TEST_F(RunRules, OnlyRunsTheSelectedRules) {
  settings_.profile = model::Profile::kService;
  ScanResult result = run({{"ci/disabled-workflow", "ci/missing-workflow"}, {}});
  EXPECT_EQ(rule_ids(result.findings),
            (std::vector<std::string>{"ci/missing-workflow", "ci/disabled-workflow"}));
  // Sorted by file first: the repository-wide finding has no file.
  EXPECT_EQ(result.findings[0].file, "");
  EXPECT_EQ(result.findings[1].file, ".github/workflows/old.yml.disabled");
  EXPECT_EQ(result.findings[1].line, 1);
  EXPECT_EQ(result.findings[1].severity, rules::Severity::kWarning);
  // No CI at all is certain (golive sees every file): an error, so deleting CI never helps.
  EXPECT_EQ(result.findings[0].severity, rules::Severity::kError);
  EXPECT_EQ(result.level, Level::kBlocked);
  EXPECT_EQ(result.files_scanned, 2u);

  EXPECT_EQ(outcome_of(result, "ci/disabled-workflow").status, RuleStatus::kFailed);
  EXPECT_EQ(outcome_of(result, "ci/disabled-workflow").findings, 1u);
  const RuleOutcome& other = outcome_of(result, "docs/missing-readme");
  EXPECT_EQ(other.status, RuleStatus::kDisabled);
  EXPECT_EQ(other.reason, "not selected by --only");

  ASSERT_EQ(result.outcomes.size(), rules::all_rules().size());
  // Not a service: no CI is a gap in practice.
  settings_.profile = model::Profile::kLibrary;
  EXPECT_EQ(run({{"ci/missing-workflow"}, {}}).findings.at(0).severity, rules::Severity::kWarning);
  EXPECT_TRUE(std::is_sorted(result.outcomes.begin(), result.outcomes.end(),
                             [](const RuleOutcome& a, const RuleOutcome& b) {
                               return a.rule->meta.id < b.rule->meta.id;
                             }));
}

TEST_F(RunRules, OnlyAcceptsSectionNames) {
  ScanResult result = run({{"ci"}, {}});
  for (const auto& f : result.findings) EXPECT_EQ(f.rule_id.rfind("ci/", 0), 0u) << f.rule_id;
  EXPECT_EQ(outcome_of(result, "ci/missing-workflow").status, RuleStatus::kFailed);
  EXPECT_EQ(outcome_of(result, "docs/missing-license").status, RuleStatus::kDisabled);
}

TEST_F(RunRules, SkipWins) {
  ScanResult result = run({{"ci"}, {"ci/missing-workflow"}});
  EXPECT_EQ(rule_ids(result.findings), (std::vector<std::string>{"ci/disabled-workflow"}));
  const RuleOutcome& skipped = outcome_of(result, "ci/missing-workflow");
  EXPECT_EQ(skipped.status, RuleStatus::kDisabled);
  EXPECT_EQ(skipped.reason, "skipped by --skip");
  // The other ci rules do not apply without workflows, so the one that fails leaves ci at 0%.
  EXPECT_EQ(result.level, Level::kBronze);
  EXPECT_EQ(result.level_reason, "sections below 80%: ci 0%");
}

TEST_F(RunRules, SeverityOverridesApplyToFindings) {
  settings_.severity_overrides["ci/disabled-workflow"] = rules::Severity::kError;
  settings_.severity_overrides["ci/missing-workflow"] = rules::Severity::kInfo;
  ScanResult result = run({{"ci/disabled-workflow", "ci/missing-workflow"}, {}});
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].rule_id, "ci/missing-workflow");
  EXPECT_EQ(result.findings[0].severity, rules::Severity::kInfo);
  EXPECT_EQ(result.findings[1].severity, rules::Severity::kError);
  EXPECT_EQ(outcome_of(result, "ci/disabled-workflow").severity, rules::Severity::kError);
  EXPECT_EQ(result.level, Level::kBlocked);
  EXPECT_EQ(result.level_reason, "1 error finding");
}

TEST_F(RunRules, ConfigurationDisablesRulesAndSections) {
  settings_.rule_enabled["ci/missing-workflow"] = false;
  settings_.section_enabled["ci"] = false;
  settings_.rule_enabled["ci/disabled-workflow"] = true;  // the rule beats its section
  ScanResult result = run({{"ci"}, {}});
  EXPECT_EQ(rule_ids(result.findings), (std::vector<std::string>{"ci/disabled-workflow"}));
  EXPECT_EQ(outcome_of(result, "ci/missing-workflow").reason, "disabled in the configuration");
  EXPECT_EQ(outcome_of(result, "ci/no-pull-request-trigger").reason,
            "section disabled in the configuration");
}

TEST_F(RunRules, ActiveWaiverHidesAndExpiredDoesNot) {
  rules::Waiver active;
  active.rule = "ci/disabled-workflow";
  active.paths = {".github/workflows/*"};
  active.reason = "archived on purpose";
  active.owner = "alice";
  active.expires = "2026-01-15";  // still valid on its last day
  settings_.waivers = {active};
  ScanResult waived = run({{"ci/disabled-workflow"}, {}});
  EXPECT_TRUE(waived.findings.empty());
  ASSERT_EQ(waived.hidden.size(), 1u);
  EXPECT_EQ(waived.hidden[0].finding.rule_id, "ci/disabled-workflow");
  EXPECT_EQ(waived.hidden[0].how, "waiver: archived on purpose (owner alice, expires 2026-01-15)");
  EXPECT_EQ(outcome_of(waived, "ci/disabled-workflow").status, RuleStatus::kWaived);
  EXPECT_EQ(outcome_of(waived, "ci/disabled-workflow").hidden, 1u);
  EXPECT_EQ(waived.level, Level::kGold);

  settings_.waivers[0].expires = "2026-01-14";
  settings_.waivers[0].line = 7;
  settings_.config_path = ".golive.yml";
  ScanResult expired = run({{"ci/disabled-workflow", "config/expired-waiver"}, {}});
  EXPECT_TRUE(expired.hidden.empty());
  EXPECT_EQ(rule_ids(expired.findings),
            (std::vector<std::string>{"ci/disabled-workflow", "config/expired-waiver"}));
  EXPECT_EQ(expired.findings[1].file, ".golive.yml");
  EXPECT_EQ(expired.findings[1].line, 7);
  EXPECT_EQ(outcome_of(expired, "ci/disabled-workflow").status, RuleStatus::kFailed);
}

TEST_F(RunRules, WaiverPathsMustMatch) {
  rules::Waiver waiver;
  waiver.rule = "ci/disabled-workflow";
  waiver.paths = {"other/**"};
  waiver.reason = "r";
  waiver.owner = "o";
  waiver.expires = "2030-01-01";
  settings_.waivers = {waiver};
  ScanResult result = run({{"ci/disabled-workflow"}, {}});
  EXPECT_EQ(result.findings.size(), 1u);
  EXPECT_TRUE(result.hidden.empty());

  settings_.waivers[0].rule = "ci/missing-workflow";  // another rule's waiver does nothing
  settings_.waivers[0].paths.clear();
  result = run({{"ci/disabled-workflow"}, {}});
  EXPECT_EQ(result.findings.size(), 1u);
}

TEST(RunRulesInline, SuppressionOnTheLineOrTheLineAboveHidesTheFinding) {
  model::RepoModel model = model_of(
      {{".github/workflows/old.yml.disabled",
        "# golive:ignore ci/disabled-workflow -- kept as a reference\non: push\n"},
       {".github/workflows/older.yml.off", "on: push\n# golive:ignore ci/disabled-workflow\n"}});
  rules::Settings settings;
  settings.today = "2026-01-15";
  core::ThreadPool pool(2);
  ScanResult result = run_rules(
      model, settings, {{"ci/disabled-workflow", "config/suppression-missing-reason"}, {}}, pool);
  // The first file's suppression is on line 1, where the finding is; the second file's is on
  // line 2, below the finding, so it does not count.
  ASSERT_EQ(result.hidden.size(), 1u);
  EXPECT_EQ(result.hidden[0].finding.file, ".github/workflows/old.yml.disabled");
  EXPECT_EQ(result.hidden[0].how, "inline: kept as a reference");
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].rule_id, "ci/disabled-workflow");
  EXPECT_EQ(result.findings[0].file, ".github/workflows/older.yml.off");
  EXPECT_EQ(result.findings[1].rule_id, "config/suppression-missing-reason");
  EXPECT_EQ(result.findings[1].line, 2);
  const RuleOutcome& outcome = outcome_of(result, "ci/disabled-workflow");
  EXPECT_EQ(outcome.findings, 1u);
  EXPECT_EQ(outcome.hidden, 1u);
  EXPECT_EQ(outcome.status, RuleStatus::kFailed);
}

TEST(RunRulesInline, SuppressionWithoutReasonStillHides) {
  model::RepoModel model =
      model_of({{"a/.github/workflows/x.yml.bak", "# golive:ignore ci/disabled-workflow\n"}});
  rules::Settings settings;
  core::ThreadPool pool(1);
  ScanResult result = run_rules(model, settings, {{"ci/disabled-workflow"}, {}}, pool);
  EXPECT_TRUE(result.findings.empty());
  ASSERT_EQ(result.hidden.size(), 1u);
  EXPECT_EQ(result.hidden[0].how, "inline: (no reason given)");
  EXPECT_EQ(outcome_of(result, "ci/disabled-workflow").status, RuleStatus::kWaived);
}

TEST(RunRulesInline, NotApplicableRulesAreCountedSo) {
  model::RepoModel model = model_of({{"README.md", "# App\n"}});
  rules::Settings settings;
  core::ThreadPool pool(2);
  ScanResult result =
      run_rules(model, settings, {{"ci/disabled-workflow", "parse/invalid-yaml"}, {}}, pool);
  EXPECT_TRUE(result.findings.empty());
  const RuleOutcome& outcome = outcome_of(result, "parse/invalid-yaml");
  EXPECT_EQ(outcome.status, RuleStatus::kNotApplicable);
  EXPECT_EQ(outcome.reason, "no YAML files");
  auto parse = std::find_if(result.sections.begin(), result.sections.end(),
                            [](const SectionScore& s) { return s.section == "parse"; });
  ASSERT_NE(parse, result.sections.end());
  EXPECT_EQ(parse->not_applicable, 1);
  EXPECT_EQ(parse->passed, 0);
  EXPECT_EQ(parse->disabled + parse->not_applicable,
            static_cast<int>(
                std::count_if(rules::all_rules().begin(), rules::all_rules().end(),
                              [](const rules::Rule* r) { return r->meta.section == "parse"; })));
  EXPECT_EQ(result.level, Level::kGold);
}

TEST(RunRulesInline, PracticeRulesApplyOnlyToServices) {
  model::RepoModel library = model_of({{"README.md", "# Lib\n"}});
  rules::Settings settings;
  core::ThreadPool pool(2);
  ScanResult result = run_rules(library, settings, {{"docs/missing-oncall"}, {}}, pool);
  EXPECT_EQ(result.profile.kind, model::Profile::kLibrary);
  EXPECT_TRUE(result.findings.empty());
  const RuleOutcome& outcome = outcome_of(result, "docs/missing-oncall");
  EXPECT_EQ(outcome.status, RuleStatus::kNotApplicable);
  EXPECT_NE(outcome.reason.find("profile is library"), std::string::npos) << outcome.reason;

  // The team says it is a service: the rule applies and finds the gap.
  settings.profile = model::Profile::kService;
  settings.config_path = ".golive.yml";
  result = run_rules(library, settings, {{"docs/missing-oncall"}, {}}, pool);
  EXPECT_TRUE(result.profile.configured);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule_id, "docs/missing-oncall");
}

TEST(RunRulesInline, AnExamplesCollectionSetsItsProductFindingsAside) {
  model::RepoModel model =
      model_of({{"README.md", "# Kubernetes Examples\n"}, {"guestbook/broken.yml", "a: [\n"}});
  rules::Settings settings;
  core::ThreadPool pool(1);
  Selection selection{{"parse/invalid-yaml"}, {}};
  ScanResult result = run_rules(model, settings, selection, pool);
  EXPECT_EQ(result.profile.kind, model::Profile::kExamples);
  EXPECT_TRUE(result.findings.empty());
  ASSERT_EQ(result.out_of_scope.size(), 1u);
  EXPECT_EQ(result.out_of_scope[0].role, walk::PathRole::kExample);
  selection.all_roles = true;
  EXPECT_EQ(run_rules(model, settings, selection, pool).findings.size(), 1u);
}

TEST(RunRulesInline, SameResultWithOneAndFourWorkers) {
  model::RepoModel model = model_of({{".github/workflows/old.yml.disabled", "on: push\n"},
                                     {"broken.yml", "a: [\n"},
                                     {".env", "SECRET=1\n"},
                                     {"README.md", "# App\n"}});
  rules::Settings settings;
  settings.today = "2026-01-15";
  core::ThreadPool one(1);
  core::ThreadPool four(4);
  ScanResult a = run_rules(model, settings, {}, one);
  ScanResult b = run_rules(model, settings, {}, four);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].rule_id, b.findings[i].rule_id);
    EXPECT_EQ(a.findings[i].file, b.findings[i].file);
    EXPECT_EQ(a.findings[i].line, b.findings[i].line);
  }
  EXPECT_EQ(a.level, b.level);
  EXPECT_EQ(a.level, Level::kBlocked);  // invalid YAML and a committed .env are errors
  std::vector<std::string> ids = rule_ids(a.findings);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "parse/invalid-yaml"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "secrets/committed-env-file"), ids.end());
}

TEST(RuleRuns, FollowsOnlySkipAndConfiguration) {
  rules::Settings settings;
  const std::string id = "secrets/committed-secret";
  EXPECT_TRUE(rule_runs(id, settings, {}));
  EXPECT_FALSE(rule_runs(id, settings, {{}, {"secrets"}}));
  EXPECT_FALSE(rule_runs(id, settings, {{}, {id}}));
  EXPECT_FALSE(rule_runs(id, settings, {{"k8s"}, {}}));
  EXPECT_TRUE(rule_runs(id, settings, {{"k8s", "secrets"}, {}}));
  settings.section_enabled["secrets"] = false;
  EXPECT_FALSE(rule_runs(id, settings, {}));
  settings.rule_enabled[id] = true;
  EXPECT_TRUE(rule_runs(id, settings, {}));
  EXPECT_FALSE(rule_runs("secrets/no-such-rule", settings, {}));
}

}  // namespace
}  // namespace golive::engine
