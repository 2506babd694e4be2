#include <re2/re2.h>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

bool persists(const model::Step& checkout) {
  const model::KeyValue* persist = checkout.input("persist-credentials");
  return persist == nullptr || core::to_lower(core::trim(persist->value)) != "false";
}

std::string normalise(std::string_view path) {
  std::string out(core::trim(path));
  if (out.size() >= 2 && (out.front() == '"' || out.front() == '\'')) out = out.substr(1);
  if (!out.empty() && (out.back() == '"' || out.back() == '\'')) out.pop_back();
  out = core::replace_all(out, " ", "");
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  if (out.rfind("./", 0) == 0 && out.size() > 2) out = out.substr(2);
  return out;
}

// The upload takes the checkout's .git directory (and the token in .git/config) along.
bool covers_checkout(const model::Step& upload, const model::Step& checkout) {
  const model::KeyValue* path = upload.input("path");
  if (path == nullptr) return false;
  std::string root =
      checkout.input("path") != nullptr ? normalise(checkout.input("path")->value) : ".";
  for (std::string_view line : core::split_lines(path->value)) {
    std::string p = normalise(line);
    if (p.empty() || p.front() == '!') continue;
    if (p == "." || p == "*" || p == "**" || p == "**/*" || p == "${{github.workspace}}" ||
        p == root || p.rfind(".git", 0) == 0 || p.rfind(root + "/.git", 0) == 0)
      return true;
  }
  return false;
}

// upload-artifact 4.4 and later leave hidden files (.git) out unless include-hidden-files.
bool skips_hidden_files(const model::Step& upload) {
  const model::KeyValue* hidden = upload.input("include-hidden-files");
  if (hidden != nullptr && core::to_lower(core::trim(hidden->value)) == "true") return false;
  ActionRef ref = parse_uses(upload.uses);
  std::string version = ref_kind(ref.ref) == "tag" ? ref.ref : upload.uses_comment;
  int major = 0;
  int minor = 0;
  if (!RE2::PartialMatch(version, R"(v?(\d+)(?:\.(\d+))?)", &major, &minor)) return false;
  return major > 4 || (major == 4 && minor >= 4);
}

std::string leak_of(const model::Step& checkout, const model::Step& later) {
  if (action_is(parse_uses(later.uses), "actions/upload-artifact") &&
      covers_checkout(later, checkout) && !skips_hidden_files(later)) {
    return "uploads the checkout as an artifact (path: " +
           core::excerpt(core::trim(later.input("path")->value), 40) +
           "), .git/config and its token included";
  }
  static const RE2 kPush(R"((^|[\s;&|(])git\s+(-\S+\s+)*push\b)");
  for (const auto& line : script_lines(later)) {
    if (RE2::PartialMatch(line.text, kPush)) {
      return "runs 'git push' with it, so every step in between (dependency install scripts "
             "included) can read a token that can push";
    }
  }
  return "";
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    for (const auto& job : workflow.jobs) {
      for (size_t i = 0; i < job.steps.size(); ++i) {
        const model::Step& checkout = job.steps[i];
        if (!action_is(parse_uses(checkout.uses), "actions/checkout")) continue;
        any = true;
        if (!persists(checkout)) continue;
        for (size_t j = i + 1; j < job.steps.size(); ++j) {
          std::string leak = leak_of(checkout, job.steps[j]);
          if (leak.empty()) continue;
          context.report("job '" + job.id + "' keeps the GITHUB_TOKEN in .git/config after " +
                             "actions/checkout (no 'persist-credentials: false') and " + leak,
                         workflow.path, checkout.uses_line > 0 ? checkout.uses_line : checkout.line,
                         0, checkout.uses);
          break;
        }
      }
    }
  }
  if (!any) context.not_applicable("no workflow uses actions/checkout");
}

}  // namespace

extern const Rule kCheckoutPersistsCredentials;
const Rule kCheckoutPersistsCredentials{
    {.id = "supply-chain/checkout-persists-credentials",
     .section = "supply-chain",
     .title = "Checkouts do not leave the token behind",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "actions/checkout writes the GITHUB_TOKEN into .git/config by default and leaves it "
         "there for the rest of the job. An artifact of the checkout publishes it to anyone "
         "who can download artifacts (ArtiPACKED), and in a job that pushes, every step "
         "before the push can read a token with write access.",
     .remediation =
         "Add 'with: { persist-credentials: false }' to actions/checkout; upload only build "
         "outputs (path: dist/), and give the token to the one step that pushes, e.g. 'run: "
         "git push \"https://x-access-token:${GH_TOKEN}@github.com/${{ github.repository "
         "}}\" HEAD:main' with 'env: { GH_TOKEN: ${{ github.token }} }'.",
     .also = "zizmor artipacked"},
    check};

}  // namespace golive::rules::supply_chain
