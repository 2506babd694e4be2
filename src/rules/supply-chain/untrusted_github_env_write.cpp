#include <re2/re2.h>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// "GITHUB_ENV" or "GITHUB_PATH" when the line appends to that file, else "".
std::string written_file(std::string_view line) {
  static const RE2 kTarget(R"((?i)(?:\$\{?|\$env:)(GITHUB_ENV|GITHUB_PATH)\b)");
  std::string file;
  if (!RE2::PartialMatch(line, kTarget, &file)) return "";
  std::string lower = core::to_lower(line);
  bool writes = lower.find('>') != std::string::npos || lower.find("tee ") != std::string::npos ||
                lower.find("out-file") != std::string::npos ||
                lower.find("add-content") != std::string::npos;
  return writes ? core::to_lower(file) == "github_env" ? "GITHUB_ENV" : "GITHUB_PATH" : "";
}

// Why the text written is attacker-controlled, or "".
std::string taint_of(const StepSite& site, std::string_view text, bool privileged) {
  for (const auto& expression : expressions_in(text)) {
    if (std::string context = untrusted_context(expression.inside); !context.empty())
      return context;
    std::string lower = core::to_lower(expression.inside);
    if (lower.rfind("env.", 0) == 0) {
      std::string name(core::trim(expression.inside.substr(4)));
      if (std::string context = untrusted_env(site, name); !context.empty())
        return "env." + name + " (set from " + context + ")";
    }
  }
  static const RE2 kVariable(R"(\$\{?([A-Za-z_][A-Za-z0-9_]*))");
  re2::StringPiece rest(text.data(), text.size());
  std::string name;
  while (RE2::FindAndConsume(&rest, kVariable, &name)) {
    if (name == "GITHUB_HEAD_REF") return "the pull request's branch name ($GITHUB_HEAD_REF)";
    if (std::string context = untrusted_env(site, name); !context.empty())
      return "$" + name + " (set from " + context + ")";
  }
  if (privileged) {
    // In these workflows files and command output usually come from the contributor's
    // checkout or artifact.
    if (text.find("$(") != std::string_view::npos || text.find('`') != std::string_view::npos)
      return "command output";
    if (RE2::PartialMatch(text, R"((^|[\s;|&(])cat\s)")) return "a file's content";
  }
  return "";
}

void check(RuleContext& context) {
  if (!has_github_ci(context.model()))
    return context.not_applicable("no GitHub workflows or actions");
  Once once;
  for (const auto& site : steps_of(context.model(), false)) {
    bool privileged = site.workflow != nullptr && has_privileged_untrusted_trigger(*site.workflow);
    auto lines = script_lines(*site.step);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string file = written_file(lines[i].text);
      if (file.empty()) continue;
      std::string written = lines[i].text;
      // "} >> $GITHUB_ENV" closes a group: what the group echoes is what is written.
      if (core::trim(written).rfind('}', 0) == 0) {
        for (size_t j = i; j-- > 0;) {
          if (core::trim(lines[j].text).rfind('{', 0) != 0) continue;
          for (size_t k = j; k < i; ++k) written += "\n" + lines[k].text;
          break;
        }
      }
      std::string taint = taint_of(site, written, privileged);
      if (taint.empty() || !once.first(site.path(), lines[i].line)) continue;
      context.report(site.owner() + " writes " + taint + " to $" + file +
                         (file == "GITHUB_ENV"
                              ? ": a value with a newline can set NODE_OPTIONS, LD_PRELOAD or "
                                "any variable for the later steps"
                              : ": a contributor can put their own programs first on the PATH "
                                "of the later steps"),
                     site.path(), lines[i].line, 0, core::excerpt(lines[i].text, 120));
    }
  }
}

}  // namespace

extern const Rule kUntrustedGithubEnvWrite;
const Rule kUntrustedGithubEnvWrite{
    {.id = "supply-chain/untrusted-github-env-write",
     .section = "supply-chain",
     .title = "No untrusted data is written to GITHUB_ENV or GITHUB_PATH",
     .severity = Severity::kError,
     .seeds = "004 T016",
     .rationale =
         "Every later step of the job reads $GITHUB_ENV and $GITHUB_PATH. If a pull request "
         "title, a branch name, or a file from a contributor's checkout or artifact is "
         "written there, a newline in it defines variables such as NODE_OPTIONS or "
         "BASH_ENV, and a path puts the contributor's programs first: code execution in "
         "the steps that hold the secrets.",
     .remediation =
         "Keep untrusted values out of $GITHUB_ENV/$GITHUB_PATH: pass them to the steps that "
         "need them with 'env: { TITLE: ${{ github.event.pull_request.title }} }' and use "
         "\"$TITLE\", or write a step output ('echo \"title=$TITLE\" >> \"$GITHUB_OUTPUT\"') "
         "after validating it (e.g. '[[ \"$PR\" =~ ^[0-9]+$ ]]').",
     .also = "zizmor github-env, CodeQL actions/envvar-injection"},
    check};

}  // namespace golive::rules::supply_chain
