#pragma once
#include <climits>
#include <string>
#include <string_view>
#include <vector>

namespace golive::parse {

// An inline "golive:ignore <rule-id> -- <reason>" comment, or another tool's suppression that
// golive honours through the rules' equivalents (`also:`): "# hadolint ignore=DL3008", a
// kube-linter annotation, "# checkov:skip=CKV_K8S_20", "# zizmor: ignore[unpinned-uses]", ...
struct Suppression {
  std::string rule_id;     // the golive rule; "" for another tool's suppression
  std::string reason;      // empty when none was given: itself a finding for golive's own
  int line = 0;            // where the suppression is written
  std::string tool = {};   // "" for golive; "hadolint", "kube-linter", "checkov", ...
  std::string check = {};  // the other tool's check id ("DL3008"); "*" for all of its checks
  // The lines it covers; 0 means the line it is written on and the next one.
  int first_line = 0;
  int last_line = 0;
  std::string written = {};  // the marker as written, for reports ("hadolint ignore=DL3008")

  [[nodiscard]] bool covers(int finding_line) const {
    if (first_line == 0) return finding_line == line || finding_line == line + 1;
    return finding_line >= first_line && finding_line <= last_line;
  }
};

// Finds golive's suppression comments in any text file; cheap when the marker is absent.
std::vector<Suppression> find_suppressions(std::string_view text);

// Other tools' suppression comments in the kinds of file those tools read.
enum class SuppressionDialect {
  kDockerfile,  // hadolint ignore= / global ignore=, checkov:skip=, trivy:ignore:
  kTerraform,   // checkov:skip=, trivy:ignore:, tfsec:ignore:
  kYaml,        // zizmor: ignore[...] in workflows, checkov:skip= and trivy:ignore: comments
};
std::vector<Suppression> find_tool_suppressions(std::string_view text, SuppressionDialect dialect);

// Secret scanners' line markers: "gitleaks:allow" and detect-secrets' "pragma: allowlist
// secret" on the secret's line, or "pragma: allowlist nextline secret" on the line above.
// Returns the marker as written ("gitleaks:allow"), or "" when the secret's line has none.
// previous_line may be empty.
std::string secret_scanner_marker(std::string_view line, std::string_view previous_line);

}  // namespace golive::parse
