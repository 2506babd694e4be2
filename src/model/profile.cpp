#include "model/profile.h"

#include <algorithm>

#include "core/paths.h"
#include "core/strings.h"
#include "model/deploy_jobs.h"
#include "model/k8s.h"
#include "model/license_id.h"
#include "model/model.h"

namespace golive::model {
namespace {

using core::trim;

bool is_setext_underline(std::string_view line) {
  line = trim(line);
  return line.size() >= 3 && line.find_first_not_of('=') == std::string_view::npos;
}

std::string without_tags(std::string_view text) {
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return std::string(trim(out));
}

bool is_readme(std::string_view path) {
  std::string name = core::to_lower(core::base_name(path));
  return name == "readme.md" || name == "readme.markdown" || name == "readme";
}

const TextDocument* root_readme(const RepoModel& model) {
  for (const auto& doc : model.docs) {
    if (doc.path.find('/') == std::string::npos && is_readme(doc.path)) return &doc;
  }
  return nullptr;
}

std::string first_of(const std::vector<deploy::Deployable>& deployables, std::string_view what) {
  for (const auto& deployable : deployables) {
    if (deployable.what == what) return deployable.path;
  }
  return "";
}

// What shows the team runs the service from this repository: a pipeline that deploys, a
// compose file or Kubernetes environment named for production or staging, or Terraform beside
// the code; "" when nothing does.
std::string operated_evidence(const RepoModel& model) {
  for (const auto& job : model.deploy_jobs()) {
    // A pipeline kept as a test fixture (testdata/.gitlab-ci.yml) deploys nothing.
    walk::PathRole role = model.role_of(job.workflow->path);
    if (role != walk::PathRole::kProduct && role != walk::PathRole::kTooling) continue;
    // A CI test that deploys to a throwaway cluster (kind, a test bucket) runs nothing for users.
    std::string name = core::to_lower(job.job->id + " " + job.job->name);
    if (core::contains(name, "test") || core::contains(name, "e2e")) continue;
    return "a deploy pipeline (" + job.describe() + ")";
  }
  // By name part, so that "products" or "backstage" name no tier.
  auto names_a_tier = [](std::string_view name) {
    if (is_production_name(name)) return true;
    for (const auto& part : core::split(core::to_lower(name), '/')) {
      for (const auto& word : core::split(part, '.')) {
        for (std::string_view tier : {"staging", "stage", "stg"}) {
          if (word == tier || word.starts_with(std::string(tier) + "-") ||
              word.ends_with("-" + std::string(tier)) ||
              word.starts_with(std::string(tier) + "_") || word.ends_with("_" + std::string(tier)))
            return true;
        }
      }
    }
    return false;
  };
  for (const auto& compose : model.compose_files) {
    if (model.role_of(compose.path) == walk::PathRole::kProduct &&
        names_a_tier(core::base_name(compose.path)))
      return "a production compose file (" + compose.path + ")";
  }
  for (const auto& environment : model.k8s_environments) {
    if (names_a_tier(environment.name))
      return "the Kubernetes environment '" + environment.name + "'";
  }
  for (const auto& deployable : model.deployables()) {
    if (deployable.what == "Terraform") return "Terraform (" + deployable.path + ")";
  }
  return "";
}

// A service others run: an open-source license and nothing that shows the team deploys it.
// An open-source service that is deployed from here keeps the service profile, and its why
// names what deploys it.
RepoProfile published_application(const RepoModel& model, const RepoProfile& service) {
  const TextDocument* license = root_license(model);
  if (license == nullptr) return service;
  std::string spdx = spdx_id_of(license->text);
  if (spdx.empty()) return service;
  if (std::string evidence = operated_evidence(model); !evidence.empty()) {
    RepoProfile deployed = service;
    deployed.why += "; deployed from here: " + evidence;
    return deployed;
  }
  return RepoProfile{Profile::kApplication,
                     service.why + ", published under " + spdx +
                         " with no deploy pipeline, production environment or Terraform: "
                         "software others run",
                     false};
}

bool ships_compose(const RepoModel& model) {
  for (const auto& compose : model.compose_files) {
    if (model.role_of(compose.path) == walk::PathRole::kProduct) return true;
  }
  return false;
}

}  // namespace

bool heading_names(std::string_view heading, std::string_view word) {
  std::string lower = core::to_lower(heading);
  size_t at = 0;
  while ((at = lower.find(word, at)) != std::string::npos) {
    bool starts = at == 0 || !core::is_identifier_char(lower[at - 1]);
    size_t end = at + word.size();
    if (end < lower.size() && lower[end] == 's') ++end;
    bool ends = end >= lower.size() || !core::is_identifier_char(lower[end]);
    if (starts && ends) return true;
    at = end;
  }
  return false;
}

void apply_readme_roles(RepoModel& model) {
  const TextDocument* root = root_readme(model);
  bool repository_is_a_demo = root != nullptr && heading_names(first_heading(root->text), "demo");
  for (const auto& doc : model.docs) {
    if (doc.path.find('/') == std::string::npos || !is_readme(doc.path)) continue;
    std::string heading = first_heading(doc.text);
    if (!heading_names(heading, "example") && !heading_names(heading, "sample") &&
        !(heading_names(heading, "demo") && !repository_is_a_demo))
      continue;
    std::string directory = std::string(core::directory_name(doc.path)) + "/";
    auto first = std::lower_bound(
        model.files.begin(), model.files.end(), directory,
        [](const SourceFile& file, const std::string& key) { return file.path < key; });
    for (auto it = first; it != model.files.end() && it->path.starts_with(directory); ++it) {
      if (it->role == walk::PathRole::kProduct && !model.roles.overridden(it->path))
        it->role = walk::PathRole::kExample;
    }
  }
}

std::string_view profile_name(Profile profile) {
  switch (profile) {
    case Profile::kService:
      return "service";
    case Profile::kApplication:
      return "application";
    case Profile::kLibrary:
      return "library";
    case Profile::kInfrastructure:
      return "infrastructure";
    case Profile::kManifests:
      return "manifests";
    case Profile::kExamples:
      return "examples";
  }
  return "service";
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (Profile profile : {Profile::kService, Profile::kApplication, Profile::kLibrary,
                          Profile::kInfrastructure, Profile::kManifests, Profile::kExamples}) {
    if (profile_name(profile) == name) return profile;
  }
  return std::nullopt;
}

std::string first_heading(std::string_view markdown) {
  std::string_view previous;
  bool in_fence = false;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    std::string_view text = trim(line);
    if (text.starts_with("```") || text.starts_with("~~~")) in_fence = !in_fence;
    if (in_fence) continue;
    if (text.starts_with("#")) {
      size_t hashes = text.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && text[hashes] == ' ')
        return without_tags(text.substr(hashes + 1));
    }
    if (core::to_lower(text.substr(0, 3)) == "<h1") return without_tags(text);
    if (is_setext_underline(line) && !trim(previous).empty()) return without_tags(previous);
    previous = line;
  }
  return "";
}

