#include <re2/re2.h>

#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// "v4.1.1", "4.1", "tag=v4", "pin@v2", "release-1.2": something that names a release.
bool names_a_version(std::string_view comment) {
  static const RE2 kVersion(R"((^|[^0-9A-Za-z])v?[0-9]+(\.[0-9]+)*([^0-9A-Za-z]|$))");
  return RE2::PartialMatch(comment, kVersion);
}

void check_ref(RuleContext& context, Once& once, bool& any, const std::string& owner,
               const std::string& uses, const std::string& comment, const std::string& path,
               int line) {
  ActionRef ref = parse_uses(uses);
  if (ref.local || ref.docker || !is_full_sha(ref.ref)) return;
  any = true;
  if (names_a_version(comment) || !once.first(path, line)) return;
  std::string what = ref.name + "@" + ref.ref.substr(0, 12) + "...";
  if (comment.empty()) {
    context.report(
        owner + " pins " + what + " to a commit SHA with no '# vX.Y.Z' comment naming its release",
        path, line, 0, uses);
  } else {
    context.report(owner + " pins " + what + " to a commit SHA whose comment '# " + comment +
                       "' names no release version",
                   path, line, 0, uses);
  }
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!has_github_ci(model)) return context.not_applicable("no GitHub workflows or actions");
  Once once;
  bool any = false;
  for (const auto& site : steps_of(model, false)) {
    const model::Step& step = *site.step;
    if (step.uses.empty()) continue;
    check_ref(context, once, any, site.owner(), step.uses, step.uses_comment, site.path(),
              step.uses_line > 0 ? step.uses_line : step.line);
  }
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.uses.empty()) continue;
      check_ref(context, once, any, "job '" + job.id + "'", job.uses, job.uses_comment,
                workflow.path, job.uses_line > 0 ? job.uses_line : job.line);
    }
  }
  if (!any) context.not_applicable("no action is pinned to a commit SHA");
}

}  // namespace

extern const Rule kPinWithoutVersionComment;
const Rule kPinWithoutVersionComment{
    {.id = "supply-chain/pin-without-version-comment",
     .section = "supply-chain",
     .title = "SHA-pinned actions name their release in a comment",
     .severity = Severity::kInfo,
     .seeds = "004 T016",
     .rationale =
         "A bare 40-character SHA tells a reviewer nothing: which release is it, is it old, "
         "is it even a commit of that repository? Dependabot and Renovate read a trailing "
         "'# v4.1.1' comment to report and update the version next to the SHA.",
     .remediation =
         "Write the release the SHA belongs to as a comment on the same line, e.g. 'uses: "
         "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2'; tools such as "
         "pinact or 'npx pin-github-action' add the SHA and comment together.",
     .also = "zizmor ref-version-mismatch, pinact"},
    check};

}  // namespace golive::rules::supply_chain
