#include <algorithm>

#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::container {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_url(std::string_view source) {
  return starts_with(source, "http://") || starts_with(source, "https://");
}

bool is_git(std::string_view source) {
  return starts_with(source, "git@") || starts_with(source, "git://") ||
         source.find(".git#") != std::string_view::npos || ends_with(source, ".git");
}

// A tar archive, which ADD extracts into the destination (gzip, bzip2 and xz compressed too).
bool is_local_archive(std::string_view source) {
  std::string lower = core::to_lower(source);
  for (std::string_view suffix :
       {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst"}) {
    if (ends_with(lower, suffix)) return true;
  }
  return false;
}

void check(ObjectReport& report, const model::DockerfileModel& dockerfile) {
  for (const auto& instruction : dockerfile.parsed.instructions) {
    if (instruction.keyword != "ADD") continue;
    report.applies();
    std::vector<std::string> words = model::command_words(instruction.arguments);
    bool checksum = false;
    size_t first = 0;
    while (first < words.size() && starts_with(words[first], "--")) {
      if (starts_with(words[first], "--checksum")) checksum = true;
      ++first;
    }
    if (words.size() < first + 2) continue;  // no source and destination
    std::vector<std::string> sources(words.begin() + static_cast<std::ptrdiff_t>(first),
                                     words.end() - 1);
    std::string evidence = "ADD " + core::excerpt(instruction.arguments, 100);
    auto url = std::find_if(sources.begin(), sources.end(),
                            [](const std::string& s) { return is_url(s) && !is_git(s); });
    if (url != sources.end()) {
      if (checksum) continue;
      report.report({dockerfile.path, instruction.line},
                    "an ADD in " + dockerfile.path + " downloads '" + *url +
                        "' without --checksum, so a changed or tampered file goes into the "
                        "image unnoticed",
                    evidence);
      continue;
    }
    auto local = std::find_if(sources.begin(), sources.end(), [](const std::string& s) {
      return !is_url(s) && !is_git(s) && !is_local_archive(s) && s.find('$') == std::string::npos;
    });
    if (local == sources.end()) continue;
    report.report({dockerfile.path, instruction.line},
                  "an ADD in " + dockerfile.path + " copies the local '" + *local +
                      "'; COPY does only that, while ADD would also extract archives and "
                      "fetch URLs",
                  evidence);
  }
}

}  // namespace

extern const Rule kAddInsteadOfCopy;
const Rule kAddInsteadOfCopy{
    .meta =
        {.id = "container/add-instead-of-copy",
         .section = "container",
         .title = "COPY is used where ADD is not needed",
         .severity = Severity::kWarning,
         .seeds = "003 P1-03",
         .rationale =
             "ADD does more than COPY: it extracts local tar archives and downloads URLs. Used for "
             "plain files it hides that behaviour (a file that happens to be a tarball gets "
             "unpacked), and used for URLs it fetches whatever the server returns at build time, "
             "unverified and outside the package manager's signature checks. The rule reports ADD "
             "of local files and directories, and ADD of an http(s) URL without --checksum. ADD of "
             "a local tar archive (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, ...) is its legitimate "
             "use and is silent, as are git sources and sources held in a $VARIABLE.",
         .remediation =
             "Use 'COPY src/ /app/src/' for local files. For downloads, pin the content: 'ADD "
             "--checksum=sha256:<hex> https://example.com/tool.tar.gz /tmp/' (BuildKit, "
             "Dockerfile syntax 1.6+), or 'RUN curl -fsSLo /tmp/tool.tgz <url> && echo \"<sha256>  "
             "/tmp/tool.tgz\" | sha256sum -c -'.",
         .also = "hadolint DL3020, checkov CKV_DOCKER_4, trivy DS005",
         .inspects = Inspects::kDockerfile,
         .inapplicable_reason = "no Dockerfile uses ADD"},
    .check_dockerfile = check};

}  // namespace golive::rules::container
