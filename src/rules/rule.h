#pragma once
// What a rule is: metadata as data beside a pure check of the model.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "rules/settings.h"

namespace golive::rules {

struct RuleMeta {
  std::string_view id;  // "<section>/<slug>"
  std::string_view section;
  std::string_view title;
  Severity severity;
  std::string_view seeds;  // references into the seed task lists, e.g. "000 T001, 003 P1-01"
  std::string_view rationale;
  std::string_view remediation;
  std::string_view also = "";  // the same check in other tools, e.g. "scorecard CI-Tests"
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string file;  // empty for findings about the repository as a whole
  int line = 0;
  int column = 0;
  std::string evidence;
  std::string fix;
};

// What a check sees and how it answers. One context per rule run.
class RuleContext {
 public:
  RuleContext(const RuleMeta& meta, const model::RepoModel& model, const Settings& settings)
      : meta_(meta), model_(model), settings_(settings) {}

  [[nodiscard]] const model::RepoModel& model() const { return model_; }
  [[nodiscard]] const Settings& settings() const { return settings_; }

  // Reports a finding; the fix defaults to the rule's remediation.
  void report(std::string message, std::string file = "", int line = 0, int column = 0,
              std::string evidence = "");
  // Marks the rule as not applicable to this repository, with the reason.
  void not_applicable(std::string reason) { not_applicable_ = std::move(reason); }

  [[nodiscard]] const std::optional<std::string>& not_applicable_reason() const {
    return not_applicable_;
  }
  std::vector<Finding>& findings() { return findings_; }

 private:
  const RuleMeta& meta_;
  const model::RepoModel& model_;
  const Settings& settings_;
  std::vector<Finding> findings_;
  std::optional<std::string> not_applicable_;
};

using CheckFn = void (*)(RuleContext&);
// Extra Markdown for the rule's docs page, generated from data the rule owns (a table of the
// formats it recognises, say).
using DetailsFn = std::string (*)();

struct Rule {
  RuleMeta meta;
  CheckFn check;
  DetailsFn details = nullptr;
};

// Every registered rule, sorted by id.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);
std::vector<std::string> all_sections();

}  // namespace golive::rules
