#pragma once
// Facts derived from the whole model, computed on first use and kept for every rule that asks:
// which CI jobs deploy, what is deployable, the steps that run with each workflow, how the
// Kubernetes objects of each environment relate, the deploy targets that run the code. A scan
// that runs no rule needing a fact never computes it, and no two rules compute it twice.
// RepoModel's accessors (model.h) are the way in.
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "model/deploy_jobs.h"
#include "model/env_reads.h"
#include "model/k8s_index.h"
#include "model/profile.h"
#include "model/step_scope.h"

namespace golive::model {

// A value computed once, on first use, even when rules on several threads ask at the same time.
template <typename T>
class Once {
 public:
  template <typename Compute>
  const T& get(Compute&& compute) {
    std::call_once(flag_, [&] { value_.emplace(compute()); });
    return *value_;
  }

 private:
  std::once_flag flag_;
  std::optional<T> value_;
};

struct DerivedFacts {
  Once<std::vector<deploy::DeployJob>> deploy_jobs;
  Once<std::vector<deploy::Deployable>> deployables;
  Once<std::deque<StepScope>> step_scopes;       // one per model.workflows entry, in order
  Once<std::deque<ObjectIndex>> object_indexes;  // one per model.k8s_environments entry
  Once<std::vector<EnvTarget>> env_targets;
  Once<std::vector<OpaqueCi>> opaque_ci;
  Once<std::map<std::string, std::vector<ImageUse>, std::less<>>> image_uses;  // by Dockerfile
  Once<std::map<std::string, std::string, std::less<>>> dockerfile_directories;
  Once<std::vector<std::string>> deploy_time_images;
  Once<std::vector<std::string>> built_dockerfiles;  // sorted paths (image_builds.h)
  Once<std::vector<std::string>> tagged_images;      // sorted repositories (image_builds.h)
  Once<RepoProfile> profile;
};

}  // namespace golive::model
