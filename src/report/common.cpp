#include <cstdint>
#include <cstdio>
#include <map>

#include "core/version.h"
#include "report/report.h"

namespace golive::report {

std::string fingerprint(const rules::Finding& finding) {
  // FNV-1a: fast, stable across platforms and releases; not a security boundary.
  std::uint64_t hash = 1469598103934665603ULL;
  auto mix = [&hash](std::string_view text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;
    hash *= 1099511628211ULL;
  };
  mix(finding.rule_id);
  mix(finding.file);
  mix(finding.message);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string location_text(const rules::Finding& finding) {
  if (finding.file.empty()) return "(repository)";
  std::string out = finding.file;
  if (finding.line > 0) {
    out += ":" + std::to_string(finding.line);
    if (finding.column > 0) out += ":" + std::to_string(finding.column);
  }
  return out;
}

std::string rule_doc_url(std::string_view rule_id) {
  return std::string(core::kRuleDocsBase) + std::string(rule_id) + ".md";
}

std::string out_of_scope_line(const engine::ScanResult& result) {
  if (result.out_of_scope.empty()) return "";
  std::map<walk::PathRole, size_t> by_role;
  for (const auto& item : result.out_of_scope) ++by_role[item.role];
  std::string roles;
  for (const auto& [role, count] : by_role)
    roles += (roles.empty() ? "" : ", ") + std::string(walk::role_name(role)) + " " +
             std::to_string(count);
  size_t total = result.out_of_scope.size();
  return std::to_string(total) + " finding" + (total == 1 ? "" : "s") +
         " in files that are not deployed (" + roles + ") " + (total == 1 ? "is" : "are") +
         " not shown; --roles all shows them";
}

std::string profile_line(const engine::ScanResult& result) {
  return "profile: " + std::string(model::profile_name(result.profile.kind)) + " (" +
         result.profile.why + ")";
}

bool is_known_format(std::string_view format) {
  return format == "text" || format == "json" || format == "sarif" || format == "junit" ||
         format == "markdown";
}

std::string render(std::string_view format, const ReportContext& context) {
  if (format == "json") return render_json(context);
  if (format == "sarif") return render_sarif(context);
  if (format == "junit") return render_junit(context);
  if (format == "markdown") return render_markdown(context);
  return render_text(context);
}

}  // namespace golive::report
