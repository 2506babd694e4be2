#include "engine/inventory.h"

#include <algorithm>

#include "core/strings.h"
#include "model/coverage.h"
#include "model/dockerfile_facts.h"
#include "model/image_builds.h"
#include "model/k8s.h"
#include "walk/roles.h"

namespace golive::engine {
namespace {

std::string system_name(model::CiSystem system) {
  return system == model::CiSystem::kGitlabCi ? "gitlab-ci" : "github-actions";
}

DockerfileEntry dockerfile_entry(const model::RepoModel& model,
                                 const model::DockerfileModel& dockerfile) {
  DockerfileEntry entry;
  entry.path = dockerfile.path;
  entry.role = std::string(walk::role_name(model.role_of(dockerfile.path)));
  const parse::Dockerfile& file = dockerfile.parsed;
  entry.stages = file.stages.size();
  if (!file.stages.empty()) {
    size_t last = file.stages.size() - 1;
    entry.base = file.stages[last].image;
    if (const auto* user = model::inherited_instruction(file, last, "USER"))
      entry.user = std::string(core::trim(user->arguments));
  }
  entry.built_here = model::built_by_repository(model, dockerfile);
  return entry;
}

// Alerting and recording rules per file, in path order.
void count_rules(const model::RepoModel& model, Inventory& out) {
  std::map<std::string, size_t> alerts;
  std::map<std::string, size_t> records;
  for (const auto& rule : model.prometheus.rules) {
    ++(rule.alert.empty() ? records : alerts)[rule.file];
  }
  for (const auto& [path, count] : alerts) out.alert_rules.push_back({path, count});
  for (const auto& [path, count] : records) out.recording_rules.push_back({path, count});
}

void add_terraform(const model::RepoModel& model, Inventory& out) {
  for (const auto& module : model.terraform.modules) {
    TerraformModuleEntry entry{module.directory, module.files.size(), module.resources.size(), {}};
    for (const auto& backend : module.backends) {
      if (!backend.block.labels.empty()) entry.backends.push_back(backend.block.labels.front());
    }
    out.terraform_modules.push_back(std::move(entry));
  }
  for (const auto& environment : model.terraform.environments)
    out.terraform_environments.push_back(environment.name + " (" + environment.path + ")");
}

template <typename T, typename Key>
void sort_by(std::vector<T>& items, Key key) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

Inventory build_inventory(const model::RepoModel& model) {
  Inventory out;
  for (const auto& workflow : model.workflows) {
    CiPipeline pipeline{system_name(workflow.system), workflow.path, workflow.jobs.size(), {}};
    for (const auto& trigger : workflow.triggers) pipeline.triggers.push_back(trigger.event);
    out.ci.push_back(std::move(pipeline));
  }
  for (const auto& project : model::gate_projects(model))
    out.projects.push_back({project.ecosystem, project.directory, project.manifest});
  for (const auto& dockerfile : model.dockerfiles)
    out.dockerfiles.push_back(dockerfile_entry(model, dockerfile));
  for (const auto& compose : model.compose_files) {
    ComposeEntry entry{compose.path, std::string(walk::role_name(model.role_of(compose.path))), {}};
    for (const auto& service : compose.services) entry.services.push_back(service.name);
    out.compose.push_back(std::move(entry));
  }
  for (const auto& environment : model.k8s_environments) {
    KubernetesEnvironmentEntry entry{
        environment.name, environment.kustomization, environment.production, {}};
    for (const auto& object : environment.objects) ++entry.kinds[object.kind];
    out.kubernetes.push_back(std::move(entry));
  }
  out.kustomize_bases = model.kustomize_bases;
  for (const auto& chart : model.helm_charts)
    out.helm_charts.push_back({chart.directory, chart.name, chart.values_files});
  add_terraform(model, out);
  count_rules(model, out);
  for (const auto& dashboard : model.prometheus.dashboards)
    out.dashboards.push_back(dashboard.path);
  for (const auto& script : model.app.load_tests)
    out.load_tests.push_back(script.tool + " " + script.path);
  for (const auto& doc : model.docs) out.docs.push_back(doc.path);
  for (const auto& file : model.files) ++out.files_by_role[std::string(walk::role_name(file.role))];

  sort_by(out.ci, [](const CiPipeline& p) { return p.path; });
  sort_by(out.dockerfiles, [](const DockerfileEntry& d) { return d.path; });
  sort_by(out.projects, [](const ProjectEntry& p) { return p.manifest; });
  sort_by(out.compose, [](const ComposeEntry& c) { return c.path; });
  sort_by(out.helm_charts, [](const HelmChartEntry& c) { return c.directory; });
  sort_by(out.terraform_modules, [](const TerraformModuleEntry& m) { return m.directory; });
  for (auto* list : {&out.kustomize_bases, &out.terraform_environments, &out.dashboards,
                     &out.load_tests, &out.docs}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return out;
}

}  // namespace golive::engine
