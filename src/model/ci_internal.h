#pragma once
// The parts of derive_gate_facts (coverage.h) that live in files of their own: projects.cpp finds
// the projects, ci_commands.cpp reads the commands CI runs, command_reach.cpp indexes which
// commands reach which project. Internal to the model library.
#include <vector>

#include "model/coverage.h"

namespace golive::model {

struct RepoModel;

// The repository's projects with source code of their own, sorted by directory, then ecosystem.
std::vector<Project> find_projects(const RepoModel& model);

// Every command the repository's workflows and GitLab CI jobs run, in workflow, job and step
// order, with where it runs and what it does.
std::vector<CiCommand> read_ci_commands(const RepoModel& model);

}  // namespace golive::model
