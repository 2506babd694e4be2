#include "rules/supply-chain/gate_facts.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"
#include "model/step_kinds.h"
#include "parse/shell.h"
#include "rules/common.h"

namespace golive::rules::supply_chain::gates {
namespace {

using model::Step;
using model::StepKind;

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// phrase occurs in text with no word character glued to either end.
bool has_phrase(std::string_view text, std::string_view phrase) {
  for (size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    size_t end = at + phrase.size();
    if ((at == 0 || !is_word_char(text[at - 1])) &&
        (end >= text.size() || !is_word_char(text[end])))
      return true;
  }
  return false;
}

bool has_any_phrase(std::string_view text, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [text](std::string_view phrase) { return has_phrase(text, phrase); });
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool is_false(std::string_view value) { return value == "false" || value == "no" || value == "0"; }

// Kinds recognised on each command line, so a line can be judged alone.
bool line_is(const ScriptLine& line, StepKind kind) {
  for (const auto& recognition : model::recognise_step("", line.text)) {
    if (recognition.kind == kind) return true;
  }
  return false;
}

bool any_line(const Step& step, bool (*predicate)(const ScriptLine&)) {
  if (step.run.empty()) return false;
  auto lines = script_lines(step);
  return std::any_of(lines.begin(), lines.end(), predicate);
}

// A trivy CLI line that scans the file system or repository (vulnerabilities and, by default,
// secrets).
bool trivy_fs_line(const ScriptLine& line) {
  return has_any_phrase(line.lower, {"trivy fs", "trivy filesystem", "trivy repo",
                                     "trivy repository", "trivy rootfs"});
}

bool scanners_include_secret(std::string_view scanners) {
  return scanners.empty() || scanners.find("secret") != std::string_view::npos;
}

std::string flag_value(std::string_view lower, std::string_view flag) {
  auto tokens = words(lower);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].rfind(std::string(flag) + "=", 0) == 0) return tokens[i].substr(flag.size() + 1);
    if (tokens[i] == flag) return i + 1 < tokens.size() ? tokens[i + 1] : "";
  }
  return "";
}

bool is_trivy_action(const Step& step) { return uses_action(step, "aquasecurity/trivy-action"); }
bool is_anchore_scan(const Step& step) { return uses_action(step, "anchore/scan-action"); }
bool is_build_push_action(const Step& step) {
  return uses_action(step, "docker/build-push-action") || uses_action(step, "docker/bake-action");
}

}  // namespace

bool repository_runs(const model::RepoModel& model, bool (*predicate)(const model::Step&)) {
  return std::any_of(
      model.workflows.begin(), model.workflows.end(),
      [&](const model::Workflow& workflow) { return model.step_scope(workflow).any(predicate); });
}

Anchor ci_anchor(const model::RepoModel& model) {
  const model::Workflow* chosen = nullptr;
  for (const auto& workflow : model.workflows) {
    if (workflow.trigger("pull_request") != nullptr &&
        workflow.system == model::CiSystem::kGithubActions) {
      chosen = &workflow;
      break;
    }
  }
  if (chosen == nullptr) {
    for (const auto& workflow : model.workflows) {
      if (workflow.trigger("pull_request") != nullptr) {
        chosen = &workflow;
        break;
      }
    }
  }
  if (chosen == nullptr && !model.workflows.empty()) chosen = &model.workflows.front();
  if (chosen == nullptr) return {};
  int line = chosen->line;
  if (chosen->system == model::CiSystem::kGithubActions) {
    if (const parse::Node* root = model.yaml_document(chosen->path))
      line = key_line(root, "jobs", line);
  } else if (!chosen->jobs.empty()) {
    line = chosen->jobs.front().line;
  }
  return {chosen->path, line};
}

// ---- predicates --------------------------------------------------------------------------

bool is_sca(const Step& step) {
  if (is_trivy_action(step)) {
    std::string type = input_value(step, "scan-type");
    return type == "fs" || type == "repo" || type == "rootfs" || type == "sbom";
  }
  if (is_anchore_scan(step))
    return !input_value(step, "path").empty() || !input_value(step, "sbom").empty();
  return step.is(StepKind::kSca);
}

bool is_sast(const Step& step) { return step.is(StepKind::kSast); }

