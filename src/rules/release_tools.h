#pragma once
// Release tools whose configuration says the repository's releases and their notes are
// generated: release-please, semantic-release, changesets, goreleaser, git-cliff, release-it,
// commitizen, release-drafter and GitHub's generated release notes. Shared by the rules on
// release automation and on the changelog.
#include <string_view>

#include "model/model.h"

namespace golive::rules {

// True when path is the configuration file of a release or changelog tool.
bool is_release_config(std::string_view path);

// True when the repository configures a tool that writes release notes or a changelog: a
// release tool's configuration, an npm release package, or a CI command that asks GitHub to
// generate the notes ('gh release create --generate-notes', generate_release_notes: true).
bool writes_release_notes(const model::RepoModel& model);

// True when the repository cuts releases: it writes release notes, a workflow runs on a
// release or on tag pushes, or CI publishes an image, a package, a chart or release assets.
// A sample, a reference app or an estate applied from main has no release to describe.
bool cuts_releases(const model::RepoModel& model);

}  // namespace golive::rules
