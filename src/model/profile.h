#pragma once
// What kind of repository this is, which decides the rules that apply to it: rules about
// missing documents and practices (runbooks, on-call, tracing, rate limiting, backups) are for
// repositories that ship a service, not for libraries or collections of manifests, and an
// examples collection is read the way examples are (docs/profiles.md).
#include <optional>
#include <string>
#include <string_view>

namespace golive::model {

struct RepoModel;

enum class Profile {
  kService,         // builds something that runs, and the repository shows it deployed
  kApplication,     // builds a service others run: open source, nothing here deploys it
  kLibrary,         // code and packages, nothing deployed from here
  kInfrastructure,  // Terraform or Terragrunt, no service of its own
  kManifests,       // Kubernetes manifests or charts of software built elsewhere
  kExamples,        // a collection of examples: nothing in it is what a team deploys as is
};

struct RepoProfile {
  Profile kind = Profile::kLibrary;
  std::string why;          // "a Dockerfile (src/api/Dockerfile)", "README title '...'"
  bool configured = false;  // set by .golive.yml `profile:`
};

std::string_view profile_name(Profile profile);
std::optional<Profile> parse_profile(std::string_view name);

// The profile the repository's files show.
RepoProfile detect_profile(const RepoModel& model);

// Whether a heading names word or its plural as a word of its own: "Kubernetes Examples" and
// "flux2-kustomize-helm-example" name "example"; "Exemplary" does not.
bool heading_names(std::string_view heading, std::string_view word);

// Folders whose README's first heading names examples, or a demo in a repository whose own
// README does not: their product files are examples (docs/path-roles.md). Needs model.files
// sorted by path; `paths:` overrides in the configuration win.
void apply_readme_roles(RepoModel& model);

// The first heading of a Markdown document ("# Title", a setext title, or <h1>), or "".
std::string first_heading(std::string_view markdown);

}  // namespace golive::model
