#include "engine/engine.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/glob.h"
#include "rules/equivalents.h"
#include "rules/per_object.h"

namespace golive::engine {
namespace {

bool selected(const rules::RuleMeta& meta, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return name == meta.id || name == meta.section;
  });
}

// Why a rule is off, or "" when it runs. The most specific setting wins: rule, then section.
std::string disabled_reason(const rules::RuleMeta& meta, const rules::Settings& settings,
                            const Selection& selection) {
  if (!selection.only.empty() && !selected(meta, selection.only)) return "not selected by --only";
  if (selected(meta, selection.skip)) return "skipped by --skip";
  std::string id(meta.id);
  if (auto it = settings.rule_enabled.find(id); it != settings.rule_enabled.end()) {
    return it->second ? "" : "disabled in the configuration";
  }
  if (auto it = settings.section_enabled.find(std::string(meta.section));
      it != settings.section_enabled.end()) {
    return it->second ? "" : "section disabled in the configuration";
  }
  return "";
}

// golive's own suppression of the finding, or another tool's that the rule's equivalents map
// onto it (rules/equivalents.h).
const parse::Suppression* inline_suppression(const model::RepoModel& model,
                                             const rules::RuleMeta& meta,
                                             const rules::Finding& finding) {
  if (finding.file.empty()) return nullptr;
  auto it = model.suppressions.find(finding.file);
  if (it == model.suppressions.end()) return nullptr;
  int line = std::max(finding.line, 1);
  auto covered = [&](const parse::Suppression& suppression) {
    if (suppression.covers(line)) return true;
    // Only another tool's marker: its finding may sit on a line golive's does not.
    return !suppression.tool.empty() &&
           std::any_of(finding.also_at.begin(), finding.also_at.end(),
                       [&](int other) { return suppression.covers(other); });
  };
  for (const auto& suppression : it->second) {
    if (!covered(suppression)) continue;
    if (suppression.tool.empty() ? suppression.rule_id == finding.rule_id
                                 : rules::honours(meta.also, suppression)) {
      return &suppression;
    }
  }
  return nullptr;
}

std::string suppression_text(const parse::Suppression& suppression) {
  if (suppression.tool.empty())
    return "inline: " + (suppression.reason.empty() ? "(no reason given)" : suppression.reason);
  std::string text = suppression.written + " (line " + std::to_string(suppression.line) + ")";
  if (!suppression.reason.empty()) text += ": " + suppression.reason;
  return suppression.tool + ": " + text;
}

const rules::Waiver* active_waiver(const rules::Settings& settings, const rules::Finding& finding) {
  return find_waiver(settings, finding.rule_id, finding.file);
}

// How a finding or unverified check is hidden: "inline: <reason>" or "waiver: <reason> (owner,
// expires)"; "" when it is not.
std::string hidden_by(const model::RepoModel& model, const rules::Settings& settings,
                      const rules::RuleMeta& meta, const rules::Finding& finding) {
  if (const auto* suppression = inline_suppression(model, meta, finding))
    return suppression_text(*suppression);
  if (const auto* waiver = active_waiver(settings, finding))
    return "waiver: " + waiver->reason + " (owner " + waiver->owner + ", expires " +
           waiver->expires + ")";
  return "";
}

// The role of the finding's file (product for repository-wide findings), when the rule does not
// judge that role and the user did not ask for every role; nullopt when it is in scope.
// In an examples collection, the files that would otherwise be the product are examples.
std::optional<walk::PathRole> out_of_scope_role(const model::RepoModel& model,
                                                const Selection& selection,
                                                const model::RepoProfile& profile,
                                                const rules::RuleMeta& meta,
                                                const rules::Finding& finding) {
  if (selection.all_roles || finding.file.empty()) return std::nullopt;
  walk::PathRole role = model.role_of(finding.file);
  if (profile.kind == model::Profile::kExamples &&
      (role == walk::PathRole::kProduct || role == walk::PathRole::kGenerated))
    role = walk::PathRole::kExample;
  if (rules::reports_in_role(meta, role)) return std::nullopt;
  return role;
}

bool finding_order(const rules::Finding& a, const rules::Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule_id, a.message) <
         std::tie(b.file, b.line, b.column, b.rule_id, b.message);
}

