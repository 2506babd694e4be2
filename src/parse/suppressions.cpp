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

}  // namespace golive::parse
