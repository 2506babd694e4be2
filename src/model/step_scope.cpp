#include "model/step_scope.h"

#include <algorithm>
#include <cctype>

#include "core/glob.h"
#include "core/strings.h"
#include "model/model.h"
#include "model/workflows.h"

namespace golive::model {
namespace {

// What a reference to a remote reusable workflow or a GitLab include does, by its name.
std::vector<StepKind> reference_kinds(std::string_view reference) {
  std::string lower = core::to_lower(reference);
  std::vector<std::string> tokens;
  std::string current;
  for (char c : lower) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      current += c;
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(current);
  auto token = [&](std::initializer_list<std::string_view> names) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
      return std::find(names.begin(), names.end(), t) != names.end();
    });
  };
  auto contains = [&](std::initializer_list<std::string_view> parts) {
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) {
      return lower.find(part) != std::string::npos;
    });
  };
  std::vector<StepKind> kinds;
  bool all = contains({"auto-devops"});
  if (all || token({"sast", "codeql", "semgrep", "sonarqube", "sonarcloud"}))
    kinds.push_back(StepKind::kSast);
  if (all || contains({"secret-detection", "secret-scan", "secret_scan", "secretscan", "gitleaks",
                       "trufflehog", "ggshield"})) {
    kinds.push_back(StepKind::kSecretScan);
  }
  if (all || contains({"dependency-scanning", "dependency-review", "dependency-check",
                       "osv-scanner", "pip-audit", "npm-audit", "govulncheck", "snyk"})) {
    kinds.push_back(StepKind::kSca);
  }
  if (all || contains({"container-scanning", "container-scan", "image-scan", "trivy", "grype"}))
    kinds.push_back(StepKind::kContainerScan);
  if (token({"sbom"})) kinds.push_back(StepKind::kSbom);
  if (token({"provenance", "slsa", "slsa3"}) || contains({"slsa-github-generator"}))
    kinds.push_back(StepKind::kProvenance);
  if (token({"cosign", "sign", "signing"})) kinds.push_back(StepKind::kSign);
  return kinds;
}

Step reference_step(std::string reference, int line, std::vector<KeyValue> with) {
  Step step;
  step.uses = std::move(reference);
  step.line = line;
  step.with = std::move(with);
  step.kinds = recognise_step(step.uses, "");
  for (StepKind kind : reference_kinds(step.uses)) {
    if (!step.is(kind)) step.kinds.push_back({kind, "", step.uses});
  }
  return step;
}

}  // namespace

StepScope::StepScope(const RepoModel& model, const Workflow& workflow) { collect(model, workflow); }

bool StepScope::any(bool (*predicate)(const Step&)) const {
  return std::any_of(steps_.begin(), steps_.end(),
                     [predicate](const StepAt& at) { return predicate(*at.step); });
}

void StepScope::collect(const RepoModel& model, const Workflow& workflow) {
  if (std::find(visited_.begin(), visited_.end(), workflow.path) != visited_.end()) return;
  visited_.push_back(workflow.path);
  for (const auto& job : workflow.jobs) {
    for (const auto& step : job.steps) {
      steps_.push_back({&workflow, &job, &step, workflow.path});
      if (step.uses.rfind("./", 0) != 0) continue;
      std::string directory = step.uses.substr(2);
      while (!directory.empty() && directory.back() == '/') directory.pop_back();
      if (const CompositeAction* action = model.action_at(directory)) {
        for (const auto& inner : action->steps)
          steps_.push_back({&workflow, &job, &inner, action->path});
      }
    }
    if (job.uses.empty()) continue;
    if (job.uses.rfind("./", 0) == 0) {
      std::string callee = job.uses.substr(2, job.uses.find('@') - 2);
      if (const Workflow* called = model.workflow_at(callee)) collect(model, *called);
      continue;
    }
    owned_steps_.push_back(reference_step(job.uses, job.line, job.with));
    steps_.push_back({&workflow, &job, &owned_steps_.back(), workflow.path});
  }
  if (workflow.system == CiSystem::kGitlabCi) {
    add_gitlab_includes(model, workflow);
    return;
  }
  if (workflow.is_reusable()) {
    for (const auto& caller : model.workflows) {
      for (const auto& job : caller.jobs) {
        if (job.uses.rfind("./" + workflow.path, 0) == 0) collect(model, caller);
      }
    }
  }
}