bool is_secret_scan(const Step& step) {
  if (step.is(StepKind::kSecretScan)) return true;
  if (is_trivy_action(step)) {
    std::string type = input_value(step, "scan-type");
    return (type == "fs" || type == "repo") &&
           scanners_include_secret(input_value(step, "scanners"));
  }
  return any_line(step, [](const ScriptLine& line) {
    return trivy_fs_line(line) && scanners_include_secret(flag_value(line.lower, "--scanners"));
  });
}

bool is_container_scan(const Step& step) {
  if (is_trivy_action(step)) {
    std::string type = input_value(step, "scan-type");
    return type.empty() || type == "image";
  }
  if (is_anchore_scan(step))
    return !input_value(step, "image").empty() ||
           (input_value(step, "path").empty() && input_value(step, "sbom").empty());
  if (uses_action(step, "snyk/actions/docker")) return true;
  if (!step.uses.empty()) return step.is(StepKind::kContainerScan);
  return any_line(step, [](const ScriptLine& line) {
    return line_is(line, StepKind::kContainerScan) &&
           !has_any_phrase(line.lower, {"grype dir", "grype sbom", "grype file"});
  });
}

bool is_scanner(const Step& step) {
  return is_sca(step) || is_sast(step) || is_secret_scan(step) || is_container_scan(step);
}

bool is_sign(const Step& step) { return step.is(StepKind::kSign); }

bool is_sbom(const Step& step) {
  if (is_build_push_action(step)) {
    std::string sbom = input_value(step, "sbom");
    return !sbom.empty() && !is_false(sbom);
  }
  if (is_trivy_action(step)) {
    std::string format = input_value(step, "format");
    return format == "cyclonedx" || format == "spdx" || format == "spdx-json" || format == "github";
  }
  if (!step.uses.empty()) return step.is(StepKind::kSbom);
  return any_line(step, [](const ScriptLine& line) {
    return line_is(line, StepKind::kSbom) &&
           !has_any_phrase(line.lower, {"--sbom=false", "--sbom=0", "--sbom false"});
  });
}

bool is_provenance(const Step& step) {
  if (is_build_push_action(step)) {
    // Since v4 the action attaches a provenance attestation to what it pushes unless told
    // not to (mode=min by default, mode=max for public repositories).
    std::string provenance = input_value(step, "provenance");
    return provenance.empty() || provenance == "true" ||
           provenance.find("mode=") != std::string::npos;
  }
  if (uses_action(step, "pypa/gh-action-pypi-publish"))
    return !is_false(input_value(step, "attestations"));
  for (const auto& env : step.env) {
    if (core::iequals(env.key, "NPM_CONFIG_PROVENANCE") && core::is_truthy_text(env.value))
      return true;
  }
  if (!step.uses.empty() || step.run.empty()) return step.is(StepKind::kProvenance);
  return any_line(step, [](const ScriptLine& line) {
    if (!line_is(line, StepKind::kProvenance)) return false;
    if (!has_phrase(line.lower, "--provenance")) return true;
    std::string value = flag_value(line.lower, "--provenance");
    return value.empty() || value.rfind('-', 0) == 0 || value == "true" ||
           value.find("mode=max") != std::string::npos;
  });
}

bool is_image_build(const Step& step) { return step.is(StepKind::kImageBuild); }

bool pushes_image(const Step& step) {
  if (is_build_push_action(step)) {
    std::string push = input_value(step, "push");
    std::string outputs = input_value(step, "outputs");
    return (!push.empty() && !is_false(push)) ||
           outputs.find("type=registry") != std::string::npos ||
           outputs.find("push=true") != std::string::npos;
  }
  if (uses_action(step, "redhat-actions/push-to-registry")) return true;
  return any_line(step, image_push_line);
}

bool uploads_release_assets(const Step& step) {
  if (uses_action(step, "softprops/action-gh-release")) return !input_value(step, "files").empty();
  if (uses_action(step, "ncipollo/release-action")) return !input_value(step, "artifacts").empty();
  if (uses_action(step, "actions/upload-release-asset") ||
      uses_action(step, "svenstaro/upload-release-action")) {
    return true;
  }
  if (uses_action(step, "goreleaser/goreleaser-action")) {
    std::string args = input_value(step, "args");
    return args.find("release") != std::string::npos &&
           args.find("--snapshot") == std::string::npos;
  }
  return any_line(step, release_asset_line);
}

