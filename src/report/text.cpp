#include <algorithm>
#include <map>

#include "report/report.h"

namespace golive::report {
namespace {

struct Palette {
  bool on;
  [[nodiscard]] std::string paint(std::string_view text, std::string_view code) const {
    return on ? "\033[" + std::string(code) + "m" + std::string(text) + "\033[0m"
              : std::string(text);
  }
  [[nodiscard]] std::string severity(rules::Severity s) const {
    std::string_view name = rules::severity_name(s);
    std::string padded = std::string(name) + std::string(8 - name.size(), ' ');
    switch (s) {
      case rules::Severity::kError:
        return paint(padded, "1;31");
      case rules::Severity::kWarning:
        return paint(padded, "33");
      case rules::Severity::kInfo:
        return paint(padded, "36");
    }
    return padded;
  }
  [[nodiscard]] std::string bold(std::string_view text) const { return paint(text, "1"); }
  [[nodiscard]] std::string dim(std::string_view text) const { return paint(text, "2"); }
};

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text += std::string(width - text.size(), ' ');
  return text;
}

std::string section_of(const rules::Finding& finding) {
  return finding.rule_id.substr(0, finding.rule_id.find('/'));
}

// Every finding in full, grouped by section (--verbose).
void write_every_finding(const ReportContext& context, const Palette& palette, std::string& out) {
  std::map<std::string, std::vector<const rules::Finding*>> by_section;
  for (const auto& finding : context.result.findings)
    by_section[section_of(finding)].push_back(&finding);
  for (auto& [section, findings] : by_section) {
    // Errors first: a reader stops at the first lines, so the blocking ones go there.
    std::stable_sort(
        findings.begin(), findings.end(),
        [](const rules::Finding* a, const rules::Finding* b) { return a->severity > b->severity; });
    out += palette.bold(section) + "\n";
    for (const auto* finding : findings) {
      out += "  " + palette.severity(finding->severity) + location_text(*finding) + "  " +
             finding->message + " [" + finding->rule_id + "]\n";
      if (!finding->evidence.empty())
        out += "          " + palette.dim("> " + finding->evidence) + "\n";
      if (!context.quiet && !finding->fix.empty()) out += "          fix: " + finding->fix + "\n";
    }
    out += "\n";
  }
}

// One group per rule and severity, the blocking ones first: the rule's title and fix once,
// then the locations, at most kShown of them unless --verbose.
constexpr size_t kShown = 10;

struct RuleGroup {
  std::string rule_id;
  rules::Severity severity;
  std::vector<const rules::Finding*> findings;
};

std::vector<RuleGroup> group_by_rule(const std::vector<rules::Finding>& findings) {
  std::map<std::pair<int, std::string>, RuleGroup> groups;
  for (const auto& finding : findings) {
    auto key = std::make_pair(-static_cast<int>(finding.severity), finding.rule_id);
    RuleGroup& group = groups[key];
    group.rule_id = finding.rule_id;
    group.severity = finding.severity;
    group.findings.push_back(&finding);
  }
  std::vector<RuleGroup> out;
  out.reserve(groups.size());
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  return out;
}

// The fix every finding of the group shares, or "" when they differ.
std::string shared_fix(const RuleGroup& group) {
  const std::string& first = group.findings.front()->fix;
  for (const auto* finding : group.findings) {
    if (finding->fix != first) return "";
  }
  return first;
}

void write_grouped_findings(const ReportContext& context, const Palette& palette,
                            std::string& out) {
  for (const auto& group : group_by_rule(context.result.findings)) {
    const rules::Rule* rule = rules::find_rule(group.rule_id);
    size_t count = group.findings.size();
    out += palette.severity(group.severity) + palette.bold(group.rule_id) + "  " +
           (rule != nullptr ? std::string(rule->meta.title) : "") + " (" + std::to_string(count) +
           (count == 1 ? " finding" : " findings") + ")\n";
    std::string fix = shared_fix(group);
    for (size_t i = 0; i < count && i < kShown; ++i) {
      const rules::Finding& finding = *group.findings[i];
      out += "    " + location_text(finding) + "  " + finding.message + "\n";
      if (!finding.evidence.empty()) out += "      " + palette.dim("> " + finding.evidence) + "\n";
      if (fix.empty() && !context.quiet && !finding.fix.empty())
        out += "      fix: " + finding.fix + "\n";
    }
    if (count > kShown)
      out += "    ... and " + std::to_string(count - kShown) +
             " more (--verbose shows every finding)\n";
    if (!fix.empty() && !context.quiet) out += "  fix: " + fix + "\n";
    out += "\n";
  }
}

// The rules whose findings block, with their counts: "k8s/image-latest (3), ...".
std::string blocking_rules(const std::vector<rules::Finding>& findings) {
  std::map<std::string, size_t> counts;
  for (const auto& finding : findings) {
    if (finding.severity == rules::Severity::kError) ++counts[finding.rule_id];
  }
  std::string out;
  for (const auto& [rule, count] : counts)
    out += (out.empty() ? "" : ", ") + rule + " (" + std::to_string(count) + ")";
  return out;
}

// Checks golive could not settle, after the findings: what was opaque and how to show it.
void write_unverified(const ReportContext& context, const Palette& palette, std::string& out) {
  const auto& checks = context.result.unverified;
  if (checks.empty()) return;
  out += palette.bold("unverified") + " (golive could not see the evidence; these never block)\n";
  for (const auto& check : checks) {
    out += "  " + location_text(check) + "  " + check.message + " [" + check.rule_id + "]\n";
  }
  out += "\n";
}

void write_sections(const ReportContext& context, std::string& out) {
  out += pad("section", 14) + pad("passed", 8) + pad("failed", 8) + pad("unverif.", 10) +
         pad("n/a", 6) + "score\n";
  for (const auto& section : context.result.sections) {
    if (section.applicable() == 0 && section.not_applicable == 0) continue;  // all disabled
    std::string score = section.applicable() == 0 ? "n/a" : std::to_string(section.percent()) + "%";
    out += pad(section.section, 14) + pad(std::to_string(section.passed), 8) +
           pad(std::to_string(section.failed), 8) + pad(std::to_string(section.unverified), 10) +
           pad(std::to_string(section.not_applicable), 6) + score + "\n";
  }
  out += "\n";
}

std::string counts(const std::vector<rules::Finding>& findings) {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  for (const auto& f : findings) {
    (f.severity == rules::Severity::kError     ? errors
     : f.severity == rules::Severity::kWarning ? warnings
                                               : infos)++;
  }
  auto plural = [](size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
  };
  return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " +
         std::to_string(infos) + " info";
}

std::string verdict_line(const ReportContext& context, const Palette& palette) {
  const auto& result = context.result;
  std::string level(engine::level_name(result.level));
  std::string upper;
  for (char c : level) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string painted = result.level == engine::Level::kBlocked ? palette.paint(upper, "1;31")
                        : result.level == engine::Level::kGold  ? palette.paint(upper, "1;32")
                                                                : palette.paint(upper, "1;33");
  return "readiness: " + painted + " (" + result.level_reason + ")\n";
}

}  // namespace

