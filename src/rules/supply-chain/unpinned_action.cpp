#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// What is wrong with a remote `uses:` reference, or "" when it is pinned.
std::string problem(std::string_view uses) {
  if (uses.find("${{") != std::string_view::npos) return "";
  ActionRef ref = parse_uses(uses);
  if (ref.local) return "";
  std::string quoted = "'" + std::string(uses) + "'";
  if (ref.docker) {
    return has_digest(ref.name) ? ""
                                : "uses the docker image " + quoted +
                                      " by tag, not by @sha256 digest, so its content can change";
  }
  if (ref.ref.empty()) return "uses " + quoted + " without any ref";
  std::string_view kind = ref_kind(ref.ref);
  if (kind == "sha") return "";
  if (kind == "branch") {
    return "uses " + quoted + ", which follows the branch '" + ref.ref +
           "': every push to it changes the code this workflow runs";
  }
  if (kind == "tag") {
    return "uses " + quoted + ", pinned to the tag '" + ref.ref +
           "' that its owner can move, not to a full commit SHA";
  }
  if (kind == "short-sha") {
    return "uses " + quoted + ", pinned to a short commit SHA that a fork can collide with";
  }
  return "uses " + quoted + ", pinned to '" + ref.ref +
         "' (a branch or a tag), not to a full commit SHA";
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!has_github_ci(model)) return context.not_applicable("no GitHub workflows or actions");
  Once once;
  bool any = false;
  for (const auto& site : steps_of(model, false)) {
    const model::Step& step = *site.step;
    if (step.uses.empty()) continue;
    any = true;
    std::string message = problem(step.uses);
    int line = step.uses_line > 0 ? step.uses_line : step.line;
    if (message.empty() || !once.first(site.path(), line)) continue;
    context.report(site.owner() + " " + message, site.path(), line, 0, step.uses);
  }
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.uses.empty()) continue;
      any = true;
      std::string message = problem(job.uses);
      int line = job.uses_line > 0 ? job.uses_line : job.line;
      if (message.empty() || !once.first(workflow.path, line)) continue;
      context.report("job '" + job.id + "' calls a reusable workflow: it " + message, workflow.path,
                     line, 0, job.uses);
    }
  }
  if (!any) context.not_applicable("no step or job uses an action or a reusable workflow");
}

}  // namespace

extern const Rule kUnpinnedAction;
const Rule kUnpinnedAction{
    {.id = "supply-chain/unpinned-action",
     .section = "supply-chain",
     .title = "Actions are pinned to full commit SHAs",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "A tag or branch of an action is a pointer its owner (or whoever steals their token) "
         "can move: the tj-actions/changed-files compromise rewrote every tag to code that "
         "dumped secrets into build logs. Only a full 40-character commit SHA names fixed "
         "code; this applies to actions/* and github/* too.",
     .remediation =
         "Pin each action to the full commit SHA of a release and keep the release as a "
         "comment, e.g. 'uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # "
         "v4.2.2' (also for reusable workflows: 'uses: org/repo/.github/workflows/ci.yml@<sha> "
         "# v1.2.0'); pin docker:// actions by digest ('docker://alpine@sha256:<digest>'). "
         "Let Dependabot (package-ecosystem: github-actions) or Renovate "
         "(helpers:pinGitHubActionDigests) keep the SHAs current.",
     .also = "scorecard Pinned-Dependencies, zizmor unpinned-uses"},
    check};

}  // namespace golive::rules::supply_chain