void StepScope::add_gitlab_includes(const RepoModel& model, const Workflow& pipeline) {
  const parse::Node* root = model.yaml_document(pipeline.path);
  if (root == nullptr) return;
  // GitLab's SLSA provenance: RUNNER_GENERATE_ARTIFACTS_METADATA on the pipeline or a job.
  auto provenance_variable = [&](const parse::Node* variables) {
    const parse::Node* value =
        variables == nullptr ? nullptr : variables->find("RUNNER_GENERATE_ARTIFACTS_METADATA");
    if (value == nullptr || !(value->truthy() || core::is_truthy_text(value->value))) return;
    Step step;
    step.name = "RUNNER_GENERATE_ARTIFACTS_METADATA";
    step.line = value->key_mark.line;
    step.kinds.push_back({StepKind::kProvenance, "", step.name});
    owned_steps_.push_back(std::move(step));
    steps_.push_back({&pipeline, nullptr, &owned_steps_.back(), pipeline.path});
  };
  provenance_variable(root->find("variables"));
  for (const auto& job : pipeline.jobs) {
    if (const parse::Node* node = root->find(job.id)) provenance_variable(node->find("variables"));
  }
  std::vector<const parse::Node*> items = gitlab_include_entries(*root);
  if (items.empty()) return;
  auto add_reference = [&](const std::string& reference, int line) {
    owned_steps_.push_back(reference_step(reference, line, {}));
    steps_.push_back({&pipeline, nullptr, &owned_steps_.back(), pipeline.path});
  };
  auto add_local = [&](std::string_view written) {
    std::string pattern(core::trim(written));
    while (!pattern.empty() && pattern.front() == '/') pattern.erase(0, 1);
    for (const auto& file : model.files) {
      if (file.path != pattern && !core::glob_match(pattern, file.path)) continue;
      const parse::Node* document = model.yaml_document(file.path);
      if (document == nullptr || !document->is_map()) continue;
      if (const Workflow* known = model.workflow_at(file.path)) {
        collect(model, *known);
        continue;
      }
      owned_workflows_.push_back(extract_gitlab_pipeline(file.path, *document));
      collect(model, owned_workflows_.back());
    }
  };
  for (const parse::Node* item : items) {
    if (item->is_scalar()) {
      if (item->value.find("://") != std::string::npos) {
        add_reference(item->value, item->mark.line);
      } else {
        add_local(item->value);
      }
      continue;
    }
    if (!item->is_map()) continue;
    if (std::string local = item->get("local"); !local.empty()) add_local(local);
    for (const char* key : {"template", "component", "remote"}) {
      if (const parse::Node* value = item->find(key); value != nullptr && value->is_scalar())
        add_reference(value->value, value->mark.line);
    }
    if (const parse::Node* file = item->find("file"); file != nullptr && item->find("project")) {
      if (file->is_scalar())
        add_reference(item->get("project") + "/" + file->value, file->mark.line);
      for (const auto& name : file->children) {
        if (name.is_scalar())
          add_reference(item->get("project") + "/" + name.value, name.mark.line);
      }
    }
  }
}

const std::string& StepSite::path() const {
  return workflow != nullptr ? workflow->path : action->path;
}

std::string StepSite::owner() const {
  if (job != nullptr) return "job '" + job->id + "'";
  return "composite action '" + action->directory + "'";
}

std::vector<StepSite> steps_of(const RepoModel& model, bool include_gitlab) {
  std::vector<StepSite> out;
  for (const auto& workflow : model.workflows) {
    if (workflow.system != CiSystem::kGithubActions && !include_gitlab) continue;
    for (const auto& job : workflow.jobs) {
      for (const auto& step : job.steps) out.push_back({&workflow, &job, nullptr, &step});
    }
  }
  for (const auto& action : model.actions) {
    for (const auto& step : action.steps) out.push_back({nullptr, nullptr, &action, &step});
  }
  return out;
}

}  // namespace golive::model
