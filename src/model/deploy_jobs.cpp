#include "model/deploy_jobs.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
#include "model/ci_expressions.h"
#include "parse/shell.h"

namespace golive::model::deploy {
namespace {

using model::CiSystem;
using model::Job;
using model::RepoModel;
using model::Step;
using model::StepKind;
using model::Workflow;

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Lower-cased words of a name, split on punctuation and camel case, trailing digits dropped:
// "deployProd2" -> deploy, prod; "values-staging.yaml" -> values, staging, yaml.
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && std::isdigit(static_cast<unsigned char>(current.back())))
      current.pop_back();
    if (!current.empty()) words.push_back(current);
    current.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]))) flush();
    current += static_cast<char>(std::tolower(c));
  }
  flush();
  return words;
}

constexpr auto kProductionWords =
    std::to_array<std::string_view>({"prod", "production", "prd", "live"});
constexpr auto kStagingWords = std::to_array<std::string_view>(
    {"staging", "stage", "stg", "preprod", "preproduction", "uat", "qa", "dev", "develop",
     "development", "test", "testing", "sandbox", "nonprod", "integration", "acceptance", "demo"});
constexpr auto kPreviewWords =
    std::to_array<std::string_view>({"review", "preview", "pr", "ephemeral", "feature", "mr"});

// Environments that publish packages or docs rather than run the service.
constexpr auto kPublishEnvironments = std::to_array<std::string_view>(
    {"github-pages", "pages",    "pypi",      "testpypi",     "test-pypi", "npm",
     "npmjs",        "crates",   "crates-io", "crates.io",    "rubygems",  "nuget",
     "maven",        "sonatype", "release",   "releases",     "publish",   "publishing",
     "docs",         "docker",   "dockerhub", "maven-central"});

// Words that make a job named "deploy-..." a check rather than a deploy.
constexpr auto kCheckWords =
    std::to_array<std::string_view>({"lint", "validate", "validation", "check", "verify", "plan",
                                     "diff", "dry", "docs", "doc", "pages", "storybook"});

// The name, or its first word: "dockerhub-nightly" and "pypi_test" publish; "production-docker"
// deploys.
bool is_publish_environment(std::string_view name) {
  std::string lower = core::to_lower(core::trim(name));
  if (one_of(lower, kPublishEnvironments)) return true;
  size_t end = lower.find_first_of("-_ ./");
  return end != std::string::npos && end > 0 && one_of(lower.substr(0, end), kPublishEnvironments);
}

// ---- raw YAML ------------------------------------------------------------------------------

const parse::Node* find_key(const parse::Node* node, std::string_view key) {
  return node != nullptr && node->is_map() ? node->find(key) : nullptr;
}

std::vector<std::string> scalars(const parse::Node* node) {
  std::vector<std::string> out;
  if (node == nullptr) return out;
  if (node->is_scalar()) out.push_back(node->value);
  if (node->is_seq()) {
    for (const auto& item : node->children) {
      if (item.is_scalar()) out.push_back(item.value);
    }
  }
  return out;
}

// GitLab: the key of a job or of the templates it extends (the job's own wins).
const parse::Node* gitlab_key(const parse::Node* root, const parse::Node* job, std::string_view key,
                              int depth = 0) {
  if (job == nullptr || depth > 5) return nullptr;
  if (const parse::Node* own = find_key(job, key)) return own;
  auto parents = scalars(find_key(job, "extends"));
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) {
    const auto& parent = *it;
    if (const parse::Node* inherited = gitlab_key(root, find_key(root, parent), key, depth + 1))
      return inherited;
  }
  return nullptr;
}

// ---- names and values ----------------------------------------------------------------------

// The tiers a name may stand for, once expanded.
void add_targets(std::vector<Target>& targets, std::string_view text, const std::string& source,
                 const ExpressionValues& context) {
  for (const auto& name : expand_expressions(text, context, UnknownExpression::kNothing)) {
    // "build-test-deploy" names the job's steps, not a test environment.
    bool job_name = source == "job name" || source == "step name";
    Tier tier = classify_name(name, job_name);
    if (tier == Tier::kUnknown) continue;
    bool seen = std::any_of(targets.begin(), targets.end(),
                            [&](const Target& t) { return t.tier == tier && t.name == name; });
    if (!seen) targets.push_back({tier, name, source});
  }
}

