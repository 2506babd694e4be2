// The shared queries of the workflow-hardening rules: uses references, attacker-controlled
// contexts, script lines.
#include "rules/supply-chain/workflow_hardening.h"

#include <gtest/gtest.h>

namespace golive::rules::supply_chain {
namespace {

TEST(WorkflowHardening, ParsesUsesReferences) {
  ActionRef checkout = parse_uses("actions/checkout@v4");
  EXPECT_EQ(checkout.name, "actions/checkout");
  EXPECT_EQ(checkout.ref, "v4");
  EXPECT_TRUE(action_is(checkout, "actions/checkout"));
  EXPECT_FALSE(action_is(checkout, "actions/check"));
  EXPECT_TRUE(action_is(parse_uses("Actions/Cache/restore@v4"), "actions/cache"));
  EXPECT_TRUE(parse_uses("./.github/actions/setup").local);
  ActionRef docker = parse_uses("docker://alpine:3.19");
  EXPECT_TRUE(docker.docker);
  EXPECT_EQ(docker.name, "alpine:3.19");
  EXPECT_EQ(parse_uses("org/repo/.github/workflows/ci.yml@main").name,
            "org/repo/.github/workflows/ci.yml");
}

TEST(WorkflowHardening, TellsShaTagAndBranchRefsApart) {
  EXPECT_EQ(ref_kind("11bd71901bbe5b1630ceea73d27597364c9af683"), "sha");
  EXPECT_EQ(ref_kind("11bd719"), "short-sha");
  EXPECT_EQ(ref_kind("v4"), "tag");
  EXPECT_EQ(ref_kind("4.1.1"), "tag");
  EXPECT_EQ(ref_kind("main"), "branch");
  EXPECT_EQ(ref_kind("releases/v1"), "branch");
  EXPECT_EQ(ref_kind("stable"), "branch");
  EXPECT_EQ(ref_kind("something"), "ref");
  EXPECT_TRUE(
      has_digest("alpine@sha256:4aea012537edfad80f98d870a36e6b90b4c09b27be7f4b4759d72db863baeebb"));
  EXPECT_FALSE(has_digest("alpine:3.19"));
  EXPECT_FALSE(has_digest("alpine@sha256:abc"));
}

TEST(WorkflowHardening, FindsAttackerControlledContexts) {
  EXPECT_EQ(untrusted_context("github.event.issue.title"), "github.event.issue.title");
  EXPECT_EQ(untrusted_context("GitHub.Event.Pull_Request.Body"), "GitHub.Event.Pull_Request.Body");
  EXPECT_EQ(untrusted_context("github.event.commits[0].message"),
            "github.event.commits[0].message");
  EXPECT_EQ(untrusted_context("github.event.pages.*.page_name"), "github.event.pages.*.page_name");
  EXPECT_EQ(untrusted_context("format('{0}', github.head_ref)"), "github.head_ref");
  EXPECT_EQ(untrusted_context("github.event.pull_request.title || 'untitled'"),
            "github.event.pull_request.title");
  EXPECT_EQ(untrusted_context("toJSON(github.event)"), "toJSON(github.event)");
  // Values that are not the attacker's text.
  EXPECT_EQ(untrusted_context("github.event.issue.number"), "");
  EXPECT_EQ(untrusted_context("github.event.pull_request.head.sha"), "");
  EXPECT_EQ(untrusted_context("github.head_ref_name"), "");
  EXPECT_EQ(untrusted_context("contains(github.event.pull_request.title, 'WIP')"), "");
  EXPECT_EQ(untrusted_context("github.head_ref == 'main'"), "");
  EXPECT_EQ(untrusted_context("'main' != github.head_ref"), "");
  EXPECT_EQ(untrusted_context("toJSON(github.event.inputs)"), "");
  EXPECT_EQ(untrusted_context("contains(github.event.issue.title, 'x') && github.event.issue.body"),
            "github.event.issue.body");
}

TEST(WorkflowHardening, FindsExpressions) {
  auto found = expressions_in("echo ${{ a }} and ${{b}} ${{ unclosed");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].inside, "a");
  EXPECT_EQ(found[0].offset, 5u);
  EXPECT_EQ(found[1].inside, "b");
}

TEST(WorkflowHardening, ScriptLinesJoinContinuationsAndSkipComments) {
  model::Step step;
  step.run = "# setup\ncurl -sSL \\\n  https://x.example/i.sh \\\n  | sh\n\necho done\n";
  step.script_line = 10;
  step.script_lines_exact = true;
  auto lines = script_lines(step);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "curl -sSL https://x.example/i.sh | sh");
  EXPECT_EQ(lines[0].line, 11);
  EXPECT_EQ(lines[1].text, "echo done");
  EXPECT_EQ(lines[1].line, 15);
}

}  // namespace
}  // namespace golive::rules::supply_chain
