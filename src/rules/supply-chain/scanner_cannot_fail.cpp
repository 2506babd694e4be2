#include <algorithm>
#include <cctype>
#include <optional>

#include "core/strings.h"
#include "rules/common.h"
#include "rules/rule.h"
#include "rules/supply-chain/gate_facts.h"

namespace golive::rules::supply_chain {
namespace {

using gates::ScriptLine;

struct Problem {
  int line = 0;
  std::string what;
};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

bool has_word(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at == 0 || !is_word_char(text[at - 1])) &&
        (end >= text.size() || !is_word_char(text[end])))
      return true;
  }
  return false;
}

// The value of a flag ("--exit-code 1", "--exit-code=1"); nullopt when absent, "" when bare.
std::optional<std::string> flag(std::string_view lower, std::string_view name) {
  size_t at = 0;
  while ((at = lower.find(name, at)) != std::string_view::npos) {
    size_t end = at + name.size();
    bool starts = at == 0 || lower[at - 1] == ' ';
    if (!starts || (end < lower.size() && lower[end] != ' ' && lower[end] != '=')) {
      at = end;
      continue;
    }
    size_t value_start = end < lower.size() ? end + 1 : end;
    if (end < lower.size() && lower[end] == ' ' && value_start < lower.size() &&
        lower[value_start] == '-') {
      return "";
    }
    size_t value_end = lower.find(' ', value_start);
    return std::string(lower.substr(value_start, value_end == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : value_end - value_start));
  }
  return std::nullopt;
}

bool is_zero(const std::optional<std::string>& value) {
  return !value || *value == "0" || *value == "\"0\"" || *value == "'0'";
}

// Environment and config files that make a scanner fail without a flag on the command line.
struct Defaults {
  bool trivy_fails = false;
  bool grype_fails = false;
};

bool env_sets(const std::vector<model::KeyValue>& env, std::string_view key) {
  return std::any_of(env.begin(), env.end(), [&](const model::KeyValue& kv) {
    return kv.key == key && !kv.value.empty() && kv.value != "0";
  });
}

Defaults config_defaults(const model::RepoModel& model) {
  Defaults defaults;
  for (const auto& file : model.files) {
    std::string_view name = base_name(file.path);
    if (name.find("trivy") == std::string_view::npos &&
        name.find("grype") == std::string_view::npos)
      continue;
    const parse::Node* document = model.yaml_document(file.path);
    if (document == nullptr) continue;
    const parse::Node& root = *document;
    if (name == "trivy.yaml" || name == ".trivy.yaml" || name == "trivy.yml") {
      std::string code = root.get("exit-code");
      defaults.trivy_fails = defaults.trivy_fails || (!code.empty() && code != "0");
    }
    if (name == ".grype.yaml" || name == "grype.yaml" || name == ".grype.yml") {
      defaults.grype_fails = defaults.grype_fails || !root.get("fail-on-severity").empty();
    }
  }
  return defaults;
}

bool is_setup_line(std::string_view lower) {
  return has_word(lower, "install") || has_word(lower, "--version") || has_word(lower, "version") ||
         has_word(lower, "pull") || has_word(lower, "download") || has_word(lower, "curl") ||
         has_word(lower, "wget") || has_word(lower, "login") || has_word(lower, "db") ||
         has_word(lower, "echo");
}

bool is_scanner_line(const ScriptLine& line) {
  for (const auto& recognition : model::recognise_step("", line.text)) {
    switch (recognition.kind) {
      case model::StepKind::kSca:
      case model::StepKind::kSast:
      case model::StepKind::kSecretScan:
      case model::StepKind::kContainerScan:
        return true;
      default:
        break;
    }
  }
  return has_word(line.lower, "trivy") || has_word(line.lower, "semgrep");
}