// A deploy command's arguments, without flag names or quotes: "--namespace=prod" -> "prod".
std::vector<std::string> command_arguments(std::string_view line) {
  std::vector<std::string> out;
  std::string text = core::replace_all(std::string(line), "/dev/null", " ");
  for (const auto& arg : core::split(text, ' ')) {
    std::string_view word = core::trim(arg);
    while (!word.empty() && (word.front() == '"' || word.front() == '\'')) word.remove_prefix(1);
    while (!word.empty() && (word.back() == '"' || word.back() == '\'')) word.remove_suffix(1);
    if (word.empty()) continue;
    if (word.front() == '-') {
      size_t equals = word.find('=');
      if (equals == std::string_view::npos) continue;
      word = word.substr(equals + 1);
    }
    out.emplace_back(word);
  }
  return out;
}

bool has_word(std::string_view name, std::string_view word) {
  auto words = words_of(name);
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A job named like a deploy: "deploy", "deploy-prod", "Promote to production".
bool named_like_deploy(std::string_view name) {
  bool deploy = false;
  for (const auto& word : words_of(name)) {
    if (one_of(word, kCheckWords)) return false;
    deploy = deploy || word == "deploy" || word == "deployment" || word == "promote";
  }
  return deploy;
}

}  // namespace

// ---- public helpers ------------------------------------------------------------------------

std::string_view tier_name(Tier tier) {
  switch (tier) {
    case Tier::kProduction:
      return "production";
    case Tier::kStaging:
      return "staging";
    case Tier::kPreview:
      return "preview";
    case Tier::kUnknown:
      break;
  }
  return "unknown";
}

std::string target_text(const Target& target) {
  if (target.source == "environment") return "environment '" + target.name + "'";
  return std::string(tier_name(target.tier)) + " (" + target.source + " '" + target.name + "')";
}

Tier classify_name(std::string_view name, bool job_name) {
  auto words = words_of(name);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (one_of(word, kProductionWords)) {
      bool qualified = i > 0 && (words[i - 1] == "pre" || words[i - 1] == "non");
      return qualified ? Tier::kStaging : Tier::kProduction;
    }
    if (job_name && (word == "test" || word == "testing")) continue;
    if (one_of(word, kStagingWords)) return Tier::kStaging;
    if (one_of(word, kPreviewWords)) return Tier::kPreview;
  }
  return Tier::kUnknown;
}

bool is_deploy_line(std::string_view line) {
  std::string_view trimmed = core::trim(line);
  if (trimmed.empty() || trimmed.front() == '#') return false;
  // "kubectl --context ${{ matrix.cluster }} apply": an expression is one word.
  std::string text;
  for (size_t at = 0; at < trimmed.size();) {
    size_t open = trimmed.find("${{", at);
    size_t close = open == std::string_view::npos ? open : trimmed.find("}}", open);
    if (close == std::string_view::npos) {
      text += trimmed.substr(at);
      break;
    }
    text += trimmed.substr(at, open - at);
    text += "expr";
    at = close + 2;
  }
  for (std::string_view separator : {"&&", "||", ";"})
    text = core::replace_all(text, separator, "\n");
  for (std::string_view command : core::split_lines(text)) {
    std::string lower = core::to_lower(core::trim(command));
    if (core::contains(lower, "--dry-run") || core::contains(lower, "kubectl rollout status") ||
        core::contains(lower, "kubectl rollout history") ||
        core::contains(lower, "kubectl rollout undo") ||
        core::contains(lower, "kubectl rollout pause") ||
        core::contains(lower, "kubectl rollout resume") ||
        core::contains(lower, "--server-dry-run") || core::starts_with(lower, "echo ")) {
      continue;
    }
    for (const auto& kind : model::recognise_step("", lower)) {
      if (kind.kind == StepKind::kDeploy) return true;
    }
  }
  return false;
}

