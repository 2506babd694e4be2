#include "rules/observability/prometheus_common.h"
#include "rules/rule.h"

namespace golive::rules::observability {
namespace {

void check(RuleContext& context) {
  bool any = false;
  for (const auto& config : context.model().prometheus.configs) {
    if (config.embedded) continue;
    for (const auto& glob : config.rule_files) {
      any = true;
      if (!glob.matches.empty()) continue;
      context.report("rule_files entry '" + glob.pattern +
                         "' matches no file of the repository, so Prometheus loads no rules "
                         "from it",
                     config.path, glob.line);
    }
  }
  if (!any) context.not_applicable("no prometheus.yml lists rule_files");
}

}  // namespace

extern const Rule kRuleFilesMissing;
const Rule kRuleFilesMissing{
    {.id = "observability/rule-files-missing",
     .section = "observability",
     .title = "Every rule_files glob in prometheus.yml matches a rule file",
     .severity = Severity::kWarning,
     .seeds = "000 T014, 003 P3-01, 004 T030",
     .rationale =
         "Prometheus loads rules only from the files its rule_files globs match, and a glob that "
         "matches nothing is not an error: the alerts you wrote are simply never evaluated. "
         "golive resolves each relative glob against the directory of the prometheus.yml that "
         "lists it. An absolute glob is a path inside the Prometheus container "
         "(/etc/prometheus/rules/*.yml); golive matches its last two segments (rules/*.yml) "
         "anywhere in the repository.",
     .remediation = "Point rule_files at the rule files the repository ships (for example "
                    "'rules/*.yml' beside prometheus.yml) or add the missing file, then run "
                    "'promtool check config prometheus.yml' in CI.",
     .also = "promtool check config"},
    check};

}  // namespace golive::rules::observability
