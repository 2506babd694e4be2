#pragma once
// Queries the container rules share: does an image run a service, which packages a RUN installs,
// which compose files describe production.
#include <string>
#include <string_view>
#include <vector>

#include "model/image_ref.h"
#include "model/model.h"

namespace golive::rules::container {

// The final stage of a Dockerfile runs a long-lived service: it starts from a server image
// (nginx, httpd, caddy, traefik, haproxy, tomcat, ...), it (or a stage it builds on) EXPOSEs a
// port, or its CMD/ENTRYPOINT starts a known server (nginx, gunicorn, uvicorn, java -jar,
// npm start, ...) or binds an address (0.0.0.0, --port, --bind). why names the evidence, e.g.
// "EXPOSE 8080 (line 12)".
bool runs_a_service(const parse::Dockerfile& file, std::string* why);

enum class PackageManager { kApt, kApk, kPip, kNpm, kGem };

// One package installation command of a RUN: apt-get/apt install, apk add, pip install,
// npm install/i/add, gem install.
struct PackageInstall {
  PackageManager manager;
  std::string tool;                   // the command as written: "apt-get", "pip3", ...
  std::vector<std::string> options;   // words starting with '-'
  std::vector<std::string> packages;  // the packages named, without option values
};

// The installs among a RUN script's simple commands.
std::vector<PackageInstall> package_installs(std::string_view script);

// Every service only starts a backing service (postgres, redis, ...) from its stock image: the
// local stack a developer runs next to the code, never how the team's service is deployed.
bool only_backing_services(const model::ComposeFile& compose);

// A compose file for development, tests or CI: outside the product's paths (tests, examples,
// fixtures, tooling; walk/roles.h), or named for such an environment (docker-compose.dev.yml,
// compose.test.yaml, docker-compose.override.yml, docker-compose.ci.yml, a dev/ or ci/ folder).
// Otherwise a compose file is how the service is deployed when its name says production, or when
// the repository deploys no other way (no Kubernetes workload or Helm chart in its own paths)
// and the file does more than start stock databases, caches and queues (the local stack).
bool is_development_compose(const model::RepoModel& model, std::string_view path);

// The definitions of the same service in the compose files of the same folder that Compose
// merges with this one when they run together ('-f compose.yml -f compose.deploy.yml', and
// docker-compose.override.yml by default): a base file and its overlays share a folder and a
// name stem (compose / docker-compose). A setting any of them gives, the running service has.
std::vector<const model::ComposeService*> merged_definitions(const model::RepoModel& model,
                                                             const model::ComposeFile& compose,
                                                             const model::ComposeService& service);
// Only the name and place: what compose-literal-secret relaxes for (throwaway local passwords),
// since a literal credential in a file next to Kubernetes may still be used somewhere.
bool is_named_development_compose(const model::RepoModel& model, std::string_view path);

// The repository path of the Dockerfile a compose service builds (its build context joined to
// the compose file's directory, then build.dockerfile or "Dockerfile"); "" when it builds from a
// URL or does not build. context_dir receives the context directory.
std::string compose_dockerfile_path(const model::ComposeFile& compose,
                                    const model::ComposeService& service,
                                    std::string* context_dir = nullptr);

// The stage a compose service builds: build.target by name, else the last one.
size_t target_stage(const parse::Dockerfile& file, std::string_view target);

// A stage as messages name it: "stage 'build'" when it has an AS name, else "stage 2" (1-based),
// or "the image" for a single-stage Dockerfile.
std::string stage_label(const parse::Dockerfile& file, size_t stage);
// The subject of a message about a stage: "the image of Dockerfile" for a single stage, else
// "stage 'build' of Dockerfile".
std::string stage_subject(const parse::Dockerfile& file, size_t stage, std::string_view path);

// A stage that starts from an image of a registry: not scratch, not an earlier stage, not an
// ARG without a default.
struct ExternalBase {
  size_t stage = 0;
  model::ImageRef ref;
  std::string shown;  // "'node:${V}' (resolving to 'node:20')", for messages
};
std::vector<ExternalBase> external_bases(const parse::Dockerfile& file);

}  // namespace golive::rules::container