namespace {

bool deploys_at_depth(const RepoModel& model, const Step& step, int depth) {
  for (const auto& line : parse::logical_lines(step.run)) {
    if (is_deploy_line(line.text)) return true;
  }
  if (step.uses.empty()) return false;
  if (core::starts_with(step.uses, "./")) {
    std::string directory = step.uses.substr(2);
    while (!directory.empty() && directory.back() == '/') directory.pop_back();
    if (const model::CompositeAction* action = model.action_at(directory)) {
      return depth < 4 &&
             std::any_of(action->steps.begin(), action->steps.end(), [&](const Step& inner) {
               return deploys_at_depth(model, inner, depth + 1);
             });
    }
    return false;
  }
  for (const auto& kv : step.with) {
    for (const auto& line : parse::logical_lines(kv.value)) {
      if (is_deploy_line(line.text)) return true;
    }
  }
  auto recognised = model::recognise_step(step.uses, "");
  return std::any_of(recognised.begin(), recognised.end(),
                     [](const auto& r) { return r.kind == StepKind::kDeploy; });
}

}  // namespace

bool is_deploy_step(const RepoModel& model, const Step& step) {
  return deploys_at_depth(model, step, 0);
}

namespace {

bool gitlab_has_needs(const RepoModel& model, const Workflow& workflow, const Job& job) {
  const parse::Node* root = model.yaml_document(workflow.path);
  return gitlab_key(root, model.job_node(workflow, job), "needs") != nullptr;
}

int stage_index(const RepoModel& model, const Workflow& workflow, const Job& job) {
  std::string stage = job.stage.empty() ? "test" : job.stage;
  if (stage == ".pre") return -1;
  if (stage == ".post") return 1000;
  auto stages = scalars(find_key(model.yaml_document(workflow.path), "stages"));
  if (stages.empty()) stages = {"build", "test", "deploy"};
  for (size_t i = 0; i < stages.size(); ++i) {
    if (stages[i] == stage) return static_cast<int>(i);
  }
  return static_cast<int>(stages.size());
}

}  // namespace

std::vector<const Job*> upstream_of(const RepoModel& model, const Workflow& workflow,
                                    const Job& job) {
  if (workflow.system != CiSystem::kGitlabCi || gitlab_has_needs(model, workflow, job))
    return workflow.upstream_of(job);
  std::vector<const Job*> out;
  int stage = stage_index(model, workflow, job);
  for (const auto& other : workflow.jobs) {
    if (&other != &job && stage_index(model, workflow, other) < stage) out.push_back(&other);
  }
  return out;
}

std::vector<const Job*> downstream_of(const RepoModel& model, const Workflow& workflow,
                                      const Job& job) {
  std::vector<const Job*> out;
  int stage = workflow.system == CiSystem::kGitlabCi ? stage_index(model, workflow, job) : 0;
  for (const auto& other : workflow.jobs) {
    if (&other == &job) continue;
    auto upstream = workflow.upstream_of(other);
    bool needs = std::find(upstream.begin(), upstream.end(), &job) != upstream.end();
    bool later = workflow.system == CiSystem::kGitlabCi &&
                 !gitlab_has_needs(model, workflow, other) &&
                 stage_index(model, workflow, other) > stage;
    if (needs || later) out.push_back(&other);
  }
  return out;
}

