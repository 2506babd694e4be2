// The native Kustomize renderer and plain-manifest environments (model/kustomize.cpp).
#include "model/kustomize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"

namespace golive::model {
namespace {

RepoModel render(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  std::sort(model.files.begin(), model.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  std::sort(model.yaml_files.begin(), model.yaml_files.end(),
            [](const YamlDocumentSet& a, const YamlDocumentSet& b) { return a.path < b.path; });
  render_k8s_environments(model);
  return model;
}

const K8sEnvironment* environment(const RepoModel& model, std::string_view name) {
  for (const auto& env : model.k8s_environments) {
    if (env.name == name) return &env;
  }
  return nullptr;
}

const RenderedObject* object(const K8sEnvironment& env, std::string_view kind) {
  for (const auto& candidate : env.objects) {
    if (candidate.kind == kind) return &candidate;
  }
  return nullptr;
}

const parse::Node& container(const RenderedObject& deployment, size_t index = 0) {
  return pod_spec_of(deployment)->find("containers")->children.at(index);
}

const std::string kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0
          env:
            - name: MODE
              value: base
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
)";

const std::string kService = R"(apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: api, port: {number: 80}}
)";

const std::string kBase = "resources:\n  - deployment.yaml\n  - service.yaml\n";

TEST(PlainManifests, GroupedByTheEnvironmentTheirPathNames) {
  RepoModel model = render({{"k8s/prod/api.yaml", kDeployment},
                            {"k8s/staging/api.yaml", kDeployment},
                            {"deploy/api.yaml", kDeployment},
                            {".github/workflows/ci.yml", "on: push\njobs: {}\n"}});
  ASSERT_EQ(model.k8s_environments.size(), 3u);
  ASSERT_NE(environment(model, "k8s/prod"), nullptr);
  EXPECT_TRUE(environment(model, "k8s/prod")->production);
  EXPECT_FALSE(environment(model, "k8s/staging")->production);
  ASSERT_NE(environment(model, "manifests"), nullptr);
  EXPECT_EQ(environment(model, "manifests")->objects.at(0).label(), "Deployment/api");
}

TEST(PlainManifests, ListKindsAreExpandedAndKustomizationsAreNotObjects) {
  RepoModel model = render({{"k8s/list.yaml",
                             "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: "
                             "ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: "
                             "Secret\n    metadata: {name: b}\n"}});
  ASSERT_EQ(model.k8s_environments.size(), 1u);
  EXPECT_EQ(model.k8s_environments[0].objects.size(), 2u);
}

TEST(Kustomize, OverlayIsItsOwnEnvironmentAndBaseIsNot) {
  RepoModel model = render({{"base/deployment.yaml", kDeployment},
                            {"base/service.yaml", kService},
                            {"base/kustomization.yaml", kBase},
                            {"overlays/prod/kustomization.yaml", "resources: [../../base]\n"},
                            {"overlays/dev/kustomization.yaml", "resources: [../../base]\n"}});
  EXPECT_EQ(model.k8s_environments.size(), 2u);
  const K8sEnvironment* prod = environment(model, "overlays/prod");
  ASSERT_NE(prod, nullptr);
  EXPECT_TRUE(prod->production);
  EXPECT_EQ(prod->kustomization, "overlays/prod/kustomization.yaml");
  EXPECT_EQ(prod->objects.size(), 3u);
  EXPECT_EQ(model.kustomize_bases, std::vector<std::string>{"base"});
  EXPECT_TRUE(model.kustomize_problems.empty());
}

TEST(Kustomize, TransformsNameTheOverlayLineThatSetThem) {
  RepoModel model = render({{"base/deployment.yaml", kDeployment},
                            {"base/service.yaml", kService},
                            {"base/kustomization.yaml", kBase},
                            {"overlays/prod/kustomization.yaml",
                             "resources: [../../base]\n"
                             "namespace: shop\n"
                             "namePrefix: prod-\n"
                             "images:\n"
                             "  - name: ghcr.io/acme/api\n"
                             "    newTag: \"2.0\"\n"
                             "replicas:\n"
                             "  - name: api\n"
                             "    count: 3\n"}});
  const K8sEnvironment* prod = environment(model, "overlays/prod");
  ASSERT_NE(prod, nullptr);
  const RenderedObject* deployment = object(*prod, "Deployment");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(deployment->name, "prod-api");
  EXPECT_EQ(prod->written_names.at("prod-api"), "api");
  EXPECT_EQ(deployment->namespace_name, "shop");
  const parse::Node* image = container(*deployment).find("image");
  EXPECT_EQ(image->value, "ghcr.io/acme/api:2.0");
  SourceLine where = deployment->where(*image);
  EXPECT_EQ(where.path, "overlays/prod/kustomization.yaml");
  EXPECT_EQ(where.line, 6);
  EXPECT_EQ(deployment->node.find("spec")->get("replicas"), "3");
  EXPECT_EQ(container(*deployment).get("name"), "api") << "a container name is not a reference";
  const RenderedObject* ingress = object(*prod, "Ingress");
  const parse::Node& path = ingress->node.find("spec")
                                ->find("rules")
                                ->children[0]
                                .find("http")
                                ->find("paths")
                                ->children[0];
  EXPECT_EQ(path.find("backend")->find("service")->get("name"), "prod-api");
  EXPECT_EQ(deployment->where().path, "base/deployment.yaml");
}

TEST(Kustomize, StrategicMergePatchMergesContainersAndEnvByName) {
  RepoModel model =
      render({{"base/deployment.yaml", kDeployment},
              {"base/service.yaml", kService},
              {"base/kustomization.yaml", kBase},
              {"overlays/prod/kustomization.yaml",
               "resources: [../../base]\npatches:\n  - path: probes.yaml\n"},
              {"overlays/prod/probes.yaml",
               "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n"
               "    spec:\n      containers:\n        - name: api\n          livenessProbe: null\n"
               "          readinessProbe:\n            httpGet: {path: /ready, port: 8080}\n"
               "          env:\n            - name: MODE\n              value: prod\n"
               "            - name: EXTRA\n              value: x\n"}});
  const K8sEnvironment* prod = environment(model, "overlays/prod");
  ASSERT_NE(prod, nullptr);
  const RenderedObject* deployment = object(*prod, "Deployment");
  const parse::Node& api = container(*deployment);
  EXPECT_EQ(pod_spec_of(*deployment)->find("containers")->children.size(), 1u);
  EXPECT_EQ(api.find("livenessProbe"), nullptr);
  ASSERT_NE(api.find("readinessProbe"), nullptr);
  EXPECT_EQ(deployment->where(*api.find("readinessProbe")).path, "overlays/prod/probes.yaml");
  EXPECT_EQ(deployment->where(*api.find("readinessProbe")).line, 11);
  const parse::Node* env = api.find("env");
  ASSERT_EQ(env->children.size(), 2u);
  EXPECT_EQ(env->children[0].get("value"), "prod");
  EXPECT_EQ(api.get("image"), "ghcr.io/acme/api:1.0");
  EXPECT_TRUE(model.kustomize_problems.empty());
  // The patch file is a kustomize input, not a manifest of its own.
  EXPECT_EQ(environment(model, "manifests"), nullptr);
}

TEST(Kustomize, Json6902PatchesReplaceAddAndRemove) {
  RepoModel model = render({{"base/deployment.yaml", kDeployment},
                            {"base/kustomization.yaml", "resources: [deployment.yaml]\n"},
                            {"overlays/prod/kustomization.yaml",
                             "resources: [../../base]\n"
                             "patches:\n"
                             "  - target: {kind: Deployment, name: api}\n"
                             "    patch: |-\n"
                             "      - op: replace\n"
                             "        path: /spec/template/spec/containers/0/image\n"
                             "        value: ghcr.io/acme/api@sha256:abc\n"
                             "      - op: remove\n"
                             "        path: /spec/template/spec/containers/0/livenessProbe\n"
                             "      - op: add\n"
                             "        path: /spec/template/spec/containers/0/env/-\n"
                             "        value: {name: ADDED, value: y}\n"}});
  const K8sEnvironment* prod = environment(model, "overlays/prod");
  ASSERT_NE(prod, nullptr);
  const parse::Node& api = container(*object(*prod, "Deployment"));
  EXPECT_EQ(api.get("image"), "ghcr.io/acme/api@sha256:abc");
  EXPECT_EQ(api.find("livenessProbe"), nullptr);
  EXPECT_EQ(api.find("env")->children.size(), 2u);
  EXPECT_TRUE(model.kustomize_problems.empty());
}

TEST(Kustomize, BrokenInputsAreProblemsWithTheirLine) {
  RepoModel model =
      render({{"base/deployment.yaml", kDeployment},
              {"base/kustomization.yaml", "resources:\n  - deployment.yaml\n  - missing.yaml\n"},
              {"overlays/prod/kustomization.yaml",
               "resources: [../../base]\npatches:\n  - path: nothing.yaml\n"
               "  - target: {kind: Deployment, name: web}\n    patch: |-\n      - op: remove\n"
               "        path: /spec/replicas\n"}});
  ASSERT_EQ(model.kustomize_problems.size(), 3u);
  auto has = [&](std::string_view path, int line, std::string_view words) {
    return std::any_of(model.kustomize_problems.begin(), model.kustomize_problems.end(),
                       [&](const KustomizeProblem& problem) {
                         return problem.path == path && problem.line == line &&
                                problem.message.find(words) != std::string::npos;
                       });
  };
  EXPECT_TRUE(has("base/kustomization.yaml", 3, "'missing.yaml' does not exist"));
  EXPECT_TRUE(has("overlays/prod/kustomization.yaml", 3, "does not exist"));
  EXPECT_TRUE(has("overlays/prod/kustomization.yaml", 4, "Deployment/web is not among"));
}

TEST(Kustomize, ACycleIsAProblemNotAHang) {
  RepoModel model = render({{"a/kustomization.yaml", "resources: [../b]\n"},
                            {"b/kustomization.yaml", "resources: [../a]\n"},
                            {"c/kustomization.yaml", "resources: [../a]\n"}});
  EXPECT_FALSE(model.kustomize_problems.empty());
}

TEST(Kustomize, GeneratorsAndCommonLabels) {
  RepoModel model =
      render({{"base/deployment.yaml", kDeployment},
              {"base/service.yaml", kService},
              {"app/pdb.yaml",
               "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\n"
               "spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: api}\n"},
              {"app/kustomization.yaml",
               "resources: [../base/deployment.yaml, ../base/service.yaml, pdb.yaml]\n"
               "commonLabels: {team: shop}\n"
               "configMapGenerator:\n  - name: settings\n    literals: [LOG_LEVEL=info]\n"
               "secretGenerator:\n  - name: creds\n    literals: [PASSWORD=hunter2]\n"}});
  const K8sEnvironment* app = environment(model, "app");
  ASSERT_NE(app, nullptr);
  const RenderedObject* config = object(*app, "ConfigMap");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->name, "settings");
  EXPECT_EQ(config->node.find("data")->get("LOG_LEVEL"), "info");
  const RenderedObject* secret = object(*app, "Secret");
  ASSERT_NE(secret, nullptr);
  EXPECT_EQ(secret->where(*secret->node.find("stringData")->find("PASSWORD")).line, 8);
  const RenderedObject* service = object(*app, "Service");
  EXPECT_EQ(service->node.find("spec")->find("selector")->get("team"), "shop");
  const RenderedObject* deployment = object(*app, "Deployment");
  EXPECT_EQ(pod_metadata_of(*deployment)->find("labels")->get("team"), "shop");
  const RenderedObject* budget = object(*app, "PodDisruptionBudget");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->node.find("spec")->find("selector")->find("matchLabels")->get("team"), "shop");
}

TEST(Helm, ChartsAreFoundWithTheirValuesAndTemplatesAreNotManifests) {
  RepoModel model = render({{"charts/api/Chart.yaml", "apiVersion: v2\nname: api\n"},
                            {"charts/api/values.yaml", "replicaCount: 1\n"},
                            {"charts/api/values-prod.yaml", "replicaCount: 3\n"},
                            {"charts/api/templates/deployment.yaml",
                             "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ "
                             ".Release.Name }}\n"}});
  ASSERT_EQ(model.helm_charts.size(), 1u);
  EXPECT_EQ(model.helm_charts[0].name, "api");
  EXPECT_EQ(model.helm_charts[0].values_files.size(), 2u);
  EXPECT_TRUE(model.k8s_environments.empty());
  EXPECT_TRUE(model.parse_problems.empty());
}

}  // namespace
}  // namespace golive::model
