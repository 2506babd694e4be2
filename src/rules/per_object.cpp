#include "rules/per_object.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "model/image_builds.h"
#include "model/k8s.h"

namespace golive::rules {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

// The message with every "Kind/name" an overlay renamed put back to the name its file writes.
std::string with_written_names(const std::string& message,
                               const model::K8sEnvironment& environment) {
  if (environment.written_names.empty()) return message;
  std::string out;
  size_t i = 0;
  while (i < message.size()) {
    out += message[i];
    if (message[i++] != '/') continue;
    size_t end = i;
    while (end < message.size() && name_char(message[end])) ++end;
    std::string_view name(message.data() + i, end - i);
    auto it = environment.written_names.find(name);
    out += it == environment.written_names.end() ? std::string(name) : it->second;
    i = end;
  }
  return out;
}

}  // namespace

void EnvironmentReporter::add(const model::K8sEnvironment& environment,
                              const model::SourceLine& where, const std::string& message,
                              const std::string& evidence, std::optional<Severity> severity) {
  std::string written = with_written_names(message, environment);
  auto key = std::make_tuple(where.path, where.line, written);
  auto [it, inserted] = index_.emplace(key, pending_.size());
  if (inserted) pending_.push_back({where, message, written, false, evidence, {}, severity});
  Pending& pending = pending_[it->second];
  if (pending.message != message) pending.worded_differently = true;
  auto& environments = pending.environments;
  if (std::find(environments.begin(), environments.end(), environment.name) == environments.end())
    environments.push_back(environment.name);
}

EnvironmentReporter::~EnvironmentReporter() {
  for (auto& pending : pending_) {
    // Plain manifests that nothing places in an environment are named only beside others.
    std::string in;
    for (const auto& name : pending.environments) {
      std::string shown = name == model::kPlainManifests ? "plain manifests" : name;
      in += (in.empty() ? "" : ", ") + shown;
    }
    const std::string& message =
        pending.worded_differently ? pending.written_message : pending.message;
    bool only_plain =
        pending.environments.size() == 1 && pending.environments.front() == model::kPlainManifests;
    context_.report(only_plain ? message : message + " (in " + in + ")", pending.where.path,
                    pending.where.line, 0, pending.evidence);
    if (pending.severity) context_.findings().back().severity = *pending.severity;
  }
}

void ObjectReport::report(const model::SourceLine& where, const std::string& message,
                          const std::string& evidence, std::optional<Severity> severity) {
  applies_ = true;
  if (reported_ != nullptr && !reported_->insert({where.path, where.line}).second) return;
  if (reporter_ != nullptr && environment_ != nullptr) {
    reporter_->add(*environment_, where, message, evidence, severity);
  } else {
    context_.report(message, where.path, where.line, 0, evidence);
    if (severity) context_.findings().back().severity = *severity;
  }
}

namespace {

// An error in a Dockerfile that nothing in the repository builds is not positive evidence of a
// defect in what ships (a leftover, or an image built elsewhere): a warning that says so.
void cap_unbuilt_image(RuleContext& context, const model::DockerfileModel& dockerfile,
                       size_t first) {
  auto& findings = context.findings();
  bool errors = std::any_of(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(),
                            [](const Finding& f) { return f.severity == Severity::kError; });
  if (!errors || model::built_by_repository(context.model(), dockerfile)) return;
  for (size_t i = first; i < findings.size(); ++i) {
    if (findings[i].severity != Severity::kError) continue;
    findings[i].severity = Severity::kWarning;
    findings[i].message +=
        "; nothing in the repository builds this image (no CI job, make target, compose, "
        "skaffold or goreleaser file names it), so golive cannot tell that it ships";
  }
}

// Walks the objects of the rule's kind; the reason it does not apply, or "" when it does.
std::string run_per_object(const Rule& rule, RuleContext& context) {
  const model::RepoModel& model = context.model();
  bool applies = false;
  switch (rule.meta.inspects) {
    case Inspects::kModel:
      break;
    case Inspects::kWorkload:
    case Inspects::kContainer: {
      if (!model::has_workloads(model)) return "no Kubernetes workload";
      EnvironmentReporter reporter(context);
      if (rule.meta.inspects == Inspects::kWorkload) {
        model::for_each_workload(model, [&](const model::WorkloadSite& site) {
          ObjectReport report(context, applies, &reporter, &site.environment);
          rule.check_workload(report, site);
        });
      } else {
        model::for_each_container(model, true, [&](const model::ContainerSite& site) {
          ObjectReport report(context, applies, &reporter, &site.environment);
          rule.check_container(report, site);
        });
      }
      break;
    }
    case Inspects::kCiStep: {
      if (model.workflows.empty() && model.actions.empty()) return "no CI workflows or actions";
      std::set<std::pair<std::string, int>> reported;
      for (const auto& site : model::steps_of(model, true)) {
        ObjectReport report(context, applies, nullptr, nullptr, &reported);
        rule.check_ci_step(report, site);
      }
      break;
    }
    case Inspects::kIngress: {
      bool any = false;
      EnvironmentReporter reporter(context);
      for (const auto& environment : model.k8s_environments) {
        for (const auto& object : environment.objects) {
          if (object.kind != "Ingress") continue;
          any = true;
          ObjectReport report(context, applies, &reporter, &environment);
          rule.check_ingress(report, environment, object);
        }
      }
      if (!any) return "no Ingress in any environment";
      break;
    }
    case Inspects::kDockerfile:
      if (model.dockerfiles.empty()) return "the repository has no Dockerfile";
      for (const auto& dockerfile : model.dockerfiles) {
        ObjectReport report(context, applies);
        size_t first = context.findings().size();
        rule.check_dockerfile(report, dockerfile);
        cap_unbuilt_image(context, dockerfile, first);
      }
      break;
  }
  if (!rule.meta.inapplicable_reason.empty() && !applies)
    return std::string(rule.meta.inapplicable_reason);
  return "";
}

}  // namespace

void run_rule(const Rule& rule, RuleContext& context) {
  if (rule.meta.inspects == Inspects::kModel) return rule.check(context);
  std::string reason = run_per_object(rule, context);
  if (!reason.empty()) context.not_applicable(std::move(reason));
}

}  // namespace golive::rules
