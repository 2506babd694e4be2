#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/paths.h"
#include "core/strings.h"
#include "model/ci_internal.h"
#include "model/coverage.h"
#include "model/model.h"

namespace golive::model {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// directory named in text as a path: not glued to a longer name on either side.
bool mentions(std::string_view text, std::string_view directory) {
  if (directory.empty() || directory == ".") return false;
  for (size_t at = text.find(directory); at != std::string_view::npos;
       at = text.find(directory, at + 1)) {
    size_t end = at + directory.size();
    if ((at == 0 || !is_word_char(text[at - 1])) &&
        (end >= text.size() || !is_word_char(text[end])))
      return true;
  }
  return false;
}

bool is_generic_lint_evidence(std::string_view evidence) {
  static const re2::RE2 kRunner(
      R"(\b(make|pre-commit|prek|super-linter|megalinter|mega-linter|trunk|just|task|tox|nox|lefthook)\b|\.ya?ml@)");
  return re2::RE2::PartialMatch(core::to_lower(evidence), kRunner);
}

// Alphanumeric runs of lower-cased text: every run of a directory a command names is one of them.
std::vector<std::string_view> alnum_runs(std::string_view text) {
  std::vector<std::string_view> runs;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool alnum = i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0;
    if (alnum && start == std::string_view::npos) start = i;
    if (!alnum && start != std::string_view::npos) {
      runs.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return runs;
}

void index_reach(DerivedGateFacts& facts) {
  const auto& projects = facts.projects;
  facts.commands_reaching.assign(projects.size(), {});
  std::map<std::string, std::vector<size_t>, std::less<>> by_run;  // last run of a directory
  for (size_t p = 0; p < projects.size(); ++p) {
    auto runs = alnum_runs(projects[p].directory_lower);
    if (!runs.empty()) by_run[std::string(runs.back())].push_back(p);
  }
  auto reach = [&](size_t project, size_t command) {
    auto& list = facts.commands_reaching[project];
    if (list.empty() || list.back() != command) list.push_back(command);
  };
  for (size_t c = 0; c < facts.commands.size(); ++c) {
    const CiCommand& command = facts.commands[c];
    bool everywhere = false;
    for (const auto& directory : command.directories) {
      if (directory == "*" || directory == "." || directory.empty()) {
        everywhere = true;
        break;
      }
      // Projects at or below the directory sort together, from the directory itself on.
      auto first =
          std::lower_bound(projects.begin(), projects.end(), directory,
                           [](const Project& p, const std::string& d) { return p.directory < d; });
      for (auto it = first;
           it != projects.end() && it->directory.compare(0, directory.size(), directory) == 0;
           ++it) {
        if (within(it->directory, directory)) reach(static_cast<size_t>(it - projects.begin()), c);
      }
    }
    if (everywhere) {
      facts.commands_everywhere.push_back(c);
      continue;
    }
    for (std::string_view run : alnum_runs(command.text)) {
      auto found = by_run.find(run);
      if (found == by_run.end()) continue;
      for (size_t p : found->second) reach(p, c);
    }
  }
  for (auto& list : facts.commands_reaching) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

}  // namespace

void derive_gate_facts(RepoModel& model) {
  model.gate_facts = {};
  DerivedGateFacts facts;
  facts.projects = find_projects(model);
  facts.commands = read_ci_commands(model);
  index_reach(facts);
  facts.ready = true;
  model.gate_facts = std::move(facts);
}

const CiCommand* find_covering_command(const RepoModel& model, const Project& project,
                                       StepKind kind) {
  const DerivedGateFacts& facts = model.gate_facts;
  const std::vector<CiCommand>& commands = facts.commands;
  auto covers = [&](const CiCommand& command) { return command_covers(command, project, kind); };
  auto slot = std::lower_bound(facts.projects.begin(), facts.projects.end(), project,
                               [](const Project& a, const Project& b) {
                                 return std::tie(a.directory, a.ecosystem) <
                                        std::tie(b.directory, b.ecosystem);
                               });
  bool indexed = slot != facts.projects.end() && slot->directory == project.directory &&
                 slot->ecosystem == project.ecosystem;
  if (!indexed) {
    auto found = std::find_if(commands.begin(), commands.end(), covers);
    return found == commands.end() ? nullptr : &*found;
  }
  // Only these commands can reach the project; in index order, the first match is the same one
  // a scan of every command would find.
  const auto& reaching =
      facts.commands_reaching[static_cast<size_t>(slot - facts.projects.begin())];
  std::vector<size_t> candidates;
  std::merge(facts.commands_everywhere.begin(), facts.commands_everywhere.end(), reaching.begin(),
             reaching.end(), std::back_inserter(candidates));
  for (size_t c : candidates) {
    if (covers(commands[c])) return &commands[c];
  }
  return nullptr;
}

bool any_command_covers(const RepoModel& model, const Project& project, StepKind kind) {
  return find_covering_command(model, project, kind) != nullptr;
}

std::string project_directory(std::string_view file_path) {
  std::string_view directory = core::directory_name(file_path);
  return directory.empty() ? "." : std::string(directory);
}

bool outside_own_projects(walk::PathRole role) {
  switch (role) {
    case walk::PathRole::kProduct:
    case walk::PathRole::kTest:
      return false;
    default:
      return true;
  }
}

bool names_directory(std::string_view text, std::string_view directory) {
  return mentions(text, directory);
}

bool is_gate_kind(StepKind kind) {
  switch (kind) {
    case StepKind::kTest:
    case StepKind::kLint:
    case StepKind::kTypecheck:
    case StepKind::kBuild:
    case StepKind::kCoverage:
    case StepKind::kImageBuild:
      return true;
    default:
      return false;
  }
}

bool command_covers(const CiCommand& command, const Project& project, StepKind kind) {
  bool does =
      std::any_of(command.kinds.begin(), command.kinds.end(), [&](const StepRecognition& r) {
        if (r.kind != kind) return false;
        if (r.ecosystem == project.ecosystem) return true;
        if (!r.ecosystem.empty()) return false;
        if (kind != StepKind::kLint) return true;
        if (is_generic_lint_evidence(r.evidence) || is_generic_lint_evidence(command.text))
          return true;
        static const re2::RE2 kCppLint(R"(\b(clang-tidy|clang-format|cppcheck|cpplint)\b)");
        return project.ecosystem == "cmake" &&
               re2::RE2::PartialMatch(core::to_lower(r.evidence), kCppLint);
      });
  if (!does) return false;
  for (const auto& directory : command.directories) {
    if (directory == "*" || within(project.directory, directory)) return true;
  }
  return mentions(command.text, project.directory_lower.empty() ? core::to_lower(project.directory)
                                                                : project.directory_lower);
}

}  // namespace golive::model
