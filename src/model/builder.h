#pragma once
#include "core/result.h"
#include "core/thread_pool.h"
#include "model/model.h"

namespace golive::model {

struct BuildOptions {
  walk::WalkOptions walk;
  size_t alias_expansion_budget = 100000;
  // Run the secret detector over every file (model.secret_findings); off when no rule reads it.
  bool find_secrets = true;
  // Path conventions and the configuration's `paths:` overrides (walk/roles.h).
  walk::RoleMap roles;
};

// Walks, reads and parses the repository once, in parallel, into a model with a stable order.
core::Result<RepoModel> build_model(const BuildOptions& options, core::ThreadPool& pool);

// The part of the build that turns one file's bytes into model pieces; exposed for tests.
void add_file(RepoModel& model, const std::string& path, std::string_view content,
              const BuildOptions& options);

// Other tools' configuration files that decide findings for many files (.gitleaksignore,
// .hadolint.yaml's ignored: list), turned into suppressions; run once every file is in.
void apply_tool_configurations(RepoModel& model);

}  // namespace golive::model
