#pragma once
// Rules that inspect one object at a time (RuleMeta::inspects): the framework walks the objects
// of the rule's kind, calls the rule's per-object check on each, and says "not applicable" when
// there is none, so a per-container check is the few lines that decide (kube-linter's
// per-container checks work the same way). Findings about Kubernetes objects go through an
// EnvironmentReporter, so a base rendered by three overlays is reported once.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/k8s_index.h"
#include "model/step_scope.h"
#include "rules/rule.h"

namespace golive::rules {

// A base rendered by three overlays has one problem, not three: findings are keyed by source
// line and message, and each names the environments that render it. Overlays that rename
// objects (namePrefix) are merged under the names the files write. Reports on destruction.
class EnvironmentReporter {
 public:
  explicit EnvironmentReporter(RuleContext& context) : context_(context) {}
  EnvironmentReporter(const EnvironmentReporter&) = delete;
  EnvironmentReporter& operator=(const EnvironmentReporter&) = delete;
  ~EnvironmentReporter();

  void add(const model::K8sEnvironment& environment, const model::SourceLine& where,
           const std::string& message, const std::string& evidence = "",
           std::optional<Severity> severity = std::nullopt);

 private:
  struct Pending {
    model::SourceLine where;
    std::string message;          // as the first environment worded it
    std::string written_message;  // with objects named as their files write them
    bool worded_differently = false;
    std::string evidence;
    std::vector<std::string> environments;
    std::optional<Severity> severity;  // below the rule's, when the check lowered it
  };
  RuleContext& context_;
  std::map<std::tuple<std::string, int, std::string>, size_t> index_;
  std::vector<Pending> pending_;
};

// What a per-object check reports through.
class ObjectReport {
 public:
  // For a Kubernetes object: findings go through the reporter, tagged with the environment.
  ObjectReport(RuleContext& context, bool& applies, EnvironmentReporter* reporter = nullptr,
               const model::K8sEnvironment* environment = nullptr,
               std::set<std::pair<std::string, int>>* reported = nullptr)
      : context_(context),
        applies_(applies),
        reporter_(reporter),
        environment_(environment),
        reported_(reported) {}

  [[nodiscard]] const model::RepoModel& model() const { return context_.model(); }
  // The rule's context: its options and settings.
  [[nodiscard]] const RuleContext& context() const { return context_; }
  // Reports a problem with the object at where. For a Kubernetes object, the same problem in
  // several environments is one finding that names them all.
  // severity lowers this one finding below the rule's.
  void report(const model::SourceLine& where, const std::string& message,
              const std::string& evidence = "", std::optional<Severity> severity = std::nullopt);
  // Says that this object has what the rule judges (an ADD instruction, an external base
  // image). A rule whose meta names an inapplicable_reason is not applicable, for that reason,
  // when no object says so; reporting a problem says so too.
  void applies() { applies_ = true; }

 private:
  RuleContext& context_;
  bool& applies_;
  EnvironmentReporter* reporter_;
  const model::K8sEnvironment* environment_;
  // CI steps: a line written once and reached twice (YAML anchors) is reported once.
  std::set<std::pair<std::string, int>>* reported_;
};

// Runs a rule: its whole-model check, or its per-object check on every object of the kind it
// inspects.
void run_rule(const Rule& rule, RuleContext& context);

}  // namespace golive::rules
