#include "rules/container/container_facts.h"

#include <algorithm>
#include <optional>

#include "core/paths.h"
#include "core/strings.h"
#include "model/dockerfile_facts.h"
#include "model/image_builds.h"
#include "model/image_ref.h"
#include "model/k8s_index.h"
#include "rules/common.h"

namespace golive::rules::container {
namespace {

template <typename List>
bool one_of(std::string_view word, const List& list) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Programs that serve requests when they are the container's command.
constexpr std::string_view kServers[] = {
    "nginx",       "httpd",          "apache2",      "apache2-foreground",
    "apachectl",   "caddy",          "traefik",      "envoy",
    "haproxy",     "gunicorn",       "uvicorn",      "hypercorn",
    "daphne",      "waitress-serve", "uwsgi",        "puma",
    "unicorn",     "passenger",      "redis-server", "postgres",
    "mongod",      "mysqld",         "memcached",    "nats-server",
    "catalina.sh", "supervisord",    "http-server",  "serve",
    "server",      "runserver",      "grpc-server",  "php-fpm"};

// The program a path names: "/usr/sbin/nginx" -> "nginx".
std::string_view base(std::string_view word) { return base_name(word); }

bool starts_server(const std::vector<std::string>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view word = base(words[i]);
    if (one_of(word, kServers) || word.rfind("php-fpm", 0) == 0) return true;
    if (words[i].find("0.0.0.0") != std::string::npos) return true;
    if (words[i].rfind("--port", 0) == 0 || words[i].rfind("--bind", 0) == 0 ||
        words[i].rfind("--listen", 0) == 0)
      return true;
    bool next_is = i + 1 < words.size();
    if ((word == "npm" || word == "yarn" || word == "pnpm") && next_is && words[i + 1] == "start")
      return true;
    if (word == "java" && std::find(words.begin() + static_cast<std::ptrdiff_t>(i), words.end(),
                                    "-jar") != words.end())
      return true;
    if (word == "rails" && next_is && (words[i + 1] == "server" || words[i + 1] == "s"))
      return true;
    if (word == "flask" && next_is && words[i + 1] == "run") return true;
    if (word == "next" && next_is && words[i + 1] == "start") return true;
  }
  return false;
}

// Official images whose default command is a server.
constexpr std::string_view kServerImages[] = {"nginx",    "httpd",   "caddy",
                                              "traefik",  "haproxy", "tomcat",
                                              "jetty",    "envoy",   "nginx-unprivileged",
                                              "openresty"};

// Options of each package manager that take the next word as their value.
constexpr std::string_view kAptValueOptions[] = {
    "-o", "-t", "-c", "--option", "--target-release", "--config-file"};
constexpr std::string_view kApkValueOptions[] = {
    "-X",     "--repository",        "-t",         "--virtual",   "-p",     "--root",
    "--arch", "--repositories-file", "--keys-dir", "--cache-dir", "--wait", "--cache-max-age"};
constexpr std::string_view kPipValueOptions[] = {"-r",
                                                 "--requirement",
                                                 "-c",
                                                 "--constraint",
                                                 "-e",
                                                 "--editable",
                                                 "-i",
                                                 "--index-url",
                                                 "--extra-index-url",
                                                 "-f",
                                                 "--find-links",
                                                 "-t",
                                                 "--target",
                                                 "--prefix",
                                                 "--root",
                                                 "--trusted-host",
                                                 "--platform",
                                                 "--python-version",
                                                 "--implementation",
                                                 "--abi",
                                                 "--only-binary",
                                                 "--no-binary",
                                                 "--upgrade-strategy",
                                                 "--src",
                                                 "--cache-dir",
                                                 "--log",
                                                 "--proxy",
                                                 "--retries",
                                                 "--timeout",
                                                 "--exists-action",
                                                 "--cert",
                                                 "--config-settings",
                                                 "-C",
                                                 "--python",
                                                 "--progress-bar",
                                                 "-b",
                                                 "--build"};
constexpr std::string_view kNpmValueOptions[] = {"--prefix",     "--registry", "--tag",
                                                 "--cache",      "-w",         "--workspace",
                                                 "--userconfig", "--loglevel"};
constexpr std::string_view kGemValueOptions[] = {
    "-v",     "--version", "-i", "--install-dir",  "-n",         "--bindir",
    "-s",     "--source",  "-P", "--trust-policy", "--platform", "-g",
    "--file", "--document"};

bool takes_value(PackageManager manager, std::string_view option) {
  switch (manager) {
    case PackageManager::kApt:
      return one_of(option, kAptValueOptions);
    case PackageManager::kApk:
      return one_of(option, kApkValueOptions);
    case PackageManager::kPip:
      return one_of(option, kPipValueOptions);
    case PackageManager::kNpm:
      return one_of(option, kNpmValueOptions);
    case PackageManager::kGem:
      return one_of(option, kGemValueOptions);
  }
  return false;
}

bool is_pip(std::string_view tool) {
  return tool == "pip" || tool.rfind("pip3", 0) == 0 || tool.rfind("pip2", 0) == 0;
}

bool is_python(std::string_view tool) { return tool.rfind("python", 0) == 0; }

// The install command that words (a simple command) runs, if any.
std::optional<PackageInstall> install_of(const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  size_t i = 0;
  std::string_view tool = base(words[0]);
  PackageManager manager;
  std::string_view subcommands[3] = {"install", "", ""};
  if (tool == "apt-get" || tool == "apt" || tool == "aptitude") {
    manager = PackageManager::kApt;
  } else if (tool == "apk") {
    manager = PackageManager::kApk;
    subcommands[0] = "add";
  } else if (is_pip(tool)) {
    manager = PackageManager::kPip;
  } else if (is_python(tool) && words.size() > 2 && words[1] == "-m" && is_pip(words[2])) {
    manager = PackageManager::kPip;
    i = 2;
  } else if (tool == "uv" && words.size() > 1 && words[1] == "pip") {
    manager = PackageManager::kPip;
    i = 1;
  } else if (tool == "npm") {
    manager = PackageManager::kNpm;
    subcommands[1] = "i";
    subcommands[2] = "add";
  } else if (tool == "gem") {
    manager = PackageManager::kGem;
  } else {
    return std::nullopt;
  }
  PackageInstall install{manager, std::string(words[i]), {}, {}};
  bool found_subcommand = false;
  for (++i; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.size() > 1 && word.front() == '-') {
      install.options.push_back(word);
      if (word.find('=') == std::string::npos && takes_value(manager, word) &&
          i + 1 < words.size()) {
        install.options.push_back(words[++i]);
      }
      continue;
    }
    if (!found_subcommand) {
      if (std::find(std::begin(subcommands), std::end(subcommands), word) == std::end(subcommands))
        return std::nullopt;
      found_subcommand = true;
      continue;
    }
    install.packages.push_back(word);
  }
  if (!found_subcommand) return std::nullopt;
  return install;
}

}  // namespace

