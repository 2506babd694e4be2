#pragma once
// Docker Compose files: services with what production readiness asks of them.
#include <string>
#include <utility>
#include <vector>

#include "parse/yaml.h"

namespace golive::model {

struct ComposeEnvVar {
  std::string name;
  std::string value;  // empty when only the name is passed through
  bool has_value = false;
  int line = 0;
};

struct ComposeService {
  std::string name;
  int line = 0;
  std::string image;  // empty when the service only builds
  int image_line = 0;
  bool builds = false;
  std::string build_context;     // "." when build: names none; relative to the compose file
  std::string build_dockerfile;  // as written under build.dockerfile; empty for "Dockerfile"
  std::string build_target;      // build.target: the stage to build; empty for the last one
  int build_line = 0;
  bool has_healthcheck = false;  // a healthcheck with a test that is not NONE or disable: true
  bool healthcheck_disabled = false;
  int healthcheck_line = 0;
  std::string restart;  // restart: or deploy.restart_policy.condition
  int restart_line = 0;
  std::vector<std::string> profiles;
  std::vector<ComposeEnvVar> environment;
  std::vector<std::string> env_files;
  std::vector<std::string> secrets;
  std::vector<std::string> ports;
  std::vector<std::pair<std::string, std::string>> depends_on;  // service, condition
};

struct ComposeFile {
  std::string path;
  std::vector<ComposeService> services;
};

// The services of a compose document; anything that is not a service mapping is skipped.
ComposeFile extract_compose(const std::string& path, const parse::Node& document);

}  // namespace golive::model
