#include <re2/re2.h>

#include <array>
#include <optional>

#include "core/strings.h"
#include "rules/per_object.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// pip options that take a separate value (the value is never a package).
constexpr std::array<std::string_view, 28> kOptionsWithValue = {"-i",
                                                                "--index-url",
                                                                "--extra-index-url",
                                                                "-f",
                                                                "--find-links",
                                                                "-t",
                                                                "--target",
                                                                "--prefix",
                                                                "--root",
                                                                "--python-version",
                                                                "--platform",
                                                                "--only-binary",
                                                                "--no-binary",
                                                                "--progress-bar",
                                                                "--cache-dir",
                                                                "--src",
                                                                "--upgrade-strategy",
                                                                "--trusted-host",
                                                                "--proxy",
                                                                "--timeout",
                                                                "--retries",
                                                                "--log",
                                                                "--config-settings",
                                                                "-C",
                                                                "--implementation",
                                                                "--abi",
                                                                "--report",
                                                                "--python"};

bool takes_value(std::string_view option) {
  return std::find(kOptionsWithValue.begin(), kOptionsWithValue.end(), option) !=
         kOptionsWithValue.end();
}

bool is_local(std::string_view spec) {
  if (spec.empty()) return true;
  char first = spec.front();
  if (first == '.' || first == '/' || first == '~' || first == '$') return true;
  bool url = spec.find("://") != std::string_view::npos;
  if (!url && spec.find('/') != std::string_view::npos) return true;  // dist/x.whl
  for (std::string_view suffix : {".whl", ".tar.gz", ".zip"}) {
    if (!url && spec.size() > suffix.size() && spec.substr(spec.size() - suffix.size()) == suffix)
      return true;
  }
  return false;
}

bool is_pinned(std::string_view spec) {
  if (spec.find("://") != std::string_view::npos) {
    static const RE2 kPinnedUrl(R"(@[0-9a-fA-F]{40}\b|#sha256=)");
    return RE2::PartialMatch(spec, kPinnedUrl);
  }
  size_t eq = spec.find("==");
  return eq != std::string_view::npos && spec.find('*', eq) == std::string_view::npos &&
         spec.find_first_of("<>~!,", eq + 2) == std::string_view::npos;
}

// Shell words: spaces inside quotes or a ${{ }} expression do not split; quotes are dropped.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  char quote = 0;
  bool in_expression = false;
  bool started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!in_expression && text.substr(i, 3) == "${{") in_expression = true;
    if (in_expression && text.substr(i, 2) == "}}") {
      word += "}}";
      ++i;
      in_expression = false;
      continue;
    }
    if (quote != 0 && c == quote) {
      quote = 0;
      continue;
    }
    if (quote == 0 && !in_expression && (c == '"' || c == '\'')) {
      quote = c;
      started = true;
      continue;
    }
    if (quote == 0 && !in_expression && (c == ' ' || c == '\t')) {
      if (started || !word.empty()) out.push_back(word);
      word.clear();
      started = false;
      continue;
    }
    word += c;
  }
  if (started || !word.empty()) out.push_back(word);
  return out;
}

// The unpinned packages of one "pip install ..." command; nullopt when hashes or constraints
// pin everything.
std::optional<std::vector<std::string>> unpinned_packages(std::string_view arguments) {
  std::vector<std::string> out;
  auto tokens = words(arguments);
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string token = tokens[i];
    if (token.empty()) continue;
    if (token == "&&" || token == "||" || token == ";" || token == "|" || token.front() == '>' ||
        token.front() == '#')
      break;
    bool ends_command = token.back() == ';';
    if (ends_command) token.pop_back();
    if (token == "--require-hashes" || token == "-c" || token == "--constraint" ||
        token.rfind("--constraint=", 0) == 0)
      return std::nullopt;
    if (token == "-r" || token == "--requirement" || takes_value(token)) {
      ++i;
    } else if (token == "-e" || token == "--editable") {
      if (i + 1 < tokens.size()) {
        const std::string& target = tokens[++i];
        if (!is_local(target) && !is_pinned(target)) out.push_back(target);
      }
    } else if (token.front() != '-' && token != "pip" && token.find("${{") == std::string::npos &&
               !is_local(token) && !is_pinned(token)) {
      out.push_back(token);
    }
    if (ends_command) break;
  }
  return out;
}

void check(ObjectReport& report, const model::StepSite& site) {
  static const RE2 kPipInstall(R"((?i)\bpip[0-9.]*\s+install\s)");
  for (const auto& line : script_lines(*site.step)) {
    std::vector<std::string> unpinned;
    re2::StringPiece rest(line.text);
    while (RE2::FindAndConsume(&rest, kPipInstall)) {
      report.applies();
      auto found = unpinned_packages(std::string_view(rest.data(), rest.size()));
      if (found) unpinned.insert(unpinned.end(), found->begin(), found->end());
    }
    if (unpinned.empty()) continue;
    for (auto& name : unpinned) name = "'" + name + "'";
    report.report({site.path(), line.line},
                  site.owner() + " installs " + core::join(unpinned, ", ") +
                      " with pip without an exact '==' version or --require-hashes",
                  core::excerpt(line.text, 120));
  }
}

}  // namespace

extern const Rule kPipInstallUnpinned;
const Rule kPipInstallUnpinned{
    .meta =
        {.id = "supply-chain/pip-install-unpinned",
         .section = "supply-chain",
         .title = "CI installs Python packages at pinned versions",
         .severity = Severity::kWarning,
         .seeds = "004 T016",
         .rationale =
             "'pip install <package>' in CI takes whatever version PyPI serves that minute: a "
             "hijacked or typo-squatted release runs its install hooks with the job's secrets, and "
             "two runs of the same commit can test different code. Installing pip itself is "
             "exempt.",
         .remediation =
             "Pin exact versions ('pip install build==1.2.1 twine==5.1.0'), or list the tools in a "
             "requirements file with hashes ('pip-compile --generate-hashes' then 'pip install "
             "--require-hashes -r requirements-ci.txt') or a constraints file ('-c "
             "constraints.txt').",
         .also = "scorecard Pinned-Dependencies",
         .inspects = Inspects::kCiStep,
         .inapplicable_reason = "no CI step runs pip install"},
    .check_ci_step = check};

}  // namespace golive::rules::supply_chain