std::vector<SectionScore> score_sections(const std::vector<RuleOutcome>& outcomes) {
  std::map<std::string, SectionScore> by_section;
  for (const auto& outcome : outcomes) {
    SectionScore& score = by_section[std::string(outcome.rule->meta.section)];
    score.section = outcome.rule->meta.section;
    switch (outcome.status) {
      case RuleStatus::kPassed:
      case RuleStatus::kWaived:
        ++score.passed;
        break;
      case RuleStatus::kFailed:
        ++score.failed;
        break;
      case RuleStatus::kUnverified:
        ++score.unverified;
        break;
      case RuleStatus::kNotApplicable:
        ++score.not_applicable;
        break;
      case RuleStatus::kDisabled:
        ++score.disabled;
        break;
    }
  }
  std::vector<SectionScore> scores;
  scores.reserve(by_section.size());
  for (auto& [name, score] : by_section) scores.push_back(score);
  return scores;
}

}  // namespace

std::string_view status_name(RuleStatus status) {
  switch (status) {
    case RuleStatus::kPassed:
      return "passed";
    case RuleStatus::kFailed:
      return "failed";
    case RuleStatus::kWaived:
      return "waived";
    case RuleStatus::kUnverified:
      return "unverified";
    case RuleStatus::kNotApplicable:
      return "not-applicable";
    case RuleStatus::kDisabled:
      return "disabled";
  }
  return "passed";
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kBlocked:
      return "blocked";
    case Level::kBronze:
      return "bronze";
    case Level::kSilver:
      return "silver";
    case Level::kGold:
      return "gold";
  }
  return "blocked";
}

std::string_view level_meaning(Level level) {
  switch (level) {
    case Level::kBlocked:
      return "at least one error-severity check fails: not ready to go live";
    case Level::kBronze:
      return "no errors, but some section scores below 80%";
    case Level::kSilver:
      return "no errors and every applicable section scores at least 80%";
    case Level::kGold:
      return "every applicable check passes";
  }
  return "";
}

Level compute_level(const std::vector<rules::Finding>& findings,
                    const std::vector<SectionScore>& sections, std::string& reason) {
  size_t errors = std::count_if(findings.begin(), findings.end(), [](const rules::Finding& f) {
    return f.severity == rules::Severity::kError;
  });
  if (errors > 0) {
    reason = std::to_string(errors) + " error finding" + (errors == 1 ? "" : "s");
    return Level::kBlocked;
  }
  std::vector<std::string> low;
  bool all_pass = true;
  for (const auto& section : sections) {
    if (section.percent() < 80)
      low.push_back(section.section + " " + std::to_string(section.percent()) + "%");
    if (section.failed > 0 || section.unverified > 0) all_pass = false;
  }
  if (!low.empty()) {
    reason = "sections below 80%: ";
    for (size_t i = 0; i < low.size(); ++i) reason += (i > 0 ? ", " : "") + low[i];
    return Level::kBronze;
  }
  if (!all_pass) {
    int unverified = 0;
    for (const auto& section : sections) unverified += section.unverified;
    reason =
        std::to_string(findings.size()) + " finding" + (findings.size() == 1 ? "" : "s") + " left";
    if (unverified > 0)
      reason += ", " + std::to_string(unverified) + " rule" + (unverified == 1 ? "" : "s") +
                " unverified";
    return Level::kSilver;
  }
  reason = "every applicable check passes";
  return Level::kGold;
}

bool fails(const std::vector<rules::Finding>& findings, std::string_view fail_on) {
  if (fail_on == "never") return false;
  rules::Severity threshold =
      fail_on == "warning" ? rules::Severity::kWarning : rules::Severity::kError;
  return std::any_of(findings.begin(), findings.end(),
                     [threshold](const rules::Finding& f) { return f.severity >= threshold; });
}

