#pragma once
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "engine/inventory.h"
#include "model/model.h"
#include "rules/rule.h"

namespace golive::engine {

// --only / --skip: section names or rule ids.
struct Selection {
  std::vector<std::string> only;
  std::vector<std::string> skip;
  // --roles all: report findings in every file, also tests, fixtures, examples, vendored code,
  // templates and docs (rules::reports_in_role).
  bool all_roles = false;
};

// kUnverified: no finding, but a check golive could not settle (RuleContext::unverified).
enum class RuleStatus { kPassed, kFailed, kWaived, kUnverified, kNotApplicable, kDisabled };
std::string_view status_name(RuleStatus status);

struct RuleOutcome {
  const rules::Rule* rule = nullptr;
  rules::Severity severity = rules::Severity::kWarning;  // after overrides
  RuleStatus status = RuleStatus::kPassed;
  std::string reason;  // why not applicable, disabled or unverified
  size_t findings = 0;
  size_t hidden = 0;        // suppressed inline or waived
  size_t out_of_scope = 0;  // in files of a role the rule does not judge (not with --roles all)
  size_t unverified = 0;    // checks golive could not settle
};

// A finding in a file that is not what the team deploys, set aside (Selection::all_roles).
struct OutOfScopeFinding {
  rules::Finding finding;
  walk::PathRole role = walk::PathRole::kTest;
};

struct HiddenFinding {
  rules::Finding finding;
  std::string how;  // "inline: <reason>" or "waiver: <reason> (owner, expires)"
};

struct SectionScore {
  std::string section;
  int passed = 0;  // passed or waived
  int failed = 0;
  int unverified = 0;  // count against the score like a failure, never block
  int not_applicable = 0;
  int disabled = 0;
  [[nodiscard]] int applicable() const { return passed + failed + unverified; }
  // Percentage of applicable rules that pass; 100 when none apply.
  [[nodiscard]] int percent() const {
    return applicable() == 0 ? 100 : passed * 100 / applicable();
  }
};

enum class Level { kBlocked, kBronze, kSilver, kGold };
std::string_view level_name(Level level);
// One sentence per level, as documented in docs/readiness-levels.md.
std::string_view level_meaning(Level level);

struct ScanResult {
  std::vector<rules::Finding> findings;  // active, sorted by file, line, column, rule id
  std::vector<HiddenFinding> hidden;
  std::vector<OutOfScopeFinding> out_of_scope;  // sorted like findings
  std::vector<rules::Finding> unverified;       // checks golive could not settle, sorted
  std::vector<RuleOutcome> outcomes;            // one per registered rule, in id order
  std::vector<SectionScore> sections;
  Level level = Level::kBlocked;
  std::string level_reason;
  size_t files_scanned = 0;
  std::vector<walk::SkippedPath> skipped;
  model::RepoProfile profile;  // detected, or configured in .golive.yml
  Inventory inventory;         // what golive saw (engine/inventory.h)
};

// Runs every selected rule over the model, applies inline suppressions and waivers, and scores.
ScanResult run_rules(const model::RepoModel& model, const rules::Settings& settings,
                     const Selection& selection, core::ThreadPool& pool);

Level compute_level(const std::vector<rules::Finding>& findings,
                    const std::vector<SectionScore>& sections, std::string& reason);

// Whether the findings reach the --fail-on threshold ("error", "warning" or "never").
bool fails(const std::vector<rules::Finding>& findings, std::string_view fail_on);

// Whether the rule with this id runs under the selection and configuration (false for an unknown
// id): work that only one rule needs is skipped when that rule is off.
bool rule_runs(std::string_view rule_id, const rules::Settings& settings,
               const Selection& selection);

// The unexpired waiver in settings for rule_id whose paths match path (or that has no paths).
const rules::Waiver* find_waiver(const rules::Settings& settings, std::string_view rule_id,
                                 std::string_view path);

}  // namespace golive::engine
