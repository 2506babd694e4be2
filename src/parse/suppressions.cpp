#include "parse/suppressions.h"

#include "core/strings.h"

namespace golive::parse {
namespace {
constexpr std::string_view kMarker = "golive:ignore";

bool looks_like_rule_id(std::string_view id) {
  size_t slash = id.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == id.size()) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > slash && c == '-') || i == slash;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::vector<Suppression> find_suppressions(std::string_view text) {
  std::vector<Suppression> found;
  size_t pos = 0;
  while ((pos = text.find(kMarker, pos)) != std::string_view::npos) {
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view rest = text.substr(pos + kMarker.size(), line_end - pos - kMarker.size());
    int line = core::line_of_offset(text, pos);
    pos = line_end;
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;
    rest = core::trim(rest);
    // Strip comment closers such as "-->" or "*/" that end the comment on the same line.
    for (std::string_view closer : {"-->", "*/"}) {
      if (rest.size() >= closer.size() && rest.substr(rest.size() - closer.size()) == closer) {
        rest = core::trim(rest.substr(0, rest.size() - closer.size()));
      }
    }
    Suppression suppression;
    suppression.line = line;
    size_t dashes = rest.find("--");
    std::string_view id = core::trim(rest.substr(0, dashes));
    size_t space = id.find_first_of(" \t");
    suppression.rule_id = std::string(id.substr(0, space));
    if (dashes != std::string_view::npos)
      suppression.reason = std::string(core::trim(rest.substr(dashes + 2)));
    // Only "<section>/<slug>" counts, so prose or code that merely mentions the marker does not.
    if (!looks_like_rule_id(suppression.rule_id)) continue;
    found.push_back(std::move(suppression));
  }
  return found;
}

namespace {

struct LineView {
  std::string_view text;
  int number = 0;
};

std::vector<LineView> lines_with(std::string_view text, std::string_view marker) {
  std::vector<LineView> out;
  size_t pos = 0;
  while ((pos = text.find(marker, pos)) != std::string_view::npos) {
    size_t begin = text.rfind('\n', pos);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out.push_back({text.substr(begin, end - begin), core::line_of_offset(text, pos)});
    pos = end;
  }
  return out;
}

bool is_check_char(char c) {
  return core::is_identifier_char(c) || c == '-' || c == '.' || c == '*';
}

// The ids of a comma-separated list starting at text[at]: "DL3008,DL3009" or "DL3008, DL3009";
// the list ends at the first character that is neither an id nor a separator.
std::vector<std::string> id_list(std::string_view text, size_t at) {
  size_t end = at;
  bool after_comma = false;  // a space may follow a comma, not an id
  while (end < text.size()) {
    char c = text[end];
    if (!(is_check_char(c) || c == ',' || (c == ' ' && after_comma))) break;
    if (c != ' ') after_comma = c == ',';
    ++end;
  }
  std::vector<std::string> ids;
  for (const auto& part : core::split(text.substr(at, end - at), ',')) {
    std::string id(core::trim(part));
    if (!id.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

// "checkov:skip=CKV_K8S_20:reason" and "checkov:skip=CKV_K8S_20" comments.
void add_checkov(std::string_view text, std::vector<Suppression>& out, bool whole_file) {
  for (const auto& line : lines_with(text, "checkov:skip=")) {
    size_t at = line.text.find("checkov:skip=") + 13;
    std::string_view rest = line.text.substr(at);
    size_t colon = rest.find(':');
    std::string check(core::trim(rest.substr(0, colon)));
    std::string reason =
        colon == std::string_view::npos ? "" : std::string(core::trim(rest.substr(colon + 1)));
    Suppression suppression{"", reason, line.number, "checkov", check};
    suppression.written = "checkov:skip=" + check;
    if (whole_file) {
      suppression.first_line = 1;
      suppression.last_line = INT_MAX;
    }
    out.push_back(std::move(suppression));
  }
}

// "trivy:ignore:AVD-DS-0002" / "tfsec:ignore:aws-s3-enable-versioning" on the line above.
void add_prefixed(std::string_view text, std::string_view marker, std::string_view tool,
                  std::vector<Suppression>& out) {
  for (const auto& line : lines_with(text, marker)) {
    size_t at = line.text.find(marker) + marker.size();
    for (const auto& id : id_list(line.text, at)) {
      Suppression suppression{"", "", line.number, std::string(tool), id};
      suppression.written = std::string(marker) + id;
      out.push_back(std::move(suppression));
    }
  }
}

void add_hadolint(std::string_view text, std::vector<Suppression>& out) {
  for (const auto& line : lines_with(text, "hadolint")) {
    std::string_view trimmed = core::trim(line.text);
    if (!trimmed.starts_with('#')) continue;
    size_t ignore = trimmed.find("ignore=");
    if (ignore == std::string_view::npos) continue;
    bool global = core::contains(trimmed.substr(0, ignore), "global");
    for (const auto& id : id_list(trimmed, ignore + 7)) {
      Suppression suppression{"", "", line.number, "hadolint", id};
      suppression.written =
          std::string(global ? "hadolint global ignore=" : "hadolint ignore=") + id;
      if (global) {
        suppression.first_line = 1;
        suppression.last_line = INT_MAX;
      }
      out.push_back(std::move(suppression));
    }
  }
}

// "# zizmor: ignore[unpinned-uses, template-injection]" on the finding's line or above it.
void add_zizmor(std::string_view text, std::vector<Suppression>& out) {
  for (const auto& line : lines_with(text, "zizmor: ignore[")) {
    size_t at = line.text.find("zizmor: ignore[") + 15;
    size_t close = line.text.find(']', at);
    if (close == std::string_view::npos) continue;
    for (const auto& part : core::split(line.text.substr(at, close - at), ',')) {
      std::string id(core::trim(part));
      if (id.empty()) continue;
      Suppression suppression{"", "", line.number, "zizmor", id};
      suppression.written = "zizmor: ignore[" + id + "]";
      // zizmor reads the comment on the lines its finding spans; the line above is also
      // where a long step keeps it.
      suppression.first_line = line.number - 1 > 0 ? line.number - 1 : 1;
      suppression.last_line = line.number + 1;
      out.push_back(std::move(suppression));
    }
  }
}

}  // namespace

std::vector<Suppression> find_tool_suppressions(std::string_view text, SuppressionDialect dialect) {
  std::vector<Suppression> out;
  switch (dialect) {
    case SuppressionDialect::kDockerfile:
      add_hadolint(text, out);
      add_checkov(text, out, true);  // checkov reads a Dockerfile's skips for the whole file
      add_prefixed(text, "trivy:ignore:", "trivy", out);
      break;
    case SuppressionDialect::kTerraform:
      add_checkov(text, out, false);
      add_prefixed(text, "trivy:ignore:", "trivy", out);
      add_prefixed(text, "tfsec:ignore:", "tfsec", out);
      break;
    case SuppressionDialect::kYaml:
      add_zizmor(text, out);
      add_checkov(text, out, false);
      add_prefixed(text, "trivy:ignore:", "trivy", out);
      break;
  }
  return out;
}

std::string secret_scanner_marker(std::string_view line, std::string_view previous_line) {
  if (core::contains(line, "gitleaks:allow")) return "gitleaks:allow";
  if (core::contains(line, "pragma: allowlist secret")) return "pragma: allowlist secret";
  if (core::contains(previous_line, "pragma: allowlist nextline secret"))
    return "pragma: allowlist nextline secret";
  return "";
}

}  // namespace golive::parse
