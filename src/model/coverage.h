#pragma once
// Quality gates as rules see them. At build time: coverage thresholds, coverage settings, type
// checking and lint markers read from test-runner and build configs, and the scripts task
// runners run by name (package.json scripts, Makefile targets). At rule time: the projects of
// the repository (one ecosystem in one directory) and the commands CI runs, with where they run
// and what they do, through working directories, cd, matrices, reusable workflow inputs,
// composite actions, npm scripts and make targets.
#include <string>
#include <string_view>
#include <vector>

#include "model/file_text.h"
#include "model/step_kinds.h"
#include "walk/roles.h"

namespace golive::model {

struct RepoModel;
struct SourceFile;
struct Workflow;
struct Job;
struct Step;

// A minimum coverage that a config file or a command enforces.
struct CoverageThreshold {
  std::string tool;       // jest, vitest, nyc, c8, pytest-cov, coverage.py, codecov, ...
  std::string ecosystem;  // npm, python, go, ...; "" when it applies to any project
  std::string path;       // where it is written
  int line = 0;
  std::string directory;  // the directory it applies from; "" for anywhere (CI commands)
  std::string metric;     // lines, statements, branches, total, project, ...
  double value = 0;       // percent
};

// A script a task runner runs by name: a package.json script or a Makefile target.
struct TaskScript {
  std::string runner;  // npm, make
  std::string path;
  std::string directory;
  std::string name;
  std::string command;  // recipe lines joined with '\n' for make
  int line = 0;
  std::vector<std::string> prerequisites;  // make
};

enum class ProjectFactKind {
  kTyped,             // TypeScript or a configured Python type checker
  kCollectsCoverage,  // the test runner's own config measures coverage
  kLintInBuild,       // the build runs linters (checkstyle, clang-tidy, ...)
};

// Something a project's own files say about its gates.
struct ProjectFact {
  ProjectFactKind kind = ProjectFactKind::kTyped;
  std::string ecosystem;
  std::string directory;
  std::string path;
  int line = 0;
  std::string evidence;  // "tsconfig.json", "[tool.mypy]", "collectCoverage: true", ...
};

struct CoverageFacts {
  std::vector<CoverageThreshold> thresholds;
  std::vector<TaskScript> scripts;
  std::vector<ProjectFact> facts;

  void merge(CoverageFacts& part);
};

// Build-time hook: learns from one file's name and content (and, for workflows, actions and
// package.json, from what the builder already extracted from it).
void learn_coverage(const SourceFile& file, const FileText& text, RepoModel& model);

// The thresholds a command line sets: --cov-fail-under=80, --check-coverage --lines 90, ...
std::vector<CoverageThreshold> thresholds_in_command(std::string_view command);

// ---- rule-time queries ---------------------------------------------------------------------

// One ecosystem in one directory with source code of its own. Nested CMake, Maven, Gradle and
// Cargo manifests are modules of the outermost one; examples, fixtures, vendored and docs
// trees are left out.
struct Project {
  std::string ecosystem;
  std::string directory;             // "." for the root
  std::string manifest;              // the manifest that revealed it
  std::string directory_lower = {};  // lower-cased directory, for matching command lines
};
const std::vector<Project>& gate_projects(const RepoModel& model);
// "at the repository root" or "under services/api".
std::string project_place(const Project& project);

// One simple command CI runs ("npm test" of "npm ci && npm test || true").
struct CiCommand {
  const Workflow* workflow = nullptr;
  const Job* job = nullptr;
  const Step* step = nullptr;           // the step it is written in
  const Step* workflow_step = nullptr;  // the job's step it runs under (a composite's caller)
  std::string path;  // the file it is written in: the workflow, or a composite action
  int line = 0;
  std::string text;       // this command, lower-cased; for a uses: step the action and inputs
  std::string line_text;  // the whole command line it is part of, as written
  std::vector<std::string> segments;     // the simple commands of that line, in order, lower-cased
  std::vector<std::string> separators;   // separators[i] follows segments[i]: "&&", "||", ";", "|"
  size_t segment = 0;                    // which of segments this command is
  std::vector<std::string> directories;  // where it runs; "*" when unknown
  std::vector<StepRecognition> kinds;    // what it does, through npm scripts and make targets
  bool action = false;                   // a uses: step
};
// Every command CI runs, derived once by derive_gate_facts (build_model calls it); empty before.
const std::vector<CiCommand>& ci_commands(const RepoModel& model);

// Projects and commands are derived once, when the model is complete, and shared by every rule.
struct DerivedGateFacts {
  bool ready = false;
  std::vector<Project> projects;  // sorted by directory, then ecosystem
  std::vector<CiCommand> commands;
  // Commands that may reach each project (by its directory or by naming it), and commands that
  // run everywhere: so a rule checks a handful of commands per project, not all of them.
  std::vector<std::vector<size_t>> commands_reaching;
  std::vector<size_t> commands_everywhere;
};
void derive_gate_facts(RepoModel& model);

// The gate kinds: test, lint, typecheck, build, coverage, image build.
bool is_gate_kind(StepKind kind);
// True when the command does kind for the project: its ecosystem (or a generic runner such as
// make, pre-commit, ctest) in the project's directory, a parent of it, or one it names.
bool command_covers(const CiCommand& command, const Project& project, StepKind kind);
// Whether any CI command does kind for the project, through the derived reach index.
bool any_command_covers(const RepoModel& model, const Project& project, StepKind kind);
// The first CI command (in ci_commands order) that does kind for the project, or nullptr.
const CiCommand* find_covering_command(const RepoModel& model, const Project& project,
                                       StepKind kind);
// True when a fact or threshold written in directory for ecosystem belongs to the project:
// the deepest project of that ecosystem holding the directory, else every project below it.
bool applies_to(const std::vector<Project>& projects, std::string_view ecosystem,
                std::string_view directory, const Project& project);
// The line of a package.json script or Makefile target of the project, else 1.
int script_line(const RepoModel& model, const Project& project, std::string_view name);
// Examples, fixtures, vendored, generated and template code, docs and tooling: projects there
// are not the repository's own (a test tree's projects are).
bool outside_own_projects(walk::PathRole role);
// True when text names directory as a path ("services/api" in "pytest services/api/tests").
bool names_directory(std::string_view text, std::string_view directory);
// Directory helpers: "a/b" is within "a" and within "."; "./a/" normalises to "a".
// Projects and ecosystems name the root "." (a file's directory_name is "" there).
std::string project_directory(std::string_view file_path);
bool within(std::string_view child, std::string_view parent);
std::string normalise_directory(std::string_view path);

}  // namespace golive::model
