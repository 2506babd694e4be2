#include <map>

#include "report/report.h"

namespace golive::report {
namespace {

// Table cells cannot hold a raw '|' or a newline.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view badge(engine::Level level) {
  switch (level) {
    case engine::Level::kBlocked:
      return ":red_circle:";
    case engine::Level::kBronze:
      return ":orange_circle:";
    case engine::Level::kSilver:
      return ":large_blue_circle:";
    case engine::Level::kGold:
      return ":green_circle:";
  }
  return "";
}

}  // namespace

std::string render_markdown(const ReportContext& context) {
  const auto& result = context.result;
  std::string out = "## golive readiness: " + std::string(badge(result.level)) + " **" +
                    std::string(engine::level_name(result.level)) + "**\n\n" + result.level_reason +
                    " (" + std::to_string(result.files_scanned) + " files scanned in `" +
                    cell(context.root) + "`; " + cell(profile_line(result)) + ")\n\n";
  out +=
      "| section | passed | failed | unverified | n/a | score |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& s : result.sections) {
    if (s.applicable() == 0 && s.not_applicable == 0) continue;
    out += "| " + s.section + " | " + std::to_string(s.passed) + " | " + std::to_string(s.failed) +
           " | " + std::to_string(s.unverified) + " | " + std::to_string(s.not_applicable) + " | " +
           (s.applicable() == 0 ? "n/a" : std::to_string(s.percent()) + "%") + " |\n";
  }
  if (!result.out_of_scope.empty()) out += "\n" + out_of_scope_line(result) + ".\n";
  if (!result.unverified.empty()) {
    out += "\n**Unverified** (golive could not see the evidence; these never block):\n\n";
    for (const auto& check : result.unverified)
      out += "- `" + cell(location_text(check)) + "` " + cell(check.message) + " (" +
             check.rule_id + ")\n";
  }
  if (result.findings.empty()) return out + "\nNo findings.\n";
  std::map<std::string, std::vector<const rules::Finding*>> by_section;
  for (const auto& f : result.findings)
    by_section[f.rule_id.substr(0, f.rule_id.find('/'))].push_back(&f);
  for (const auto& [section, findings] : by_section) {
    out += "\n### " + section + "\n\n| severity | location | finding | rule |\n|---|---|---|---|\n";
    for (const auto* f : findings) {
      out += "| " + std::string(rules::severity_name(f->severity)) + " | `" +
             cell(location_text(*f)) + "` | " + cell(f->message) + " | [" + f->rule_id + "](" +
             rule_doc_url(f->rule_id) + ") |\n";
    }
  }
  out += "\n<details><summary>How to fix</summary>\n\n";
  std::map<std::string, std::string> fixes;
  for (const auto& f : result.findings) fixes[f.rule_id] = f.fix;
  for (const auto& [id, fix] : fixes) out += "- **" + id + "**: " + cell(fix) + "\n";
  out += "\n</details>\n";
  return out;
}

}  // namespace golive::report
