#include <re2/re2.h>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// The context the condition trusts to name a bot, or "".
std::string spoofable_check(std::string_view condition) {
  std::string lower = core::to_lower(condition);
  if (lower.find("[bot]") == std::string::npos) return "";
  static const RE2 kActor(
      R"((github\.(?:actor|triggering_actor)|github\.event\.sender\.login)\s*==)"
      R"(|==\s*(github\.(?:actor|triggering_actor)|github\.event\.sender\.login)\b)"
      R"(|(?:contains|startswith|endswith)\(\s*(github\.(?:actor|triggering_actor)|github\.event\.sender\.login)\s*,)");
  std::string a;
  std::string b;
  std::string c;
  if (!RE2::PartialMatch(lower, kActor, &a, &b, &c)) return "";
  return !a.empty() ? a : !b.empty() ? b : c;
}

void report(RuleContext& context, Once& once, const std::string& owner,
            const std::string& condition, const std::string& path, int line) {
  std::string actor = spoofable_check(condition);
  if (actor.empty() || !once.first(path, line)) return;
  context.report(owner + " trusts '" + actor +
                     "' to identify a bot in 'if: " + core::excerpt(core::trim(condition), 80) +
                     "', but that is whoever triggered the run last, not who wrote the change",
                 path, line, 0, condition);
}

void check(RuleContext& context) {
  if (!has_github_ci(context.model()))
    return context.not_applicable("no GitHub workflows or actions");
  Once once;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    for (const auto& job : workflow.jobs) {
      if (!job.if_condition.empty()) {
        report(context, once, "job '" + job.id + "'", job.if_condition, workflow.path,
               job.if_line > 0 ? job.if_line : job.line);
      }
    }
  }
  for (const auto& site : steps_of(context.model(), false)) {
    const model::Step& step = *site.step;
    if (step.if_condition.empty()) continue;
    report(context, once, site.owner() + " step " + step.label(), step.if_condition, site.path(),
           step.if_line > 0 ? step.if_line : step.line);
  }
}

}  // namespace

extern const Rule kSpoofableBotCondition;
const Rule kSpoofableBotCondition{
    {.id = "supply-chain/spoofable-bot-condition",
     .section = "supply-chain",
     .title = "Bot checks do not rely on github.actor",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "github.actor is the user whose action triggered this run, not the author of the "
         "pull request: anyone can make 'dependabot[bot]' the actor by getting Dependabot to "
         "rebase or by pushing to a Dependabot branch in their fork, and then pass an "
         "'if: github.actor == 'dependabot[bot]'' gate that auto-merges or grants secrets.",
     .remediation =
         "Check who opened the pull request: 'if: github.event.pull_request.user.login == "
         "'dependabot[bot]'', and for Dependabot use dependabot/fetch-metadata to read the "
         "update's details before acting on them.",
     .also = "zizmor bot-conditions"},
    check};

}  // namespace golive::rules::supply_chain
