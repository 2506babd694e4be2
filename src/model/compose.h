#pragma once
// Docker Compose files: services with what production readiness asks of them.
#include <string>
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
  bool has_healthcheck = false;  // a healthcheck that is not disable: true
  bool healthcheck_disabled = false;
  std::string restart;  // restart: or deploy.restart_policy.condition
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

ComposeFile extract_compose(const std::string& path, const parse::Node& document);

}  // namespace golive::model
