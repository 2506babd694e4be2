#include "rules/per_object.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

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
                              const std::string& evidence) {
  std::string written = with_written_names(message, environment);
  auto key = std::make_tuple(where.path, where.line, written);
  auto [it, inserted] = index_.emplace(key, pending_.size());
  if (inserted) pending_.push_back({where, message, written, false, evidence, {}});
  Pending& pending = pending_[it->second];
  if (pending.message != message) pending.worded_differently = true;
  auto& environments = pending.environments;
  if (std::find(environments.begin(), environments.end(), environment.name) == environments.end())
    environments.push_back(environment.name);
}

EnvironmentReporter::~EnvironmentReporter() {
  for (auto& pending : pending_) {
    std::string in;
    for (const auto& name : pending.environments) in += (in.empty() ? "" : ", ") + name;
    const std::string& message =
        pending.worded_differently ? pending.written_message : pending.message;
    context_.report(message + " (in " + in + ")", pending.where.path, pending.where.line, 0,
                    pending.evidence);
  }
}

void ObjectReport::report(const model::SourceLine& where, const std::string& message,
                          const std::string& evidence) {
  reporter_.add(environment_, where, message, evidence);
}

void run_rule(const Rule& rule, RuleContext& context) {
  switch (rule.meta.inspects) {
    case Inspects::kModel:
      rule.check(context);
      return;
    case Inspects::kWorkload:
    case Inspects::kContainer:
      break;
  }
  if (!model::has_workloads(context.model()))
    return context.not_applicable("no Kubernetes workload");
  EnvironmentReporter reporter(context);
  if (rule.meta.inspects == Inspects::kWorkload) {
    model::for_each_workload(context.model(), [&](const model::WorkloadSite& site) {
      ObjectReport report(context, reporter, site.environment);
      rule.check_workload(report, site);
    });
    return;
  }
  model::for_each_container(context.model(), true, [&](const model::ContainerSite& site) {
    ObjectReport report(context, reporter, site.environment);
    rule.check_container(report, site);
  });
}

}  // namespace golive::rules
