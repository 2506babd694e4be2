#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  for (const auto* alert : require_alerts(context)) {
    bool linked = false;
    for (std::string_view key : runbook_annotation_keys()) {
      auto it = alert->annotations.find(std::string(key));
      linked = linked || (it != alert->annotations.end() && !it->second.empty());
    }
    if (linked) continue;
    context.report("alert '" + alert->alert + "' has no runbook_url annotation", alert->file,
                   alert->line);
  }
}

}  // namespace

extern const Rule kAlertMissingRunbook;
const Rule kAlertMissingRunbook{
    {.id = "observability/alert-missing-runbook",
     .section = "observability",
     .title = "Alerts link a runbook",
     .severity = Severity::kWarning,
     .seeds = "000 T051, 003 P3-02, 004 T032",
     .rationale =
         "The engineer paged at night did not write the alert. A runbook_url annotation takes "
         "them from the page to what the alert means, how to confirm it and how to mitigate it. "
         "golive accepts the annotations runbook_url, runbook, runbook_link, runbookUrl, "
         "playbook and playbook_url.",
     .remediation =
         "Add 'annotations: {runbook_url: https://.../runbooks/<alert>.md}' to every alert, or a "
         "path such as docs/runbooks/high-error-rate.md in this repository.",
     .also = "pint alerts/annotation"},
    check};

}  // namespace golive::rules::observability
