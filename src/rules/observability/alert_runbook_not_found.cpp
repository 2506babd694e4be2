#include <array>
#include <optional>

#include "core/paths.h"
#include "rules/common.h"
#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

// How forges write a link to a file of a repository: https://host/owner/repo<marker><ref>/path.
constexpr std::array<std::string_view, 4> kTreeMarkers = {"/-/blob/", "/blob/", "/tree/", "/src/"};

bool exists(const model::RepoModel& model, std::string_view path) {
  if (path.empty()) return true;
  if (model.file(path) != nullptr) return true;
  std::string prefix = std::string(path) + "/";  // a directory of runbooks
  for (const auto& file : model.files) {
    if (file.path.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

bool is_top_level_entry(const model::RepoModel& model, std::string_view segment) {
  for (const auto& file : model.files) {
    std::string_view path = file.path;
    if (path.substr(0, path.find('/')) == segment) return true;
  }
  return false;
}

std::string_view strip_fragment(std::string_view link) {
  size_t cut = link.find_first_of("#?");
  return cut == std::string_view::npos ? link : link.substr(0, cut);
}

// The repository path a runbook link points at, or nullopt for a link outside this repository.
std::optional<std::string> repo_path(const model::RepoModel& model, std::string_view link) {
  link = strip_fragment(link);
  if (link.find("{{") != std::string_view::npos || link.find("${") != std::string_view::npos)
    return std::nullopt;
  if (link.find("://") == std::string_view::npos) {
    if (link.rfind("mailto:", 0) == 0) return std::nullopt;
    return std::string(link);
  }
  for (std::string_view marker : kTreeMarkers) {
    size_t at = link.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view rest = link.substr(at + marker.size());
    size_t slash = rest.find('/');  // skip the branch or commit
    if (slash == std::string_view::npos) return std::nullopt;
    rest = rest.substr(slash + 1);
    // Only a link whose first folder exists here is taken as a link into this repository.
    if (!is_top_level_entry(model, rest.substr(0, rest.find('/')))) return std::nullopt;
    return std::string(rest);
  }
  return std::nullopt;
}

void check(RuleContext& context) {
  const model::RepoModel& model = context.model();
  for (const auto* alert : require_alerts(context)) {
    for (std::string_view key : runbook_annotation_keys()) {
      auto it = alert->annotations.find(std::string(key));
      if (it == alert->annotations.end() || it->second.empty()) continue;
      auto path = repo_path(model, it->second);
      if (!path) continue;
      std::string from_root = core::normalize_path(*path);
      std::string from_file = core::join_path(directory_name(alert->file), *path);
      if (exists(model, from_root) || exists(model, from_file)) continue;
      auto line = alert->annotation_lines.find(std::string(key));
      context.report("alert '" + alert->alert + "' links runbook '" + it->second +
                         "', which is not a file of this repository",
                     alert->file,
                     line != alert->annotation_lines.end() ? line->second : alert->line);
    }
  }
}

}  // namespace

extern const Rule kAlertRunbookNotFound;
const Rule kAlertRunbookNotFound{
    {.id = "observability/alert-runbook-not-found",
     .section = "observability",
     .title = "Runbook links of alerts point at files that exist",
     .severity = Severity::kWarning,
     .seeds = "000 T051, 003 P3-02, 004 T032",
     .rationale =
         "A runbook link that leads to a 404 is worse than none: the on-call engineer loses "
         "minutes looking for a page that was renamed or never written. golive checks runbook "
         "links that are relative paths (docs/runbooks/x.md, tried from the repository root and "
         "from the rule file's folder) and forge links into this repository's tree "
         "(https://github.com/org/repo/blob/main/docs/runbooks/x.md, when the first folder after "
         "the branch exists here). Links to other sites and templated links are not checked.",
     .remediation = "Write the missing runbook at the linked path, or fix the link to point at the "
                    "runbook's current location.",
     .also = ""},
    check};

}  // namespace golive::rules::observability
