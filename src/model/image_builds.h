#pragma once
// Which of the repository's Dockerfiles build the images its Kubernetes containers run. An
// image is matched by its last path segment to the directory holding a Dockerfile
// ("ghcr.io/acme/api:1.2" runs services/api/Dockerfile; a root Dockerfile matches the
// repository's own name). Rules use it to let one side vouch for the other: a Deployment that
// enforces a non-root user covers an image without USER, and an image with a non-root USER
// covers a container that does not repeat it.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/yaml.h"

namespace golive::model {

struct RepoModel;
struct K8sEnvironment;
struct RenderedObject;
struct DockerfileModel;
struct CiCommand;

// A container, in one environment, that runs an image built from a Dockerfile of the repository.
struct ImageUse {
  const K8sEnvironment* environment = nullptr;
  const RenderedObject* object = nullptr;
  const parse::Node* pod_spec = nullptr;
  const parse::Node* container = nullptr;
};

// The directory holding the Dockerfile that builds image, or nullopt.
std::optional<std::string> code_directory_for(const RepoModel& model, std::string_view image);
// "Dockerfile" or "<directory>/Dockerfile".
std::string dockerfile_in(std::string_view directory);
// The Dockerfile that builds image, or nullptr.
const DockerfileModel* dockerfile_for_image(const RepoModel& model, std::string_view image);

// Every container that runs an image of the Dockerfile at path, by path (RepoModel::image_uses
// derives the index once).
std::map<std::string, std::vector<ImageUse>, std::less<>> find_image_uses(const RepoModel& model);
// The directory of each Dockerfile by the image name it builds (its folder's name; for a root
// Dockerfile the checkout's name and the root manifest's project name); the first wins
// (RepoModel::dockerfile_directories derives it once).
std::map<std::string, std::string, std::less<>> find_dockerfile_directories(const RepoModel& model);

// True when the container or its pod makes Kubernetes run it as a non-root user: runAsNonRoot:
// true (without runAsUser: 0) or a runAsUser above 0, the container's setting winning.
bool enforces_non_root(const ImageUse& use);

// True when the final stage of a Dockerfile names a non-root USER (a name, a uid above 0 or a
// $VARIABLE), itself or through the stages it builds on.
bool sets_non_root_user(const DockerfileModel& dockerfile);

// Whether the Dockerfile's image shows it is a service: its final stage EXPOSEs a port, or a
// compose service or Kubernetes workload of the repository runs it. A command-line or build
// tool's image shows neither.
bool runs_as_service(const RepoModel& model, const DockerfileModel& dockerfile);
// True when a compose service of the repository builds the Dockerfile at path.
bool compose_builds(const RepoModel& model, std::string_view path);

// Images whose name or tag says they run unprivileged: distroless ':nonroot', '-rootless' and
// '-unprivileged' variants.
bool names_non_root_user(std::string_view image);
// Official and widely used images whose default user is root (python, node, nginx, alpine,
// distroless, .NET, ...); for any other image the user is its own business, unseen by golive.
bool runs_as_root_by_default(std::string_view image);

// Images a deploy tool builds and tags when it deploys (Skaffold's build.artifacts, in profiles
// too): a manifest that names one without a tag is a placeholder the tool rewrites, not an
// image pulled as 'latest'. Derived once (RepoModel::deploy_time_images).
std::vector<std::string> find_deploy_time_images(const RepoModel& model);
// True when the manifest image text names such an image with no tag or digest of its own.
bool tagged_at_deploy(const RepoModel& model, std::string_view image);

// The Dockerfiles skaffold.yaml files build (artifact context plus docker.dockerfile), sorted.
std::vector<std::string> skaffold_dockerfiles(const RepoModel& model);
// The Dockerfiles .goreleaser.yml's dockers and dockers_v2 build (default "Dockerfile"), sorted.
std::vector<std::string> goreleaser_dockerfiles(const RepoModel& model);

// True when the CI command builds the image of the Dockerfile at path: a docker build (or
// build-push-action) that names it or its directory, runs in its directory, or a compose or
// bake build.
bool ci_builds_dockerfile(const CiCommand& command, std::string_view dockerfile);

// The image repositories (registry/name, lower-cased, without tag) that the repository's own
// build commands tag: '-t NAME:TAG' and '--tag NAME' in CI commands, make targets, npm scripts
// and shell scripts. FROM such an image builds on the team's own image. Sorted; derived once
// (RepoModel::tagged_images).
std::vector<std::string> images_tagged_here(const RepoModel& model);

// True when something in the repository builds the Dockerfile's image: it is the root
// Dockerfile, a Kubernetes workload or compose service runs it, skaffold or goreleaser builds
// it, a CI command builds it, or a make target or npm script names it; also true when a
// docker-bake file (whose targets golive does not read) may. A Dockerfile nothing builds may
// be a leftover or built elsewhere: golive cannot tell that it ships. Looks up
// RepoModel::built_dockerfiles, which find_built_dockerfiles derives once.
bool built_by_repository(const RepoModel& model, const DockerfileModel& dockerfile);
std::vector<std::string> find_built_dockerfiles(const RepoModel& model);

}  // namespace golive::model