bool runs_a_service(const parse::Dockerfile& file, std::string* why) {
  if (file.stages.empty()) return false;
  size_t final_stage = file.stages.size() - 1;
  // FROM nginx and COPY of a site inherits the server's EXPOSE and CMD from the base.
  const parse::DockerStage& root = file.stages[model::stage_chain(file, final_stage).back()];
  std::string repository = core::to_lower(model::parse_image_ref(root.image).repository);
  if (one_of(base(repository), kServerImages)) {
    if (why != nullptr) *why = "its base image '" + root.image + "' is a server";
    return true;
  }
  auto exposes = model::chain_instructions(file, final_stage, "EXPOSE");
  if (!exposes.empty()) {
    if (why != nullptr)
      *why = "EXPOSE " + exposes.front()->arguments + " (line " +
             std::to_string(exposes.front()->line) + ")";
    return true;
  }
  for (std::string_view keyword : {"ENTRYPOINT", "CMD"}) {
    const parse::DockerInstruction* command =
        model::inherited_instruction(file, final_stage, keyword);
    if (command == nullptr || !starts_server(model::command_words(command->arguments))) continue;
    if (why != nullptr)
      *why = std::string(keyword) + " " + core::excerpt(command->arguments, 60) + " (line " +
             std::to_string(command->line) + ")";
    return true;
  }
  return false;
}

std::vector<PackageInstall> package_installs(std::string_view script) {
  std::vector<PackageInstall> out;
  for (const auto& words : model::shell_commands(script))
    if (auto install = install_of(words)) out.push_back(std::move(*install));
  return out;
}

namespace {

// Images of the databases, caches, queues and mail catchers a developer runs next to the code.
bool backing_service_image(std::string_view image) {
  std::string repository = core::to_lower(model::parse_image_ref(image).repository);
  std::string_view last = base_name(repository);
  for (std::string_view known :
       {"postgres",  "postgis",       "mysql",      "mariadb",      "mongo",
        "redis",     "valkey",        "memcached",  "rabbitmq",     "kafka",
        "zookeeper", "elasticsearch", "opensearch", "minio",        "mailpit",
        "mailhog",   "localstack",    "adminer",    "pgadmin4",     "dynamodb-local",
        "azurite",   "nats",          "cp-kafka",   "cp-zookeeper", "seaweedfs"}) {
    if (last == known) return true;
  }
  return false;
}

// The team deploys with Kubernetes or Helm from its own paths (examples and tests aside).
bool has_other_deploy_target(const model::RepoModel& model) {
  for (const auto& chart : model.helm_charts) {
    if (model.role_of_directory(chart.directory) == walk::PathRole::kProduct) return true;
  }
  bool deployed = false;
  model::for_each_workload(model, [&](const model::WorkloadSite& site) {
    deployed = deployed || model.role_of(site.object.where().path) == walk::PathRole::kProduct;
  });
  return deployed;
}

}  // namespace