namespace {

// ---- schedules -----------------------------------------------------------------------------

// Whether a push or workflow_run trigger runs for main: "branches" must match it,
// "branches-ignore" must not (the CI model keeps both lists as one, so read which it was).
bool trigger_covers_main(const RepoModel& model, const Workflow& workflow,
                         const model::Trigger& trigger) {
  if (!trigger.has_branch_filter) return true;
  const parse::Node* root = model.yaml_document(workflow.path);
  const parse::Node* on = find_key(root, "on");
  if (on == nullptr) on = find_key(root, "true");
  const parse::Node* event = find_key(on, trigger.event);
  if (find_key(event, "branches") == nullptr && find_key(event, "branches-ignore") != nullptr)
    return !branches_cover_main(scalars(find_key(event, "branches-ignore")));
  return branches_cover_main(trigger.branches);
}

Runs github_workflow_runs(const RepoModel& model, const Workflow& workflow) {
  Runs runs;
  for (const auto& trigger : workflow.triggers) {
    if (trigger.event == "push") {
      if (!trigger.has_branch_filter && !trigger.has_tag_filter) runs.release = true;
      if (!trigger.tags_only() && trigger_covers_main(model, workflow, trigger)) runs.main = true;
      if (trigger.has_tag_filter) runs.release = true;
    } else if (trigger.event == "workflow_run") {
      if (trigger_covers_main(model, workflow, trigger)) runs.main = true;
    } else if (trigger.event == "release") {
      runs.release = true;
    } else if (trigger.event == "workflow_dispatch") {
      runs.manual = true;
    }
  }
  return runs;
}

std::string main_evidence(const Workflow& workflow) {
  if (workflow.system == CiSystem::kGitlabCi) return "on every pipeline of the default branch";
  for (const auto& trigger : workflow.triggers) {
    if (trigger.event == "push" && !trigger.tags_only()) return "on every push to main";
    if (trigger.event == "workflow_run") return "after every workflow_run on main";
  }
  return "on every push to main";
}

// GitHub: what a job's own `if:` leaves of runs, and those of the jobs it needs (a skipped job
// skips what needs it, unless the job runs always()).
Runs github_job_runs(const Workflow& workflow, const Job& job, Runs runs) {
  Runs own = narrow_by_github_condition(strip_expression(job.if_condition), runs);
  std::string condition = core::to_lower(job.if_condition);
  if (core::contains(condition, "always()") || core::contains(condition, "failure()")) return own;
  for (const Job* upstream : workflow.upstream_of(job)) {
    own = own & narrow_by_github_condition(strip_expression(upstream->if_condition), runs);
  }
  return own;
}

Runs manual_only(Runs runs) { return {false, false, runs.main || runs.release || runs.manual}; }

Runs gitlab_rules_runs(const parse::Node* rules) {
  Runs out;
  Runs every{true, true, false};
  for (const auto& rule : rules->children) {
    std::string when = rule.get("when", "on_success");
    if (when == "never") continue;
    Runs runs = narrow_by_gitlab_condition(rule.get("if"), every);
    if (when == "manual") runs = manual_only(runs);
    out = out | runs;
  }
  return out;
}

Runs gitlab_refs_runs(const parse::Node* only, const parse::Node* except) {
  Runs runs{true, true, false};
  auto refs_of = [](const parse::Node* node) {
    if (node != nullptr && node->is_map()) return scalars(node->find("refs"));
    return scalars(node);
  };
  if (only != nullptr) {
    auto refs = refs_of(only);
    if (!refs.empty()) {
      runs = {};
      for (const auto& ref : refs) {
        if (ref == "tags") runs.release = true;
        if (ref == "branches" || is_main_branch(ref)) runs.main = true;
        if (ref == "web") runs.manual = true;
        if (ref.size() > 2 && ref.front() == '/' &&
            (core::contains(ref, "^v") || core::contains(ref, "\\d")))
          runs.release = true;
      }
    }
  }
  for (const auto& ref : refs_of(except)) {
    if (ref == "tags") runs.release = false;
    if (ref == "branches" || is_main_branch(ref)) runs.main = false;
  }
  return runs;
}

Runs gitlab_job_runs(const RepoModel& model, const Workflow& workflow, const Job& job) {
  const parse::Node* root = model.yaml_document(workflow.path);
  const parse::Node* node = model.job_node(workflow, job);
  Runs runs{true, true, false};
  if (node == nullptr) {
    runs = narrow_by_gitlab_condition(job.if_condition, runs);
    return job.manual ? manual_only(runs) : runs;
  }
  if (const parse::Node* rules = gitlab_key(root, node, "rules"); rules != nullptr) {
    runs = gitlab_rules_runs(rules);
  } else {
    runs = gitlab_refs_runs(gitlab_key(root, node, "only"), gitlab_key(root, node, "except"));
  }
  if (const parse::Node* when = gitlab_key(root, node, "when");
      when != nullptr && when->value == "manual") {
    runs = manual_only(runs);
  }
  return runs;
}

Schedule to_schedule(Runs runs, std::string evidence) {
  Schedule schedule;
  schedule.on_main_push = runs.main;
  schedule.on_release = runs.release;
  schedule.manual = runs.manual;
  if (runs.main) schedule.main_evidence = std::move(evidence);
  return schedule;
}

// ---- deploy jobs ---------------------------------------------------------------------------

std::vector<DeployStep> deploy_steps(const RepoModel& model, const Workflow& workflow,
                                     const Job& job) {
  std::vector<DeployStep> out;
  for (size_t i = 0; i < job.steps.size(); ++i) {
    const Step& step = job.steps[i];
    if (!is_deploy_step(model, step)) continue;
    DeployStep found{&step, &job,      workflow.path,
                     i,     step.uses, step.uses_line > 0 ? step.uses_line : step.line};
    for (const auto& line : parse::logical_lines(step.run)) {
      if (!is_deploy_line(line.text)) continue;
      found.command = core::excerpt(line.text, 80);
      found.line = step.run_line_at(line.first);
      break;
    }
    if (found.line == 0) found.line = step.line;
    out.push_back(std::move(found));
  }
  return out;
}

// GitLab environments that stop, prepare or only reach an environment do not deploy to it.
bool gitlab_environment_deploys(const RepoModel& model, const Workflow& workflow, const Job& job) {
  if (job.environment.empty()) return false;
  const parse::Node* root = model.yaml_document(workflow.path);
  const parse::Node* environment = gitlab_key(root, model.job_node(workflow, job), "environment");
  std::string action = environment != nullptr ? environment->get("action", "start") : "start";
  return action == "start";
}

std::string gitlab_deployment_tier(const RepoModel& model, const Workflow& workflow,
                                   const Job& job) {
  const parse::Node* root = model.yaml_document(workflow.path);
  const parse::Node* environment = gitlab_key(root, model.job_node(workflow, job), "environment");
  return environment != nullptr ? environment->get("deployment_tier") : "";
}

bool job_deploys(const RepoModel& model, const Workflow& workflow, const Job& job,
                 const std::vector<DeployStep>& steps) {
  // GitLab's 'pages' job publishes the project's static site (the docs), not the service.
  if (workflow.system == CiSystem::kGitlabCi && job.id == "pages") return false;
  if (!steps.empty()) return true;
  if (workflow.system == CiSystem::kGitlabCi) {
    if (!job.environment.empty()) return gitlab_environment_deploys(model, workflow, job);
    return (has_word(job.stage, "deploy") || named_like_deploy(job.id)) && !job.steps.empty();
  }
  if (!job.environment.empty() && !is_publish_environment(job.environment)) return true;
  return (named_like_deploy(job.id) || named_like_deploy(job.name)) && !job.steps.empty() &&
         job.uses.empty();
}

// Targets of a job from what it declares, then from how it is named, then from its commands.
void collect_targets(const RepoModel& model, const Workflow& workflow, const Job& job,
                     const std::vector<DeployStep>& steps, const ExpressionValues& context,
                     std::vector<Target>& targets) {
  if (!job.environment.empty()) {
    add_targets(targets, job.environment, "environment", context);
    if (workflow.system == CiSystem::kGitlabCi) {
      std::string tier = gitlab_deployment_tier(model, workflow, job);
      if (!tier.empty()) add_targets(targets, tier, "environment", context);
    }
    if (!targets.empty()) return;
  }
  add_targets(targets, job.id, "job name", context);
  add_targets(targets, job.name, "job name", context);
  if (!job.stage.empty()) add_targets(targets, job.stage, "stage", context);
  if (!targets.empty()) return;
  for (const auto& step : steps) add_targets(targets, step.step->name, "step name", context);
  if (!targets.empty()) return;
  for (const auto& step : steps) {
    for (const auto& line : parse::logical_lines(step.step->run)) {
      if (!is_deploy_line(line.text)) continue;
      for (const auto& expanded :
           expand_expressions(line.text, context, UnknownExpression::kNothing)) {
        for (const auto& argument : command_arguments(expanded))
          add_targets(targets, argument, "command argument", ExpressionValues{});
      }
    }
    for (const auto& kv : step.step->with) {
      if (kv.key == "namespace" || kv.key == "environment" || kv.key == "values" ||
          kv.key == "value-files" || kv.key == "app" || kv.key == "service" ||
          kv.key == "cluster-name" || kv.key == "resource-group") {
        add_targets(targets, kv.value, "step input", context);
      }
    }
  }
}

// The values a job's expressions may take: its matrix and the workflow's inputs.
ExpressionValues job_context(const RepoModel& model, const Workflow& workflow, const Job& job,
                             ExpressionValues inputs) {
  add_matrix_values(inputs, model.job_node(workflow, job));
  return inputs;
}

ExpressionValues workflow_inputs(const RepoModel& model, const Workflow& workflow) {
  ExpressionValues inputs;
  add_workflow_input_values(inputs, model.yaml_document(workflow.path));
  return inputs;
}

const Workflow* local_callee(const RepoModel& model, const Job& job) {
  if (!core::starts_with(job.uses, "./")) return nullptr;
  std::string path = job.uses.substr(2);
  if (size_t at = path.find('@'); at != std::string::npos) path.resize(at);
  return model.workflow_at(path);
}

DeployJob github_call(const RepoModel& model, const Workflow& workflow, const Job& job,
                      const Runs& runs) {
  DeployJob out;
  out.workflow = &workflow;
  out.job = &job;
  out.callee = local_callee(model, job);
  ExpressionValues caller = job_context(model, workflow, job, workflow_inputs(model, workflow));
  ExpressionValues inputs;
  for (const auto& kv : job.with) {
    for (const auto& value : expand_expressions(kv.value, caller, UnknownExpression::kNothing))
      add_expression_value(inputs, "inputs." + kv.key, value);
  }
  // Inputs the caller leaves out take the callee's defaults.
  if (out.callee != nullptr) {
    for (const auto& [name, values] : workflow_inputs(model, *out.callee)) {
      if (inputs.count(name) == 0) inputs[name] = values;
    }
  }
  Runs caller_runs = github_job_runs(workflow, job, runs);
  Runs effective;
  if (out.callee != nullptr) {
    for (const auto& inner : out.callee->jobs) {
      auto steps = deploy_steps(model, *out.callee, inner);
      if (!job_deploys(model, *out.callee, inner, steps)) continue;
      out.callee_jobs.push_back(&inner);
      out.steps.insert(out.steps.end(), steps.begin(), steps.end());
      collect_targets(model, *out.callee, inner, steps,
                      job_context(model, *out.callee, inner, inputs), out.targets);
      effective = effective | github_job_runs(*out.callee, inner, caller_runs);
    }
  } else {
    effective = caller_runs;
  }
  if (out.targets.empty()) {
    for (const auto& kv : job.with) {
      auto words = words_of(kv.key);
      bool names_target = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w == "environment" || w == "env" || w == "stage" || w == "target" ||
               w == "namespace" || w == "cluster";
      });
      if (names_target) add_targets(out.targets, kv.value, "input", caller);
    }
  }
  if (out.targets.empty()) add_targets(out.targets, job.id, "job name", caller);
  if (out.targets.empty()) add_targets(out.targets, job.name, "job name", caller);
  out.schedule = to_schedule(effective, main_evidence(workflow));
  return out;
}