// Why a scanner command line cannot fail the build, or "".
std::string line_problem(const ScriptLine& line, const Defaults& defaults, bool trivy_env,
                         bool grype_env) {
  const std::string& text = line.lower;
  if (is_setup_line(text)) return "";
  for (std::string_view swallow : {"|| true", "||true", "|| exit 0", "|| :", "|| echo"}) {
    if (text.find(swallow) != std::string::npos)
      return "ends in '" + std::string(swallow) + "', so the scan never fails the build";
  }
  bool sbom_output =
      text.find("cyclonedx") != std::string::npos || text.find("spdx") != std::string::npos;
  if (has_word(text, "trivy") && !sbom_output && !defaults.trivy_fails && !trivy_env &&
      is_zero(flag(text, "--exit-code"))) {
    return "runs trivy without '--exit-code 1', so it exits 0 whatever it finds";
  }
  if (has_word(text, "grype") && !defaults.grype_fails && !grype_env && !flag(text, "--fail-on") &&
      !flag(text, "-f")) {
    return "runs grype without '--fail-on <severity>', so it exits 0 whatever it finds";
  }
  if (has_word(text, "semgrep") && !has_word(text, "semgrep ci") && !flag(text, "--error")) {
    return "runs semgrep without '--error' (or 'semgrep ci'), so findings exit 0";
  }
  if (has_word(text, "bandit") && flag(text, "--exit-zero")) return "runs bandit with --exit-zero";
  if (has_word(text, "gosec") && flag(text, "-no-fail")) return "runs gosec with -no-fail";
  if (has_word(text, "gitleaks") && flag(text, "--exit-code") && is_zero(flag(text, "--exit-code")))
    return "runs gitleaks with '--exit-code 0'";
  if (has_word(text, "trufflehog") && !flag(text, "--fail"))
    return "runs trufflehog without --fail, so verified secrets still exit 0";
  if (has_word(text, "safety") && (flag(text, "--continue-on-error") || flag(text, "--exit-zero")))
    return "runs safety with --continue-on-error";
  if (text.find("docker scout cves") != std::string::npos && !flag(text, "--exit-code"))
    return "runs 'docker scout cves' without --exit-code, so it exits 0 whatever it finds";
  if ((text.find("dependency-check.sh") != std::string::npos ||
       (has_word(text, "dependency-check") && flag(text, "--scan"))) &&
      text.find("--failoncvss") == std::string::npos) {
    return "runs OWASP dependency-check without --failOnCVSS, so it never fails";
  }
  return "";
}

class Checker {
 public:
  explicit Checker(RuleContext& context)
      : context_(context), defaults_(config_defaults(context.model())) {}

  void workflow(const model::Workflow& workflow) {
    for (const auto& job : workflow.jobs) {
      const parse::Node* node = context_.model().job_node(workflow, job);
      bool scans = std::any_of(job.steps.begin(), job.steps.end(), gates::is_scanner);
      // allow_failure: { exit_codes: [...] } lets only chosen exit codes pass: still a gate.
      const parse::Node* allow = node == nullptr ? nullptr : node->find("allow_failure");
      bool exit_codes_only = allow != nullptr && allow->is_map();
      if (job.continue_on_error && scans && !exit_codes_only) {
        bool gitlab = workflow.system == model::CiSystem::kGitlabCi;
        const char* key = gitlab ? "allow_failure" : "continue-on-error";
        context_.report(gates::job_label(workflow, job) + " runs a security scan with " + key +
                            ", so a failing scan never blocks the " +
                            (gitlab ? "pipeline" : "workflow"),
                        workflow.path, gates::key_line(node, key, job.line));
      }
      if (job.uses.find("osv-scanner") != std::string::npos) {
        for (const auto& input : job.with) {
          if (input.key == "fail-on-vuln" && core::to_lower(input.value) == "false") {
            context_.report(
                gates::job_label(workflow, job) + " calls osv-scanner with fail-on-vuln: false",
                workflow.path, input.line);
          }
        }
      }
      bool trivy_env =
          env_sets(workflow.env, "TRIVY_EXIT_CODE") || env_sets(job.env, "TRIVY_EXIT_CODE");
      bool grype_env = env_sets(workflow.env, "GRYPE_FAIL_ON_SEVERITY") ||
                       env_sets(job.env, "GRYPE_FAIL_ON_SEVERITY");
      for (const auto& step : job.steps) {
        const parse::Node* raw = gates::step_node(context_.model(), workflow, job, step);
        check_step(step, workflow.path, gates::job_label(workflow, job), raw, trivy_env, grype_env);
      }
    }
  }

  void action(const model::CompositeAction& action) {
    for (const auto& step : action.steps)
      check_step(step, action.path, "action " + action.directory, nullptr, false, false);
  }

 private:
  void check_step(const model::Step& step, const std::string& path, const std::string& where,
                  const parse::Node* raw, bool trivy_env, bool grype_env) {
    if (!gates::is_scanner(step)) return;
    if (gates::uses_action(step, "github/codeql-action")) return;  // alerts gate, not exit codes
    std::string label = "step " + step.label() + " of " + where;
    if (step.continue_on_error) {
      context_.report(label + " has continue-on-error: true, so its findings never fail the build",
                      path, gates::key_line(raw, "continue-on-error", step.line));
      return;
    }
    trivy_env = trivy_env || env_sets(step.env, "TRIVY_EXIT_CODE");
    grype_env = grype_env || env_sets(step.env, "GRYPE_FAIL_ON_SEVERITY");
    if (auto problem = action_problem(step, trivy_env)) {
      context_.report(label + " " + problem->what, path, problem->line);
      return;
    }
    if (step.run.empty()) return;
    for (const auto& line : gates::script_lines(step)) {
      if (!is_scanner_line(line)) continue;
      std::string problem = line_problem(line, defaults_, trivy_env, grype_env);
      if (problem.empty()) continue;
      context_.report("'" + core::excerpt(line.text, 80) + "' in " + where + " " + problem, path,
                      line.line);
    }
  }