bool publishes_package(const Step& step) {
  if (uses_action(step, "pypa/gh-action-pypi-publish") ||
      uses_action(step, "js-devtools/npm-publish"))
    return true;
  return any_line(step, package_publish_line);
}

bool is_release_workflow(const model::Workflow& workflow) {
  if (workflow.trigger("release") != nullptr) return true;
  const model::Trigger* push = workflow.trigger("push");
  return push != nullptr && push->has_tag_filter;
}

bool is_release_job(const model::Workflow& workflow, const model::Job& job) {
  if (is_release_workflow(workflow)) return true;
  if (workflow.system != model::CiSystem::kGitlabCi) return false;
  std::string condition = core::to_lower(job.if_condition);
  return condition.find("ci_commit_tag") != std::string::npos || has_phrase(condition, "tags");
}

// ---- line predicates ----------------------------------------------------------------

bool image_build_line(const ScriptLine& line) { return line_is(line, StepKind::kImageBuild); }

bool image_push_line(const ScriptLine& line) {
  const std::string& text = line.lower;
  if (has_any_phrase(text, {"docker push", "podman push", "buildah push", "nerdctl push",
                            "crane push", "crane copy", "crane cp", "skopeo copy",
                            "docker image push", "docker manifest push", "docker compose push",
                            "docker-compose push", "docker buildx imagetools create"})) {
    return true;
  }
  bool builds = line_is(line, StepKind::kImageBuild);
  if (builds && !has_phrase(text, "--push=false") &&
      (has_phrase(text, "--push") || has_phrase(text, "--push=true") ||
       text.find("type=registry") != std::string::npos)) {
    return true;
  }
  if (text.find("kaniko") != std::string::npos && has_phrase(text, "--destination") &&
      !has_phrase(text, "--no-push")) {
    return true;
  }
  if (has_any_phrase(text, {"ko build", "ko publish", "ko resolve", "ko apply"}))
    return !has_any_phrase(text, {"--local", "-l", "--push=false"});
  if (text.find("jib:build") != std::string::npos) return true;
  if (text.find("gradle") != std::string::npos && has_phrase(text, "jib")) return true;
  if (has_phrase(text, "pack build") && has_phrase(text, "--publish")) return true;
  return text.find("spring-boot:build-image") != std::string::npos &&
         text.find("publish=true") != std::string::npos;
}

bool release_asset_line(const ScriptLine& line) {
  const std::string& text = line.lower;
  if (has_phrase(text, "gh release upload")) return true;
  if (has_phrase(text, "goreleaser release")) return !has_phrase(text, "--snapshot");
  size_t at = text.find("gh release create");
  if (at == std::string::npos) return false;
  // gh release create <tag> [<files>...]: a path or glob after the tag attaches files.
  auto tokens = words(text.substr(at + 17));
  bool tag_seen = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token.rfind('-', 0) == 0) {
      if (token.find('=') == std::string::npos && i + 1 < tokens.size() && token != "--draft" &&
          token != "--prerelease" && token != "--generate-notes" && token != "--latest" &&
          token != "--verify-tag")
        ++i;  // the flag's value
      continue;
    }
    if (token == "\\" || token == "&&" || token == "|" || token == ";") break;
    if (!tag_seen) {
      tag_seen = true;
      continue;
    }
    if (token.find('/') != std::string::npos || token.find('*') != std::string::npos) return true;
  }
  return false;
}

bool package_publish_line(const ScriptLine& line) {
  const std::string& text = line.lower;
  if (has_phrase(text, "--dry-run")) return false;
  if (has_any_phrase(text, {"npm publish", "yarn publish", "yarn npm publish", "pnpm publish",
                            "twine upload", "poetry publish", "uv publish", "flit publish",
                            "hatch publish", "cargo publish", "gem push", "dotnet nuget push",
                            "nuget push", "mix hex.publish", "pub publish"})) {
    return true;
  }
  auto tokens = words(text);
  bool maven = false;
  bool gradle = false;
  for (const auto& token : tokens) {
    std::string_view name = base_name(token);
    maven = maven || name == "mvn" || name == "mvnw";
    gradle = gradle || name == "gradle" || name == "gradlew";
    if (maven && token == "deploy") return true;
    if (gradle && token.rfind("publish", 0) == 0 && token != "publishtomavenlocal") return true;
  }
  return false;
}

