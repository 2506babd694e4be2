#include <algorithm>

#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "rules/rule.h"

namespace golive::rules::deploy {

using namespace model::deploy;  // NOLINT(google-build-using-namespace): the facts these rules
                                // decide on
namespace {

// "helm upgrade" or "helm install" that changes a cluster, also after global flags
// ("helm --kube-context prod upgrade"); not a dry run, not help, not an echo.
bool is_helm_release(std::string_view line) {
  std::string lower = core::to_lower(core::trim(line));
  if (lower.empty() || lower.front() == '#' || lower.rfind("echo ", 0) == 0) return false;
  if (core::contains(lower, "--dry-run") || core::contains(lower, "--help")) return false;
  std::vector<std::string> words;
  for (auto& word : core::split(lower, ' ')) {
    if (!word.empty()) words.push_back(word);
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word != "helm" && (word.size() < 5 || word.substr(word.size() - 5) != "/helm")) continue;
    size_t next = i + 1;
    while (next < words.size() && words[next].front() == '-') {
      next += words[next].find('=') == std::string::npos && next + 1 < words.size() &&
                      words[next + 1].front() != '-'
                  ? 2
                  : 1;
    }
    if (next < words.size() && (words[next] == "upgrade" || words[next] == "install")) return true;
  }
  return false;
}

bool is_atomic(std::string_view line) {
  std::string lower = core::to_lower(line);
  return core::contains(lower, "--atomic") || core::contains(lower, "--rollback-on-failure");
}

bool is_rollback(const model::Step& step) {
  std::string lower = core::to_lower(step.run);
  if (core::contains(lower, "helm rollback") || core::contains(lower, "kubectl rollout undo") ||
      core::contains(lower, "rollback.sh") || core::contains(lower, "argocd app rollback")) {
    return true;
  }
  return core::contains(core::to_lower(step.if_condition), "failure()");
}

bool job_rolls_back(const model::Job& job) {
  return std::any_of(job.steps.begin(), job.steps.end(), is_rollback);
}

// A rollback in the job, or in another job of its workflow that runs when it fails.
bool rolls_back(const model::RepoModel& model, const model::Workflow& workflow,
                const model::Job& job) {
  if (job_rolls_back(job)) return true;
  for (const auto& other : workflow.jobs) {
    if (&other == &job || !job_rolls_back(other)) continue;
    if (workflow.system == model::CiSystem::kGitlabCi) {
      const parse::Node* node = model.job_node(workflow, other);
      if (node != nullptr && node->get("when") == "on_failure") return true;
      continue;
    }
    auto upstream = workflow.upstream_of(other);
    if (std::find(upstream.begin(), upstream.end(), &job) != upstream.end()) return true;
  }
  return false;
}

// A job that uses the composite action and rolls back when it fails.
bool used_where_rolled_back(const model::RepoModel& model, const model::CompositeAction& action) {
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      bool uses = std::any_of(job.steps.begin(), job.steps.end(), [&](const model::Step& step) {
        std::string_view uses = step.uses;
        while (!uses.empty() && uses.back() == '/') uses.remove_suffix(1);
        return uses == "./" + action.directory;
      });
      if (uses && rolls_back(model, workflow, job)) return true;
    }
  }
  return false;
}

struct HelmLine {
  std::string command;
  int line = 0;
  bool waits = false;
};

// Each helm upgrade/install without --atomic in a step: in its script or an action's inputs.
std::vector<HelmLine> unguarded_helm(const model::Step& step) {
  std::vector<HelmLine> out;
  for (const auto& line : parse::logical_lines(step.run)) {
    if (is_helm_release(line.text) && !is_atomic(line.text)) {
      out.push_back({core::excerpt(line.text, 100), step.run_line_at(line.first),
                     core::contains(line.text, "--wait")});
    }
  }
  for (const auto& input : step.with) {
    for (const auto& line : parse::logical_lines(input.value)) {
      if (is_helm_release(line.text) && !is_atomic(line.text)) {
        out.push_back(
            {core::excerpt(line.text, 100), input.line, core::contains(line.text, "--wait")});
      }
    }
  }
  return out;
}

bool has_helm(const std::vector<model::Step>& steps) {
  return std::any_of(steps.begin(), steps.end(), [](const model::Step& step) {
    for (const auto& line : parse::logical_lines(step.run)) {
      if (is_helm_release(line.text)) return true;
    }
    return std::any_of(step.with.begin(), step.with.end(),
                       [](const model::KeyValue& kv) { return is_helm_release(kv.value); });
  });
}

std::string message(std::string_view where, const HelmLine& helm) {
  return std::string(where) + " runs '" + core::excerpt(helm.command, 60) + "' without --atomic" +
         (helm.waits ? "; --wait fails the job but leaves the broken release in place"
                     : " or --wait, so a failed rollout stays live") +
         ", and nothing rolls it back";
}

void check(RuleContext& context) {
  const auto& model = context.model();
  bool any = false;
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      if (!has_helm(job.steps)) continue;
      any = true;
      if (rolls_back(model, workflow, job)) continue;
      for (const auto& step : job.steps) {
        for (const auto& helm : unguarded_helm(step)) {
          context.report(message("job '" + job.id + "' in " + workflow.path, helm), workflow.path,
                         helm.line, 0, helm.command);
        }
      }
    }
  }
  for (const auto& action : model.actions) {
    if (!has_helm(action.steps)) continue;
    any = true;
    if (std::any_of(action.steps.begin(), action.steps.end(), is_rollback) ||
        used_where_rolled_back(model, action))
      continue;
    for (const auto& step : action.steps) {
      for (const auto& helm : unguarded_helm(step)) {
        context.report(message("action " + action.path, helm), action.path, helm.line, 0,
                       helm.command);
      }
    }
  }
  if (!any) context.not_applicable("no CI step runs helm upgrade or helm install");
}

}  // namespace

extern const Rule kHelmWithoutAtomic;
const Rule kHelmWithoutAtomic{
    {.id = "deploy/helm-without-atomic",
     .section = "deploy",
     .title = "Helm deploys roll back on failure",
     .severity = Severity::kWarning,
     .seeds = "000 T013, 004 T019, 004 T023",
     .rationale =
         "Without --atomic, helm upgrade returns as soon as the manifests are applied: pods "
         "that crash-loop or never become ready stay live, and the release is left in a "
         "failed state that blocks the next upgrade. --atomic (--rollback-on-failure in Helm 4) "
         "waits for the rollout and rolls back to the previous revision when it fails. --wait "
         "alone makes the job fail but leaves the broken release running, so golive also "
         "accepts a rollback step in the job: helm rollback, kubectl rollout undo, a rollback "
         "script, or any step with 'if: failure()' (or a GitLab 'when: on_failure' job).",
     .remediation =
         "Add --atomic and a timeout to the command: 'helm upgrade --install app ./chart "
         "--namespace production --atomic --timeout 10m --history-max 10' (Helm 4: "
         "--rollback-on-failure), or add a step after it with 'if: failure()' that runs 'helm "
         "rollback app --namespace production --wait'.",
     .also = ""},
    check};

}  // namespace golive::rules::deploy
