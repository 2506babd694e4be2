#pragma once
// What a rule is: metadata as data beside a pure check of the model.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "rules/settings.h"

namespace golive::model {
struct WorkloadSite;
struct ContainerSite;
struct DockerfileModel;
struct StepSite;
struct RenderedObject;
struct K8sEnvironment;
}  // namespace golive::model

namespace golive::rules {

enum class OptionType { kInteger, kBoolean, kString, kStringList };
std::string_view option_type_name(OptionType type);

// One setting of one rule, as data beside it (clang-tidy's Options.get): .golive.yml sets it as
// `options: {<rule-id>.<name>: value}`, the configuration checks its type, the docs page lists
// it, and the check reads it through RuleContext::option_*.
struct RuleOption {
  std::string_view name;  // "minimum"
  OptionType type = OptionType::kString;
  std::string_view default_value;  // as written in YAML: "80", "true", "" (lists: comma-separated)
  std::string_view doc;
  long min = 0;  // integers only: the accepted range
  long max = 0;
};

// What a rule inspects. kModel: its check walks the model itself (cross-object rules). The
// others: the framework calls the rule's per-object check once per object (rules/per_object.h).
enum class Inspects : std::uint8_t {
  kModel,
  kWorkload,    // each Kubernetes workload (an object with a pod template) of each environment
  kContainer,   // each container of each workload, init containers too
  kDockerfile,  // each Dockerfile
  kCiStep,      // each step of a CI job (GitHub Actions, GitLab CI) or local composite action
  kIngress,     // each Ingress of each environment
};
std::string_view inspects_text(Inspects inspects);

struct RuleMeta {
  std::string_view id;  // "<section>/<slug>"
  std::string_view section;
  std::string_view title;
  Severity severity;
  std::string_view seeds;  // references into the seed task lists, e.g. "000 T001, 003 P1-01"
  std::string_view rationale;
  std::string_view remediation;
  std::string_view also = "";  // the same check in other tools, e.g. "scorecard CI-Tests"
  std::initializer_list<RuleOption> options = {};
  Inspects inspects = Inspects::kModel;
  // Per-object rules: why the rule does not apply when objects exist but none has what it
  // judges ("no Dockerfile uses ADD"); the check marks those that do (ObjectReport::applies).
  // Empty: any object of the kind makes the rule apply.
  std::string_view inapplicable_reason = "";
  // A rule about a document or practice a running service needs (runbooks, on-call, tracing,
  // rate limiting, backups): it applies only when the repository's profile is service.
  bool service_practice = false;

  // The option of that name, or nullptr.
  [[nodiscard]] const RuleOption* option(std::string_view name) const;
};

// Whether a rule's findings in a file of this role are about what the team deploys: product and
// generated files always; secrets and config rules in every file; tooling (.github/) and docs
// for every rule but those about deployable artefacts (container, k8s, iac; and parse errors in
// docs); tests only for the performance rules (load tests). A finding elsewhere (a test
// manifest, a fixture, an example, a vendored copy, a template) is set aside by the engine
// unless the user asks for every role (docs/path-roles.md).
bool reports_in_role(const RuleMeta& meta, walk::PathRole role);

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string file;  // empty for findings about the repository as a whole
  int line = 0;
  int column = 0;
  std::string evidence;
  std::string fix;
  // Other lines of the same file the finding rests on (the trigger of a workflow whose checkout
  // is reported): another tool's suppression written at one of them covers the finding too.
  std::vector<int> also_at;
};

// What a check sees and how it answers. One context per rule run.
class RuleContext {
 public:
  RuleContext(const RuleMeta& meta, const model::RepoModel& model, const Settings& settings)
      : meta_(meta), model_(model), settings_(settings) {}

  [[nodiscard]] const model::RepoModel& model() const { return model_; }
  [[nodiscard]] const Settings& settings() const { return settings_; }
  // The repository's profile: .golive.yml's `profile:`, else what the files show.
  [[nodiscard]] model::Profile profile() const {
    return settings_.profile ? *settings_.profile : model_.profile().kind;
  }

  // The rule's options, as configured or by default. Asking for an option the rule does not
  // declare is a programming error (std::logic_error): options are declared in RuleMeta.
  [[nodiscard]] long option_int(std::string_view name) const;
  [[nodiscard]] bool option_bool(std::string_view name) const;
  [[nodiscard]] std::string option_string(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> option_list(std::string_view name) const;

  // Reports a finding; the fix defaults to the rule's remediation.
  void report(std::string message, std::string file = "", int line = 0, int column = 0,
              std::string evidence = "");
  // Reports a check golive could not settle: the evidence may sit behind something it cannot
  // read (a remote reusable workflow, a CI system it does not parse, pods an operator makes).
  // The message says what was opaque and how to make it visible. An unverified check never
  // blocks and is not a finding; it keeps the rule from passing.
  void unverified(std::string message, std::string file = "", int line = 0,
                  std::string evidence = "");
  // Marks the rule as not applicable to this repository, with the reason.
  void not_applicable(std::string reason) { not_applicable_ = std::move(reason); }

  [[nodiscard]] const std::optional<std::string>& not_applicable_reason() const {
    return not_applicable_;
  }
  std::vector<Finding>& findings() { return findings_; }
  std::vector<Finding>& unverified_checks() { return unverified_; }

 private:
  [[nodiscard]] std::string option_text(std::string_view name, OptionType type) const;

  const RuleMeta& meta_;
  const model::RepoModel& model_;
  const Settings& settings_;
  std::vector<Finding> findings_;
  std::vector<Finding> unverified_;
  std::optional<std::string> not_applicable_;
};

using CheckFn = void (*)(RuleContext&);
// Extra Markdown for the rule's docs page, generated from data the rule owns (a table of the
// formats it recognises, say).
using DetailsFn = std::string (*)();

class ObjectReport;
using WorkloadCheckFn = void (*)(ObjectReport&, const model::WorkloadSite&);
using ContainerCheckFn = void (*)(ObjectReport&, const model::ContainerSite&);
using DockerfileCheckFn = void (*)(ObjectReport&, const model::DockerfileModel&);
using CiStepCheckFn = void (*)(ObjectReport&, const model::StepSite&);
using IngressCheckFn = void (*)(ObjectReport&, const model::K8sEnvironment&,
                                const model::RenderedObject&);

// A rule sets the one check that matches meta.inspects (a test holds every rule to it).
struct Rule {
  RuleMeta meta;
  CheckFn check = nullptr;  // Inspects::kModel
  DetailsFn details = nullptr;
  WorkloadCheckFn check_workload = nullptr;      // Inspects::kWorkload
  ContainerCheckFn check_container = nullptr;    // Inspects::kContainer
  DockerfileCheckFn check_dockerfile = nullptr;  // Inspects::kDockerfile
  CiStepCheckFn check_ci_step = nullptr;         // Inspects::kCiStep
  IngressCheckFn check_ingress = nullptr;        // Inspects::kIngress
};

// Every registered rule, sorted by id.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);
std::vector<std::string> all_sections();

}  // namespace golive::rules
