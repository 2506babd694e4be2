#include "rules/rule.h"

namespace golive::rules::config {
namespace {

void check(RuleContext& context) {
  const Settings& settings = context.settings();
  if (settings.waivers.empty()) return context.not_applicable("no waivers in the configuration");
  for (const auto& waiver : settings.waivers) {
    // ISO dates compare correctly as strings.
    if (waiver.expires < settings.today) {
      context.report("waiver for " + waiver.rule + " (owner " + waiver.owner + ") expired on " +
                         waiver.expires + "; its findings are reported again",
                     settings.config_path, waiver.line, 0, waiver.reason);
    }
  }
}

}  // namespace

extern const Rule kExpiredWaiver;
const Rule kExpiredWaiver{
    {.id = "config/expired-waiver",
     .section = "config",
     .title = "Waivers are within their expiry date",
     .severity = Severity::kWarning,
     .seeds = "002 §0, 002 §8",
     .rationale =
         "A waiver is an accepted risk with an end date; once the date passes, the risk must be "
         "fixed or accepted again by its owner, not forgotten.",
     .remediation =
         "Fix the waived findings and delete the waiver, or have its owner renew it with a new "
         "'expires' date and an updated reason.",
     .also = ""},
    check};

}  // namespace golive::rules::config