Evidence step_evidence(const Step& step, bool (*line_predicate)(const ScriptLine&)) {
  if (!step.run.empty()) {
    for (const auto& line : script_lines(step)) {
      if (line_predicate(line)) return {line.line, core::excerpt(line.text, 80)};
    }
    int first = step.run_line_at(0);
    return {first > 0 ? first : step.line, core::excerpt(core::trim(step.run), 80)};
  }
  return {step.uses_line > 0 ? step.uses_line : step.line, action_name(step)};
}

// ---- publish points -----------------------------------------------------------------

std::vector<PublishPoint> image_publish_points(const model::Workflow& workflow) {
  std::vector<PublishPoint> out;
  for (const auto& job : workflow.jobs) {
    for (const auto& step : job.steps) {
      if (pushes_image(step)) out.push_back({&job, &step, step_evidence(step, image_push_line)});
    }
  }
  if (!out.empty()) return out;
  bool deploys = std::any_of(workflow.jobs.begin(), workflow.jobs.end(),
                             [](const auto& job) { return job.has_step(StepKind::kDeploy); });
  for (const auto& job : workflow.jobs) {
    if (!deploys && !is_release_job(workflow, job)) continue;
    for (const auto& step : job.steps) {
      if (is_image_build(step)) out.push_back({&job, &step, step_evidence(step, image_build_line)});
    }
  }
  return out;
}

std::vector<PublishPoint> release_asset_points(const model::Workflow& workflow) {
  std::vector<PublishPoint> out;
  for (const auto& job : workflow.jobs) {
    for (const auto& step : job.steps) {
      if (uploads_release_assets(step))
        out.push_back({&job, &step, step_evidence(step, release_asset_line)});
    }
  }
  return out;
}

std::vector<PublishPoint> package_publish_points(const model::Workflow& workflow) {
  std::vector<PublishPoint> out;
  for (const auto& job : workflow.jobs) {
    for (const auto& step : job.steps) {
      if (publishes_package(step))
        out.push_back({&job, &step, step_evidence(step, package_publish_line)});
    }
  }
  return out;
}

std::string job_label(const model::Workflow& workflow, const model::Job& job) {
  return "job '" + job.id + "' in " + workflow.path;
}

// ---- helpers -----------------------------------------------------------------------------

std::string action_name(const Step& step) {
  return core::to_lower(core::trim(step.uses.substr(0, step.uses.find('@'))));
}

bool uses_action(const Step& step, std::string_view name) {
  std::string action = action_name(step);
  return action.rfind(name, 0) == 0 && (action.size() == name.size() || action[name.size()] == '/');
}

std::string input_value(const Step& step, std::string_view key) {
  const model::KeyValue* value = step.input(key);
  return value == nullptr ? "" : core::to_lower(core::trim(value->value));
}

std::vector<ScriptLine> script_lines(const Step& step) {
  std::vector<ScriptLine> out;
  for (auto& line : parse::logical_lines(step.run)) {
    int at = step.run_line_at(line.first);
    std::string lower = core::to_lower(line.text);
    out.push_back({std::move(line.text), std::move(lower), at > 0 ? at : step.line});
  }
  return out;
}

const parse::Node* step_node(const model::RepoModel& model, const model::Workflow& workflow,
                             const model::Job& job, const model::Step& step) {
  if (workflow.system != model::CiSystem::kGithubActions) return nullptr;
  const parse::Node* node = model.job_node(workflow, job);
  const parse::Node* steps = node == nullptr ? nullptr : node->find("steps");
  if (steps == nullptr) return nullptr;
  for (const auto& item : steps->children) {
    if (item.mark.line == step.line) return &item;
  }
  return nullptr;
}

int key_line(const parse::Node* node, std::string_view key, int fallback) {
  const parse::Node* child = node == nullptr ? nullptr : node->find(key);
  return child == nullptr ? fallback : child->key_mark.line;
}

const parse::Node* goreleaser_config(const model::RepoModel& model) {
  for (std::string_view path :
       {".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml", "goreleaser.yaml"}) {
    if (const parse::Node* root = model.yaml_document(path)) return root;
  }
  return nullptr;
}

}  // namespace golive::rules::supply_chain::gates
