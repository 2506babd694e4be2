#pragma once
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "model/model.h"
#include "rules/rule.h"

namespace golive::engine {

// --only / --skip: section names or rule ids.
struct Selection {
  std::vector<std::string> only;
  std::vector<std::string> skip;
};

enum class RuleStatus { kPassed, kFailed, kWaived, kNotApplicable, kDisabled };
std::string_view status_name(RuleStatus status);

struct RuleOutcome {
  const rules::Rule* rule = nullptr;
  rules::Severity severity = rules::Severity::kWarning;  // after overrides
  RuleStatus status = RuleStatus::kPassed;
  std::string reason;  // why not applicable or disabled
  size_t findings = 0;
  size_t hidden = 0;  // suppressed inline or waived
};

struct HiddenFinding {
  rules::Finding finding;
  std::string how;  // "inline: <reason>" or "waiver: <reason> (owner, expires)"
};

struct SectionScore {
  std::string section;
  int passed = 0;  // passed or waived
  int failed = 0;
  int not_applicable = 0;
  int disabled = 0;
  [[nodiscard]] int applicable() const { return passed + failed; }
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
  std::vector<RuleOutcome> outcomes;  // one per registered rule, in id order
  std::vector<SectionScore> sections;
  Level level = Level::kBlocked;
  std::string level_reason;
  size_t files_scanned = 0;
  std::vector<walk::SkippedPath> skipped;
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