std::string render_text(const ReportContext& context) {
  Palette palette{context.color};
  const auto& result = context.result;
  std::string out;
  if (!context.quiet) {
    out += palette.bold("golive scan " + context.root) + "  (" +
           std::to_string(result.files_scanned) + " files; " + profile_line(result) + ")\n";
    // The verdict first: a reviewer reads the top of the report.
    out += verdict_line(context, palette);
    out += "findings: " + counts(result.findings) + "\n";
    if (std::string blocking = blocking_rules(result.findings); !blocking.empty())
      out += "blocked by: " + blocking + "\n";
    out += "\n";
  }
  if (result.findings.empty() && !context.quiet) out += "No findings.\n\n";
  if (context.verbose) {
    write_every_finding(context, palette, out);
  } else {
    write_grouped_findings(context, palette, out);
  }
  if (context.inventory) out += render_inventory_text(result.inventory) + "\n";
  if (!context.quiet) {
    write_unverified(context, palette, out);
    write_sections(context, out);
    if (!result.hidden.empty()) {
      out += std::to_string(result.hidden.size()) + " finding" +
             (result.hidden.size() == 1 ? "" : "s") +
             " hidden by inline suppressions or waivers (see --format json for each)\n";
    }
    if (!result.out_of_scope.empty()) out += out_of_scope_line(result) + "\n";
    if (!result.skipped.empty()) {
      out += std::to_string(result.skipped.size()) + " path" +
             (result.skipped.size() == 1 ? "" : "s") + " skipped, e.g. " +
             result.skipped.front().rel_path + ": " + result.skipped.front().reason + "\n";
    }
  }
  out += "findings: " + counts(result.findings) + "\n";
  out += verdict_line(context, palette);
  return out;
}

}  // namespace golive::report
