#pragma once
// Renders the repository's Kubernetes objects per environment: plain manifests grouped by the
// environment their path names, and each top-level kustomization built natively (resources,
// namespace, name prefix/suffix, labels, images, replicas, strategic-merge and JSON 6902
// patches, generators). Fills k8s_environments, kustomize_problems, kustomize_bases and
// helm_charts.
#include "model/model.h"

namespace golive::model {

void render_k8s_environments(RepoModel& model);

}  // namespace golive::model