bool remote_call_deploys(const Job& job) {
  std::string path = job.uses.substr(0, job.uses.find('@'));
  return named_like_deploy(std::string(core::trim(path.substr(path.rfind('/') + 1)))) ||
         named_like_deploy(job.id) || named_like_deploy(job.name);
}

bool only_called(const Workflow& workflow) {
  return std::all_of(workflow.triggers.begin(), workflow.triggers.end(),
                     [](const model::Trigger& t) { return t.event == "workflow_call"; });
}

}  // namespace

bool DeployJob::deploys_to(Tier tier) const { return target(tier) != nullptr; }

const Target* DeployJob::target(Tier tier) const {
  for (const auto& t : targets) {
    if (t.tier == tier) return &t;
  }
  return nullptr;
}

std::string DeployJob::describe() const { return "job '" + job->id + "' in " + workflow->path; }

bool DeployJob::declares_environment() const {
  if (callee == nullptr) return !job->environment.empty();
  return std::any_of(callee_jobs.begin(), callee_jobs.end(),
                     [](const Job* j) { return !j->environment.empty(); });
}

std::vector<DeployJob> find_deploy_jobs(const RepoModel& model) {
  std::vector<DeployJob> out;
  for (const auto& workflow : model.workflows) {
    bool gitlab = workflow.system == CiSystem::kGitlabCi;
    if (!gitlab && workflow.is_reusable() && only_called(workflow)) continue;
    Runs runs = gitlab ? Runs{true, true, false} : github_workflow_runs(model, workflow);
    ExpressionValues inputs = gitlab ? ExpressionValues{} : workflow_inputs(model, workflow);
    for (const auto& job : workflow.jobs) {
      if (!job.uses.empty()) {
        if (local_callee(model, job) != nullptr || remote_call_deploys(job)) {
          DeployJob call = github_call(model, workflow, job, runs);
          if (call.callee == nullptr || !call.callee_jobs.empty()) out.push_back(std::move(call));
        }
        continue;
      }
      auto steps = deploy_steps(model, workflow, job);
      if (!job_deploys(model, workflow, job, steps)) continue;
      DeployJob deploy;
      deploy.workflow = &workflow;
      deploy.job = &job;
      deploy.steps = std::move(steps);
      collect_targets(model, workflow, job, deploy.steps, job_context(model, workflow, job, inputs),
                      deploy.targets);
      Runs job_runs =
          gitlab ? gitlab_job_runs(model, workflow, job) : github_job_runs(workflow, job, runs);
      deploy.schedule = to_schedule(job_runs, main_evidence(workflow));
      out.push_back(std::move(deploy));
    }
  }
  return out;
}