RepoProfile detect_service_or_other(const RepoModel& model) {
  if (const TextDocument* readme = root_readme(model)) {
    std::string title = first_heading(readme->text);
    if (heading_names(title, "example") || heading_names(title, "sample"))
      return {Profile::kExamples, readme->path + " title '" + title + "'", false};
  }
  const auto& deployables = model.deployables();
  if (std::string dockerfile = first_of(deployables, "a Dockerfile"); !dockerfile.empty())
    return {Profile::kService, "a Dockerfile (" + dockerfile + ")", false};
  bool code = model.app.has_sources();
  for (std::string_view what :
       {"a Helm chart", "a Kustomize configuration", "Kubernetes manifests"}) {
    std::string path = first_of(deployables, what);
    if (path.empty()) continue;
    if (code)
      return {Profile::kService, std::string(what) + " (" + path + ") and application code", false};
    return {Profile::kManifests,
            std::string(what) + " (" + path + ") and no application code or Dockerfile", false};
  }
  if (code && ships_compose(model))
    return {Profile::kService, "a compose file and application code", false};
  if (code && !model.deploy_jobs().empty())
    return {Profile::kService, "a deploy pipeline and application code", false};
  if (std::string terraform = first_of(deployables, "Terraform"); !terraform.empty())
    return {Profile::kInfrastructure, "Terraform (" + terraform + ") and no service", false};
  for (const auto& file : model.files) {
    if (file.path == "terragrunt.hcl" || file.path.ends_with("/terragrunt.hcl"))
      return {Profile::kInfrastructure, "Terragrunt (" + file.path + ") and no service", false};
  }
  return {Profile::kLibrary, "no Dockerfile, manifests, chart, compose file or deploy pipeline",
          false};
}

RepoProfile detect_profile(const RepoModel& model) {
  RepoProfile profile = detect_service_or_other(model);
  if (profile.kind != Profile::kService) return profile;
  return published_application(model, profile);
}

}  // namespace golive::model
