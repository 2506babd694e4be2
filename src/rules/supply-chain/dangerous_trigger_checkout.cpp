#include <array>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// Refs that name the contributor's code rather than the base branch (lower-cased).
constexpr std::array<std::string_view, 14> kUntrustedRefs = {
    "github.event.pull_request.head.sha",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.merge_commit_sha",
    "github.head_ref",
    "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.id",
    "github.event.workflow_run.pull_requests",
    "github.event.pull_request.head.repo.full_name",
    "github.event.workflow_run.head_repository.full_name",
    "refs/pull/",
    "github.event.issue.number",
    // What pull-request-comment-branch style actions output for issue_comment workflows.
    "outputs.head_ref",
    "outputs.head_sha",
};

std::string untrusted_ref_in(std::string_view value) {
  std::string lower = core::to_lower(value);
  for (std::string_view ref : kUntrustedRefs) {
    if (lower.find(ref) != std::string::npos) return std::string(ref);
  }
  return "";
}

// Commands that fetch and switch to a pull request's head.
std::string untrusted_command(std::string_view line) {
  std::string lower = core::to_lower(line);
  if (lower.find("gh pr checkout") != std::string::npos) return "gh pr checkout";
  bool git = lower.find("git checkout") != std::string::npos ||
             lower.find("git fetch") != std::string::npos ||
             lower.find("git switch") != std::string::npos ||
             lower.find("git pull") != std::string::npos;
  if (!git) return "";
  if (lower.find("pull/") != std::string::npos) return "a pull request ref";
  for (const auto& expression : expressions_in(line)) {
    if (std::string ref = untrusted_ref_in(expression.inside); !ref.empty()) return ref;
  }
  return "";
}

const model::Trigger* trigger_of(const model::Workflow& workflow) {
  for (const char* event : {"pull_request_target", "workflow_run", "issue_comment"}) {
    if (const auto* trigger = workflow.trigger(event)) return trigger;
  }
  return nullptr;
}

void check(RuleContext& context) {
  bool any = false;
  Once once;
  for (const auto& site : steps_of(context.model(), false)) {
    if (site.workflow == nullptr) continue;
    const model::Trigger* dangerous = trigger_of(*site.workflow);
    if (dangerous == nullptr) continue;
    const std::string& trigger = dangerous->event;
    // zizmor reports dangerous-triggers at the trigger: its ignore there covers this finding.
    auto report = [&](std::string message, int line, std::string evidence) {
      context.report(std::move(message), site.path(), line, 0, std::move(evidence));
      if (dangerous->line > 0) context.findings().back().also_at.push_back(dangerous->line);
    };
    any = true;
    const model::Step& step = *site.step;
    std::string suffix = " in a workflow run by " + trigger +
                         ", with the base repository's secrets and token: the contributor's "
                         "code runs with them";
    if (action_is(parse_uses(step.uses), "actions/checkout")) {
      for (const char* input : {"ref", "repository"}) {
        const model::KeyValue* kv = step.input(input);
        if (kv == nullptr) continue;
        std::string ref = untrusted_ref_in(kv->value);
        if (ref.empty() || (trigger == "issue_comment" && ref != "refs/pull/" &&
                            ref != "github.event.issue.number" && ref.rfind("outputs.", 0) != 0))
          continue;
        if (!once.first(site.path(), kv->line)) break;
        report(site.owner() + " checks out untrusted code (" + input + ": " +
                   core::excerpt(kv->value, 80) + ")" + suffix,
               kv->line, kv->value);
        break;
      }
      continue;
    }
    for (const auto& line : script_lines(step)) {
      std::string what = untrusted_command(line.text);
      if (what.empty() || !once.first(site.path(), line.line)) continue;
      report(site.owner() + " fetches the pull request's code (" + what + ")" + suffix, line.line,
             core::excerpt(line.text, 100));
    }
  }
  if (!any) {
    context.not_applicable(
        "no workflow runs on pull_request_target, workflow_run or issue_comment");
  }
}

}  // namespace

extern const Rule kDangerousTriggerCheckout;
const Rule kDangerousTriggerCheckout{
    {.id = "supply-chain/dangerous-trigger-checkout",
     .section = "supply-chain",
     .title = "Privileged workflows never check out contributors' code",
     .severity = Severity::kError,
     .seeds = "004 T016",
     .rationale =
         "pull_request_target, workflow_run and issue_comment workflows run in the base "
         "repository with its secrets and a write token, even for a pull request from a fork. "
         "Checking out the pull request's head and then building, testing or installing it "
         "runs the contributor's code with those privileges (a 'pwn request').",
     .remediation =
         "Run untrusted code in a plain 'on: pull_request' workflow (no secrets, read-only "
         "token) and, if results need privileges, pass them as an artifact to a "
         "workflow_run workflow that only reads the artifact as data. If the privileged "
         "workflow must look at the head, check it out into a separate path with "
         "'persist-credentials: false' and never execute anything from it.",
     .also = "zizmor dangerous-triggers, CodeQL actions/untrusted-checkout"},
    check};

}  // namespace golive::rules::supply_chain