bool only_backing_services(const model::ComposeFile& compose) {
  return !compose.services.empty() && std::all_of(compose.services.begin(), compose.services.end(),
                                                  [](const model::ComposeService& service) {
                                                    return !service.builds &&
                                                           backing_service_image(service.image);
                                                  });
}

bool is_named_development_compose(const model::RepoModel& model, std::string_view path) {
  if (model.role_of(path) != walk::PathRole::kProduct) return true;
  // Environment words in the name or a folder: these are names of environments, not path roles.
  std::string lower = core::to_lower(path);
  std::string_view name = base_name(lower);
  for (std::string_view word :
       {".dev.", ".development.", ".local.", ".test.", ".tests.", ".ci.", ".e2e.", ".override.",
        ".debug.", "-dev.", "-test.", "-ci.", "-local.", "-e2e.", "_dev.", "_test."}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  for (const auto& part : core::split(directory_name(lower), '/')) {
    if (part == "dev" || part == "ci") return true;
  }
  return false;
}

bool is_development_compose(const model::RepoModel& model, std::string_view path) {
  if (is_named_development_compose(model, path)) return true;
  // Named for production: it is how the service is deployed.
  if (core::contains(base_name(core::to_lower(path)), "prod")) return false;
  // Kubernetes or Helm deploys the service, so the compose file is the local stack.
  if (has_other_deploy_target(model)) return true;
  for (const auto& compose : model.compose_files) {
    if (compose.path == path) return only_backing_services(compose);
  }
  return false;
}

std::string compose_dockerfile_path(const model::ComposeFile& compose,
                                    const model::ComposeService& service,
                                    std::string* context_dir) {
  if (!service.builds || service.build_context.find("://") != std::string::npos ||
      service.build_context.rfind("git@", 0) == 0)
    return "";
  std::string context = core::join_path(directory_name(compose.path), service.build_context);
  if (context_dir != nullptr) *context_dir = context;
  return core::join_path(
      context, service.build_dockerfile.empty() ? "Dockerfile" : service.build_dockerfile);
}

size_t target_stage(const parse::Dockerfile& file, std::string_view target) {
  if (!target.empty()) {
    for (size_t i = 0; i < file.stages.size(); ++i)
      if (core::iequals(file.stages[i].name, target)) return i;
  }
  return file.stages.empty() ? 0 : file.stages.size() - 1;
}

std::string stage_label(const parse::Dockerfile& file, size_t stage) {
  if (file.stages.size() == 1) return "the image";
  if (stage < file.stages.size() && !file.stages[stage].name.empty())
    return "stage '" + file.stages[stage].name + "'";
  return "stage " + std::to_string(stage + 1);
}

std::string stage_subject(const parse::Dockerfile& file, size_t stage, std::string_view path) {
  if (file.stages.size() == 1) return "the image of " + std::string(path);
  return stage_label(file, stage) + " of " + std::string(path);
}

std::vector<ExternalBase> external_bases(const parse::Dockerfile& file) {
  std::vector<ExternalBase> out;
  for (size_t i = 0; i < file.stages.size(); ++i) {
    const parse::DockerStage& stage = file.stages[i];
    if (stage.image.empty() || model::from_scratch(stage) || model::from_earlier_stage(file, i) ||
        model::from_unresolved_arg(file, stage))
      continue;
    std::string shown = "'" + stage.raw_image + "'";
    if (stage.raw_image != stage.image) shown += " (resolving to '" + stage.image + "')";
    out.push_back({i, model::parse_image_ref(stage.image), std::move(shown)});
  }
  return out;
}

namespace {

// "compose" for compose.yml and compose.deploy.yml, "docker-compose" for docker-compose.yml
// and docker-compose.override.yml; "" for any other name.
std::string_view compose_stem(std::string_view path) {
  std::string_view name = base_name(path);
  for (std::string_view stem : {"docker-compose", "compose"}) {
    if (name.starts_with(stem) && name.size() > stem.size() && name[stem.size()] == '.')
      return stem;
  }
  return "";
}

}  // namespace

std::vector<const model::ComposeService*> merged_definitions(const model::RepoModel& model,
                                                             const model::ComposeFile& compose,
                                                             const model::ComposeService& service) {
  std::vector<const model::ComposeService*> out;
  std::string_view stem = compose_stem(compose.path);
  if (stem.empty()) return out;
  std::string_view directory = directory_name(compose.path);
  for (const auto& other : model.compose_files) {
    if (&other == &compose || directory_name(other.path) != directory ||
        compose_stem(other.path) != stem)
      continue;
    for (const auto& candidate : other.services) {
      if (candidate.name == service.name) out.push_back(&candidate);
    }
  }
  return out;
}

}  // namespace golive::rules::container
