#include <string_view>
#include <vector>

#include "rules/common.h"
#include "rules/release_tools.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  const std::vector<std::string_view> stems = {"CHANGELOG", "CHANGES", "HISTORY", "RELEASES",
                                               "RELEASE_NOTES"};
  if (find_community_doc(context.model(), stems) != nullptr) return;
  // Release tools write the notes of each release: the changelog is generated, not kept.
  if (writes_release_notes(context.model())) return;
  if (!cuts_releases(context.model()))
    return context.not_applicable(
        "the repository cuts no releases: no release or tag workflow and nothing published");
  require_community_doc(context, stems, "CHANGELOG");
}

}  // namespace

extern const Rule kMissingChangelog;
const Rule kMissingChangelog{
    {.id = "docs/missing-changelog",
     .section = "docs",
     .title = "Repository keeps a CHANGELOG",
     .severity = Severity::kWarning,
     .seeds = "000 T061, 003 P6-05",
     .rationale = "Operators deciding whether to roll a release forward or back need to know what "
                  "changed in it. A CHANGELOG file passes, and so does a release tool that writes "
                  "each release's notes (release-please, semantic-release, changesets, "
                  "goreleaser, git-cliff, release-drafter, GitHub's generated notes). A repository "
                  "that cuts no releases (no workflow on a release or tag push, nothing "
                  "published: a sample, an estate applied from main) is not asked for one.",
     .remediation = "Add CHANGELOG.md (for example in Keep a Changelog format) and update it with "
                    "every release, ideally by automation.",
     .also = ""},
    check};

}  // namespace golive::rules::docs
