#include "rules/rule.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/strings.h"

namespace golive::rules {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::kInfo;
  if (text == "warning") return Severity::kWarning;
  if (text == "error") return Severity::kError;
  return std::nullopt;
}

bool reports_in_role(const RuleMeta& meta, walk::PathRole role) {
  // Secrets leak from any file; the config rules judge golive's own configuration and
  // suppressions wherever they are written.
  if (meta.section == "secrets" || meta.section == "config") return true;
  // Rules about deployable artefacts: a Dockerfile, manifest or Terraform file under docs/,
  // .devcontainer/ or .github/ is not what the team runs in production.
  bool artefact = meta.section == "container" || meta.section == "k8s" || meta.section == "iac";
  switch (role) {
    case walk::PathRole::kProduct:
    case walk::PathRole::kGenerated:
      return true;
    case walk::PathRole::kTooling:
      return !artefact;  // .github/ is CI, and CI is where backups, scans and gates run
    case walk::PathRole::kDocs:
      return !artefact && meta.section != "parse";  // runbooks and DR plans are documents
    case walk::PathRole::kTest:
      return meta.section == "performance";  // load tests are tests
    case walk::PathRole::kFixture:
    case walk::PathRole::kExample:
    case walk::PathRole::kVendor:
    case walk::PathRole::kTemplate:
      return false;
  }
  return true;
}

std::string_view inspects_text(Inspects inspects) {
  switch (inspects) {
    case Inspects::kModel:
      return "the repository as a whole";
    case Inspects::kWorkload:
      return "each Kubernetes workload of each environment";
    case Inspects::kContainer:
      return "each container of each Kubernetes workload, init containers too";
    case Inspects::kDockerfile:
      return "each Dockerfile";
    case Inspects::kCiStep:
      return "each step of each CI job and local composite action";
    case Inspects::kIngress:
      return "each Ingress of each environment";
  }
  return "";
}

std::string_view option_type_name(OptionType type) {
  switch (type) {
    case OptionType::kInteger:
      return "integer";
    case OptionType::kBoolean:
      return "boolean";
    case OptionType::kString:
      return "string";
    case OptionType::kStringList:
      return "list of strings";
  }
  return "string";
}

const RuleOption* RuleMeta::option(std::string_view name) const {
  for (const auto& candidate : options) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

std::string RuleContext::option_text(std::string_view name, OptionType type) const {
  const RuleOption* declared = meta_.option(name);
  if (declared == nullptr || declared->type != type) {
    throw std::logic_error(std::string(meta_.id) + " reads option '" + std::string(name) + "' as " +
                           std::string(option_type_name(type)) +
                           ", which its metadata does not declare");
  }
  auto configured = settings_.rule_options.find(std::string(meta_.id) + "." + std::string(name));
  return configured != settings_.rule_options.end() ? configured->second
                                                    : std::string(declared->default_value);
}

long RuleContext::option_int(std::string_view name) const {
  // The configuration checked configured values; defaults are checked by a unit test.
  return std::stol(option_text(name, OptionType::kInteger));
}

bool RuleContext::option_bool(std::string_view name) const {
  return option_text(name, OptionType::kBoolean) == "true";
}

std::string RuleContext::option_string(std::string_view name) const {
  return option_text(name, OptionType::kString);
}

std::vector<std::string> RuleContext::option_list(std::string_view name) const {
  std::vector<std::string> out;
  for (auto& item : core::split(option_text(name, OptionType::kStringList), ',')) {
    std::string trimmed(core::trim(item));
    if (!trimmed.empty()) out.push_back(std::move(trimmed));
  }
  return out;
}

void RuleContext::report(std::string message, std::string file, int line, int column,
                         std::string evidence) {
  Finding finding;
  finding.rule_id = std::string(meta_.id);
  finding.severity = meta_.severity;
  finding.message = std::move(message);
  finding.file = std::move(file);
  finding.line = line;
  finding.column = column;
  finding.evidence = std::move(evidence);
  finding.fix = std::string(meta_.remediation);
  findings_.push_back(std::move(finding));
}

void RuleContext::unverified(std::string message, std::string file, int line,
                             std::string evidence) {
  Finding check;
  check.rule_id = std::string(meta_.id);
  check.severity = Severity::kInfo;
  check.message = std::move(message);
  check.file = std::move(file);
  check.line = line;
  check.evidence = std::move(evidence);
  check.fix = std::string(meta_.remediation);
  unverified_.push_back(std::move(check));
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it =
      std::find_if(rules.begin(), rules.end(), [id](const Rule* r) { return r->meta.id == id; });
  return it == rules.end() ? nullptr : *it;
}

std::vector<std::string> all_sections() {
  std::set<std::string> sections;
  for (const Rule* rule : all_rules()) sections.emplace(rule->meta.section);
  return {sections.begin(), sections.end()};
}

}  // namespace golive::rules
