#include <re2/re2.h>

#include "core/strings.h"
#include "rules/per_object.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// Shapes of "download and run at once": a pipe into a shell or interpreter, process or
// command substitution of a download, PowerShell's iwr | iex.
const RE2& download_and_run() {
  static const RE2 kPattern(
      R"((?i)\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+(\S+=\S*\s+)*)?)"
      R"(((ba|z|k|da|fi)?sh|python[0-9.]*|perl|ruby|node)\b)"
      R"(|\b(ba|z)?sh\s+(-\S+\s+)*<\(\s*(curl|wget)\b)"
      R"(|\b(ba|z)?sh\s+-c\s+["']?\$\(\s*(curl|wget)\b)"
      R"(|\b(iwr|invoke-webrequest|irm|invoke-restmethod)\b[^|;]*\|\s*(iex|invoke-expression)\b)"
      R"(|\biex\s*\(\s*\(?\s*new-object\s+net\.webclient\))");
  return kPattern;
}

void check(ObjectReport& report, const model::StepSite& site) {
  for (const auto& line : script_lines(*site.step)) {
    if (!RE2::PartialMatch(line.text, download_and_run())) continue;
    report.report({site.path(), line.line},
                  site.owner() + " downloads a script and runs it unverified: '" +
                      core::excerpt(line.text, 80) + "'",
                  core::excerpt(line.text, 120));
  }
}

}  // namespace

extern const Rule kCurlPipeShell;
const Rule kCurlPipeShell{
    .meta =
        {.id = "supply-chain/curl-pipe-shell",
         .section = "supply-chain",
         .title = "CI does not pipe downloads into a shell",
         .severity = Severity::kWarning,
         .seeds = "004 T016",
         .rationale =
             "'curl <url> | sh' runs whatever the server returns at that moment, with the job's "
             "token and secrets: a compromised or hijacked install script (the Codecov bash "
             "uploader breach exfiltrated CI secrets for months this way) becomes code in every "
             "pipeline, and nothing records what ran.",
         .remediation =
             "Download a pinned release and check it before running it, e.g. 'curl -fsSLo tool.tgz "
             "https://example.com/tool-v1.2.3.tgz && echo \"<sha256>  tool.tgz\" | sha256sum -c "
             "-', "
             "or use a SHA-pinned setup action or a package manager with a pinned version.",
         .also = "scorecard Pinned-Dependencies",
         .inspects = Inspects::kCiStep},
    .check_ci_step = check};

}  // namespace golive::rules::supply_chain
