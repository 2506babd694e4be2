#pragma once
// Reports read findings and rule metadata only. One file per format.
#include <string>

#include "engine/engine.h"

namespace golive::report {

struct ReportContext {
  const engine::ScanResult& result;
  std::string root;  // the scanned path as the user gave it
  bool color = false;
  bool quiet = false;      // text only: findings and the verdict, no tables
  bool verbose = false;    // text only: every finding in full instead of grouped by rule
  bool inventory = false;  // text only: what golive read, after the findings (--inventory)
};

std::string render_text(const ReportContext& context);
// The inventory as text: one section per kind of thing, one line per item.
std::string render_inventory_text(const engine::Inventory& inventory);
std::string render_json(const ReportContext& context);
std::string render_sarif(const ReportContext& context);
std::string render_junit(const ReportContext& context);
std::string render_markdown(const ReportContext& context);

// The formats by name, for --format and --output.
bool is_known_format(std::string_view format);
std::string render(std::string_view format, const ReportContext& context);

// A stable identity for a finding across runs: rule, file and message, not the line, so
// unrelated edits above it do not make it look new.
std::string fingerprint(const rules::Finding& finding);

// "path:line:col", "path:line", "path" or "(repository)".
std::string location_text(const rules::Finding& finding);

std::string rule_doc_url(std::string_view rule_id);

// "12 findings in files that are not deployed (test 9, vendor 3) are not shown; --roles all
// shows them", or "" when there are none.
std::string out_of_scope_line(const engine::ScanResult& result);

// "profile: library (no Dockerfile, ...)"; with "set in .golive.yml" when configured.
std::string profile_line(const engine::ScanResult& result);

}  // namespace golive::report