  std::optional<Problem> action_problem(const model::Step& step, bool trivy_env) const {
    int uses_line = step.uses_line > 0 ? step.uses_line : step.line;
    auto input_line = [&](std::string_view key) {
      const model::KeyValue* input = step.input(key);
      return input != nullptr ? input->line : uses_line;
    };
    if (gates::uses_action(step, "aquasecurity/trivy-action")) {
      std::string format = gates::input_value(step, "format");
      if (format == "cyclonedx" || format == "spdx" || format == "spdx-json" || format == "github")
        return std::nullopt;
      std::string code = gates::input_value(step, "exit-code");
      bool expression = code.find("${{") != std::string::npos;
      if (!expression && (code.empty() || code == "0") && !trivy_env && !defaults_.trivy_fails &&
          gates::input_value(step, "trivy-config").empty()) {
        return Problem{input_line("exit-code"),
                       "runs trivy-action without exit-code: 1, so it exits 0 whatever it finds"};
      }
    }
    if (gates::uses_action(step, "anchore/scan-action") &&
        gates::input_value(step, "fail-build") == "false") {
      return Problem{input_line("fail-build"), "sets fail-build: false"};
    }
    if (gates::uses_action(step, "docker/scout-action")) {
      std::string command = gates::input_value(step, "command");
      if ((command.empty() || command.find("cves") != std::string::npos) &&
          gates::input_value(step, "exit-code") != "true") {
        return Problem{input_line("exit-code"),
                       "runs docker scout cves without exit-code: true, so it never fails"};
      }
    }
    if (gates::uses_action(step, "actions/dependency-review-action") &&
        gates::input_value(step, "warn-only") == "true") {
      return Problem{input_line("warn-only"), "sets warn-only: true"};
    }
    if (gates::uses_action(step, "snyk/actions")) {
      std::string args = gates::input_value(step, "args");
      if (args.find("|| true") != std::string::npos)
        return Problem{input_line("args"), "swallows its exit code"};
    }
    return std::nullopt;
  }

  RuleContext& context_;
  Defaults defaults_;
};

void check(RuleContext& context) {
  const auto& model = context.model();
  bool any_scanner = false;
  for (const auto& workflow : model.workflows) {
    for (const auto& job : workflow.jobs) {
      any_scanner = any_scanner ||
                    std::any_of(job.steps.begin(), job.steps.end(), gates::is_scanner) ||
                    job.uses.find("osv-scanner") != std::string::npos;
    }
  }
  for (const auto& action : model.actions) {
    any_scanner =
        any_scanner || std::any_of(action.steps.begin(), action.steps.end(), gates::is_scanner);
  }
  if (!any_scanner) return context.not_applicable("no CI step runs a security scanner");
  Checker checker(context);
  for (const auto& workflow : model.workflows) checker.workflow(workflow);
  for (const auto& action : model.actions) checker.action(action);
}

}  // namespace

extern const Rule kScannerCannotFail;
const Rule kScannerCannotFail{
    {.id = "supply-chain/scanner-cannot-fail",
     .section = "supply-chain",
     .title = "Security scanners can fail the build",
     .severity = Severity::kWarning,
     .seeds = "000 T010, 003 P2-03, 003 P2-04",
     .rationale =
         "A scanner that always exits 0 prints its findings into a log nobody reads: trivy and "
         "grype exit 0 by default, semgrep without --error too, and '|| true', "
         "continue-on-error or allow_failure turn any scan into decoration. The standard asks "
         "for scans as blocking gates.",
     .remediation =
         "Make the scan fail on what matters and triage the rest explicitly: 'exit-code: \"1\"' "
         "with 'severity: CRITICAL,HIGH' and 'ignore-unfixed: true' on trivy-action (or "
         "'--exit-code 1'), 'grype <image> --fail-on high', 'semgrep ci'; drop '|| true', "
         "continue-on-error and allow_failure, and record accepted risks in .trivyignore or a "
         "waiver instead.",
     .also = "GitLab security policies, zizmor"},
    check};

}  // namespace golive::rules::supply_chain