namespace {

void add_steps(const Job& job, size_t from, size_t to, std::vector<const Step*>& out) {
  for (size_t i = from; i < to && i < job.steps.size(); ++i) out.push_back(&job.steps[i]);
}

// The deploying jobs of a deploy job with the workflow that holds them.
std::vector<std::pair<const Workflow*, const Job*>> deploying_jobs(const DeployJob& deploy) {
  std::vector<std::pair<const Workflow*, const Job*>> out;
  if (deploy.callee == nullptr) {
    out.emplace_back(deploy.workflow, deploy.job);
  } else {
    for (const Job* job : deploy.callee_jobs) out.emplace_back(deploy.callee, job);
  }
  return out;
}

}  // namespace

std::vector<const Step*> steps_after(const RepoModel& model, const DeployJob& deploy) {
  std::vector<const Step*> out;
  for (const auto& [workflow, job] : deploying_jobs(deploy)) {
    size_t last = 0;
    bool found = false;
    for (const auto& step : deploy.steps) {
      if (step.job == job) {
        last = std::max(last, step.index);
        found = true;
      }
    }
    add_steps(*job, found ? last : 0, job->steps.size(), out);
    for (const Job* downstream : downstream_of(model, *workflow, *job))
      add_steps(*downstream, 0, downstream->steps.size(), out);
  }
  if (deploy.callee != nullptr) {
    for (const Job* downstream : downstream_of(model, *deploy.workflow, *deploy.job))
      add_steps(*downstream, 0, downstream->steps.size(), out);
  }
  return out;
}

std::vector<const Step*> steps_before(const RepoModel& model, const DeployJob& deploy) {
  std::vector<const Step*> out;
  for (const auto& [workflow, job] : deploying_jobs(deploy)) {
    size_t first = job->steps.size();
    for (const auto& step : deploy.steps) {
      if (step.job == job) first = std::min(first, step.index);
    }
    add_steps(*job, 0, first, out);
    for (const Job* upstream : upstream_of(model, *workflow, *job))
      add_steps(*upstream, 0, upstream->steps.size(), out);
  }
  if (deploy.callee != nullptr) {
    for (const Job* upstream : upstream_of(model, *deploy.workflow, *deploy.job))
      add_steps(*upstream, 0, upstream->steps.size(), out);
  }
  return out;
}

std::string approval_snippet(const Workflow& workflow, std::string_view environment) {
  std::string name = environment.empty() ? "production" : std::string(environment);
  if (workflow.system == CiSystem::kGitlabCi) {
    return "'environment: { name: " + name + " }' and 'when: manual' (or a rule with when: manual)";
  }
  return "'environment: { name: " + name + ", url: https://<your production URL> }'";
}

}  // namespace golive::model::deploy