ScanResult run_rules(const model::RepoModel& model, const rules::Settings& settings,
                     const Selection& selection, core::ThreadPool& pool) {
  const auto& registry = rules::all_rules();
  ScanResult result;
  result.files_scanned = model.files.size();
  result.skipped = model.skipped;
  result.outcomes.resize(registry.size());
  result.profile = model.profile();
  result.inventory = build_inventory(model);
  if (settings.profile) {
    result.profile = {*settings.profile, "set in " + settings.config_path, true};
  }
  std::vector<std::vector<rules::Finding>> raw(registry.size());
  std::vector<std::vector<rules::Finding>> unsettled(registry.size());

  for (size_t i = 0; i < registry.size(); ++i) {
    RuleOutcome& outcome = result.outcomes[i];
    outcome.rule = registry[i];
    outcome.severity = registry[i]->meta.severity;
    if (auto it = settings.severity_overrides.find(std::string(registry[i]->meta.id));
        it != settings.severity_overrides.end()) {
      outcome.severity = it->second;
    }
    outcome.reason = disabled_reason(registry[i]->meta, settings, selection);
    if (!outcome.reason.empty()) {
      outcome.status = RuleStatus::kDisabled;
      continue;
    }
    if (registry[i]->meta.service_practice && result.profile.kind != model::Profile::kService) {
      outcome.status = RuleStatus::kNotApplicable;
      outcome.reason = "a practice of services; the repository's profile is " +
                       std::string(model::profile_name(result.profile.kind)) + " (" +
                       result.profile.why + ")";
      continue;
    }
    pool.submit([&, i] {
      rules::RuleContext context(registry[i]->meta, model, settings);
      rules::run_rule(*registry[i], context);
      raw[i] = std::move(context.findings());
      unsettled[i] = std::move(context.unverified_checks());
      if (const auto& reason = context.not_applicable_reason()) {
        result.outcomes[i].status = RuleStatus::kNotApplicable;
        result.outcomes[i].reason = *reason;
      }
    });
  }
  pool.wait();

  for (size_t i = 0; i < registry.size(); ++i) {
    RuleOutcome& outcome = result.outcomes[i];
    if (outcome.status == RuleStatus::kDisabled) continue;
    for (auto& finding : raw[i]) {
      // A rule may lower one finding below its default (a key under tests/); an override of the
      // rule's severity never raises that finding above the override.
      bool lowered = finding.severity < outcome.rule->meta.severity;
      finding.severity = lowered ? std::min(finding.severity, outcome.severity) : outcome.severity;
      if (auto role =
              out_of_scope_role(model, selection, result.profile, outcome.rule->meta, finding)) {
        result.out_of_scope.push_back({std::move(finding), *role});
        ++outcome.out_of_scope;
      } else if (std::string how = hidden_by(model, settings, outcome.rule->meta, finding);
                 !how.empty()) {
        result.hidden.push_back({std::move(finding), std::move(how)});
        ++outcome.hidden;
      } else {
        result.findings.push_back(std::move(finding));
        ++outcome.findings;
      }
    }
    for (auto& check : unsettled[i]) {
      if (out_of_scope_role(model, selection, result.profile, outcome.rule->meta, check)) continue;
      // A team can record where the evidence is: a waiver or an inline suppression settles it.
      if (std::string how = hidden_by(model, settings, outcome.rule->meta, check); !how.empty()) {
        result.hidden.push_back({std::move(check), std::move(how)});
        ++outcome.hidden;
        continue;
      }
      if (outcome.unverified == 0 && outcome.findings == 0) outcome.reason = check.message;
      result.unverified.push_back(std::move(check));
      ++outcome.unverified;
    }
    if (outcome.unverified > 1 && outcome.findings == 0)
      outcome.reason += " (and " + std::to_string(outcome.unverified - 1) + " more)";
    if (outcome.findings > 0) {
      outcome.status = RuleStatus::kFailed;
    } else if (outcome.unverified > 0) {
      outcome.status = RuleStatus::kUnverified;
    } else if (outcome.hidden > 0) {
      outcome.status = RuleStatus::kWaived;
    } else if (outcome.status != RuleStatus::kNotApplicable) {
      outcome.status = RuleStatus::kPassed;
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  std::sort(result.hidden.begin(), result.hidden.end(),
            [](const HiddenFinding& a, const HiddenFinding& b) {
              return finding_order(a.finding, b.finding);
            });
  std::sort(result.unverified.begin(), result.unverified.end(), finding_order);
  std::sort(result.out_of_scope.begin(), result.out_of_scope.end(),
            [](const OutOfScopeFinding& a, const OutOfScopeFinding& b) {
              return finding_order(a.finding, b.finding);
            });
  result.sections = score_sections(result.outcomes);
  result.level = compute_level(result.findings, result.sections, result.level_reason);
  return result;
}

const rules::Waiver* find_waiver(const rules::Settings& settings, std::string_view rule_id,
                                 std::string_view path) {
  for (const auto& waiver : settings.waivers) {
    if (waiver.rule != rule_id || waiver.expires < settings.today) continue;
    if (waiver.paths.empty()) return &waiver;
    for (const auto& pattern : waiver.paths) {
      if (core::glob_match(pattern, path)) return &waiver;
    }
  }
  return nullptr;
}

bool rule_runs(std::string_view rule_id, const rules::Settings& settings,
               const Selection& selection) {
  const rules::Rule* rule = rules::find_rule(rule_id);
  return rule != nullptr && disabled_reason(rule->meta, settings, selection).empty();
}

}  // namespace golive::engine
