#include <array>

#include "core/strings.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

struct Topic {
  std::string_view name;
  std::vector<std::string_view> words;
};

const std::array<Topic, 4> kTopics = {
    Topic{"deploy", {"deploy", "release"}},
    Topic{"rollback", {"rollback", "roll back", "roll-back", "rollout undo"}},
    Topic{"monitoring", {"monitoring", "observability", "dashboard", "alert"}},
    Topic{"incidents", {"incident", "outage", "troubleshoot", "playbook"}},
};

bool is_runbook(const model::TextDocument& doc) {
  std::string path = core::to_lower(doc.path);
  return path.find("runbook") != std::string::npos || path.find("playbook") != std::string::npos ||
         path.find("/ops/") != std::string::npos || path.rfind("ops/", 0) == 0;
}

bool covers(const model::TextDocument& doc, const Topic& topic) {
  std::string path = core::to_lower(doc.path);
  for (std::string_view word : topic.words) {
    if (path.find(word) != std::string::npos) return true;
  }
  return heading_line_with(doc.text, topic.words) > 0;
}

void check(RuleContext& context) {
  std::vector<const model::TextDocument*> runbooks;
  for (const auto& doc : context.model().docs) {
    if (is_runbook(doc)) runbooks.push_back(&doc);
  }
  if (runbooks.empty()) {
    context.report(
        "the repository has no runbooks (looked for docs under a runbooks/ or ops/ folder)");
    return;
  }
  for (const Topic& topic : kTopics) {
    bool covered = false;
    for (const auto* doc : runbooks) covered = covered || covers(*doc, topic);
    if (!covered) context.report("no runbook covers " + std::string(topic.name));
  }
}

}  // namespace

extern const Rule kMissingRunbooks;
const Rule kMissingRunbooks{
    {.id = "docs/missing-runbooks",
     .section = "docs",
     .title = "Runbooks cover deploy, rollback, monitoring and incidents",
     .severity = Severity::kWarning,
     .seeds = "000 T050, 001 T116, 003 P3-08, 004 T004, 004 T025, 004 T035",
     .rationale =
         "At 3 a.m. the on-call engineer follows a runbook, not the author's memory: how to "
         "deploy, how to roll back, where the dashboards are, and what to do for each alert.",
     .remediation =
         "Add docs/runbooks/ with deploy.md, rollback.md, monitoring.md and incidents.md, each "
         "with the exact commands and links an on-call engineer needs.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::docs
