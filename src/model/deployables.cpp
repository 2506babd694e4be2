#include <algorithm>
#include <array>
#include <string_view>

#include "core/strings.h"
#include "model/deploy_jobs.h"

namespace golive::model::deploy {

// ---- what is deployable --------------------------------------------------------------------

namespace {

bool is_workload_kind(std::string_view kind) {
  static constexpr auto kKinds = std::to_array<std::string_view>(
      {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Service", "Ingress",
       "Rollout", "ReplicaSet", "ReplicationController", "HorizontalPodAutoscaler"});
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

// Tests, fixtures, examples, docs, vendored code and tooling are not what the team deploys;
// generated manifests (a rendered chart) and templates may well be.
bool deployable_role(walk::PathRole role) {
  switch (role) {
    case walk::PathRole::kProduct:
    case walk::PathRole::kGenerated:
    case walk::PathRole::kTemplate:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Deployable> find_deployables(const RepoModel& model) {
  std::vector<Deployable> out;
  for (const auto* file : model.files_of(walk::FileKind::kHelmChart)) {
    if (deployable_role(model.role_of(file->path))) out.push_back({"a Helm chart", file->path, 1});
  }
  for (const auto* file : model.files_of(walk::FileKind::kKustomization)) {
    if (deployable_role(model.role_of(file->path)))
      out.push_back({"a Kustomize configuration", file->path, 1});
  }
  for (const auto& object : model.k8s_objects) {
    if (deployable_role(model.role_of(object.path)) && is_workload_kind(object.kind)) {
      out.push_back({"Kubernetes manifests", object.path, object.line > 0 ? object.line : 1});
      break;
    }
  }
  for (const auto* file : model.files_of(walk::FileKind::kTerraform)) {
    if (deployable_role(model.role_of(file->path)) && file->path.size() > 3 &&
        file->path.substr(file->path.size() - 3) == ".tf") {
      out.push_back({"Terraform", file->path, 1});
      break;
    }
  }
  for (const auto& dockerfile : model.dockerfiles) {
    if (deployable_role(model.role_of(dockerfile.path)))
      out.push_back({"a Dockerfile", dockerfile.path, 1});
  }
  return out;
}

bool publishes_image(const Step& step) {
  std::string uses = core::to_lower(step.uses.substr(0, step.uses.find('@')));
  if (uses.ends_with("/build-push-action") || uses == "docker/bake-action") {
    const model::KeyValue* push = step.input("push");
    return push != nullptr && core::to_lower(push->value) != "false";
  }
  if (uses == "redhat-actions/push-to-registry") return true;
  for (const auto& line : parse::logical_lines(step.run)) {
    std::string lower = core::to_lower(line.text);
    if (!lower.empty() && lower.front() == '#') continue;
    for (std::string_view needle :
         {"docker push", "podman push", "buildah push", "crane push", "crane copy", "skopeo copy",
          "ko build", "ko publish", "ko resolve", "/kaniko/executor", "gcloud builds submit",
          "docker compose push", "docker-compose push", "jib:build"}) {
      if (core::contains(lower, needle)) return true;
    }
    if ((core::contains(lower, "docker buildx build") ||
         core::contains(lower, "docker buildx bake") || core::contains(lower, "docker build")) &&
        core::contains(lower, "--push"))
      return true;
    if (core::contains(lower, "pack build") && core::contains(lower, "--publish")) return true;
  }
  return false;
}

bool builds_images(const RepoModel& model) {
  for (const auto& deployable : model.deployables()) {
    if (deployable.what == "a Dockerfile") return true;
  }
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (job.has_step(StepKind::kImageBuild)) return true;
    }
  }
  return false;
}

}  // namespace golive::model::deploy
