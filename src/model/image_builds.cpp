#include "model/image_builds.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/paths.h"
#include "core/strings.h"
#include "model/coverage.h"
#include "model/dockerfile_facts.h"
#include "model/image_ref.h"
#include "model/k8s_index.h"
#include "model/model.h"

namespace golive::model {
namespace {

const parse::Node* security_field(const parse::Node* owner, std::string_view key) {
  if (owner == nullptr || !owner->is_map()) return nullptr;
  const parse::Node* context = owner->find("securityContext");
  return context != nullptr && context->is_map() ? context->find(key) : nullptr;
}

}  // namespace

std::optional<std::string> code_directory_for(const RepoModel& model, std::string_view image) {
  if (size_t at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  size_t slash = image.rfind('/');
  std::string_view last = slash == std::string_view::npos ? image : image.substr(slash + 1);
  if (size_t colon = last.find(':'); colon != std::string_view::npos) last = last.substr(0, colon);
  if (last.empty() || last.find("{{") != std::string_view::npos) return std::nullopt;
  const auto& directories = model.dockerfile_directories();
  auto found = directories.find(last);
  if (found == directories.end()) return std::nullopt;
  return found->second;
}

std::map<std::string, std::string, std::less<>> find_dockerfile_directories(
    const RepoModel& model) {
  std::map<std::string, std::string, std::less<>> out;
  std::string root_name(core::base_name(model.root));
  while (!root_name.empty() && root_name.back() == '/') root_name.pop_back();
  for (const auto& dockerfile : model.dockerfiles) {
    std::string directory = std::string(core::directory_name(dockerfile.path));
    if (!directory.empty()) {
      out.emplace(std::string(core::base_name(directory)), directory);
      continue;
    }
    // A root Dockerfile builds the repository's own image: named like the checkout's folder or
    // like the project its root manifest names (go.mod's module, package.json's name).
    out.emplace(root_name, "");
    for (const auto& ecosystem : model.ecosystems) {
      if ((ecosystem.directory == "." || ecosystem.directory.empty()) &&
          !ecosystem.project_name.empty())
        out.emplace(ecosystem.project_name, "");
    }
  }
  return out;
}

std::string dockerfile_in(std::string_view directory) {
  return directory.empty() ? "Dockerfile" : std::string(directory) + "/Dockerfile";
}

const DockerfileModel* dockerfile_for_image(const RepoModel& model, std::string_view image) {
  auto directory = code_directory_for(model, image);
  if (!directory) return nullptr;
  std::string path = dockerfile_in(*directory);
  auto found = std::lower_bound(
      model.dockerfiles.begin(), model.dockerfiles.end(), path,
      [](const DockerfileModel& dockerfile, const std::string& p) { return dockerfile.path < p; });
  if (found != model.dockerfiles.end() && found->path == path) return &*found;
  // A model assembled by hand (tests) may list Dockerfiles in any order.
  for (const auto& dockerfile : model.dockerfiles) {
    if (dockerfile.path == path) return &dockerfile;
  }
  return nullptr;
}

std::map<std::string, std::vector<ImageUse>, std::less<>> find_image_uses(const RepoModel& model) {
  std::map<std::string, std::vector<ImageUse>, std::less<>> out;
  for_each_container(model, false, [&](const ContainerSite& site) {
    const parse::Node* image =
        site.container.node != nullptr ? site.container.node->find("image") : nullptr;
    if (image == nullptr || !image->is_scalar()) return;
    const DockerfileModel* dockerfile = dockerfile_for_image(model, image->value);
    if (dockerfile == nullptr) return;
    out[dockerfile->path].push_back(
        {&site.environment, &site.object, &site.pod_spec, site.container.node});
  });
  return out;
}

bool enforces_non_root(const ImageUse& use) {
  for (const parse::Node* owner : {use.container, use.pod_spec}) {
    const parse::Node* user = security_field(owner, "runAsUser");
    if (auto uid = int_value(user)) return *uid > 0;
    const parse::Node* non_root = security_field(owner, "runAsNonRoot");
    if (non_root != nullptr) return non_root->truthy();
  }
  return false;
}

bool sets_non_root_user(const DockerfileModel& dockerfile) {
  const parse::Dockerfile& file = dockerfile.parsed;
  if (file.stages.empty()) return false;
  const parse::DockerInstruction* user =
      inherited_instruction(file, file.stages.size() - 1, "USER");
  return user != nullptr && !is_root_user(core::trim(user->arguments));
}

namespace {

// The artifacts of a skaffold build section: their images, or the Dockerfiles they build
// (context, plus docker.dockerfile or "Dockerfile"), relative to the skaffold file's folder.
void add_artifacts(const parse::Node* build, std::string_view base, bool dockerfiles,
                   std::vector<std::string>& out) {
  const parse::Node* artifacts =
      build != nullptr && build->is_map() ? build->find("artifacts") : nullptr;
  if (artifacts == nullptr || !artifacts->is_seq()) return;
  for (const auto& artifact : artifacts->children) {
    if (!artifact.is_map()) continue;
    std::string item = artifact.get("image");
    if (dockerfiles) {
      const parse::Node* docker = artifact.find("docker");
      std::string file = docker != nullptr && docker->is_map() ? docker->get("dockerfile") : "";
      item = core::join_path(core::join_path(base, artifact.get("context", ".")),
                             file.empty() ? "Dockerfile" : file);
    }
    if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
}

std::vector<std::string> skaffold_artifacts(const RepoModel& model, bool dockerfiles) {
  std::vector<std::string> out;
  for (const auto& set : model.yaml_files) {
    std::string_view name = core::base_name(set.path);
    if (!core::starts_with(name, "skaffold") ||
        !(core::ends_with(name, ".yaml") || core::ends_with(name, ".yml")))
      continue;
    std::string_view base = core::directory_name(set.path);
    for (const auto& document : set.documents) {
      if (!document.is_map()) continue;
      add_artifacts(document.find("build"), base, dockerfiles, out);
      const parse::Node* profiles = document.find("profiles");
      if (profiles == nullptr || !profiles->is_seq()) continue;
      for (const auto& profile : profiles->children) {
        if (profile.is_map()) add_artifacts(profile.find("build"), base, dockerfiles, out);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> find_deploy_time_images(const RepoModel& model) {
  return skaffold_artifacts(model, false);
}

std::vector<std::string> skaffold_dockerfiles(const RepoModel& model) {
  return skaffold_artifacts(model, true);
}

bool tagged_at_deploy(const RepoModel& model, std::string_view image) {
  if (image.find_first_of(":@") != std::string_view::npos) return false;
  const auto& images = model.deploy_time_images();
  return std::binary_search(images.begin(), images.end(), image);
}

bool runs_as_service(const RepoModel& model, const DockerfileModel& dockerfile) {
  const parse::Dockerfile& file = dockerfile.parsed;
  if (!file.stages.empty() &&
      inherited_instruction(file, file.stages.size() - 1, "EXPOSE") != nullptr)
    return true;
  return !model.image_uses(dockerfile.path).empty() || compose_builds(model, dockerfile.path);
}

namespace {

// The Dockerfiles the compose services of the repository build, sorted.
std::vector<std::string> compose_built_dockerfiles(const RepoModel& model) {
  std::vector<std::string> out;
  for (const auto& compose : model.compose_files) {
    std::string_view directory = core::directory_name(compose.path);
    for (const auto& service : compose.services) {
      if (!service.builds || service.build_context.find("://") != std::string::npos) continue;
      std::string context = core::join_path(directory, service.build_context);
      out.push_back(core::normalize_path(core::join_path(
          context, service.build_dockerfile.empty() ? "Dockerfile" : service.build_dockerfile)));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// A compose service that builds the Dockerfile runs it.
bool compose_builds(const RepoModel& model, std::string_view path) {
  const auto built = compose_built_dockerfiles(model);
  return std::binary_search(built.begin(), built.end(), path);
}

namespace {

// The values of -f / --file / file= in a docker build command or build-push-action inputs (one
// per value a matrix expression takes; "*" when it may be anything).
std::vector<std::string> file_arguments(std::string_view text) {
  std::vector<std::string> files;
  auto words = core::split(text, ' ');
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if ((word == "-f" || word == "--file") && i + 1 < words.size()) files.push_back(words[i + 1]);
    for (std::string_view prefix : {"--file=", "file="}) {
      if (word.rfind(prefix, 0) == 0) files.push_back(word.substr(prefix.size()));
    }
  }
  return files;
}

}  // namespace

bool ci_builds_dockerfile(const CiCommand& command, std::string_view dockerfile) {
  if (!std::any_of(command.kinds.begin(), command.kinds.end(),
                   [](const StepRecognition& r) { return r.kind == StepKind::kImageBuild; }))
    return false;
  const std::string& text = command.text;
  if (text.find("compose") != std::string::npos || text.find("bake") != std::string::npos)
    return true;
  std::string path = core::to_lower(dockerfile);
  if (path.find('/') != std::string::npos && names_directory(text, path)) return true;
  std::string directory = normalise_directory(core::directory_name(path));
  if (auto files = file_arguments(text); !files.empty()) {
    return std::any_of(files.begin(), files.end(), [&](const std::string& file) {
      return file == "*" ||
             std::any_of(command.directories.begin(), command.directories.end(),
                         [&](const std::string& base) {
                           return base == "*" ||
                                  normalise_directory(core::to_lower(base) + "/" + file) == path;
                         });
    });
  }
  for (const auto& base : command.directories) {
    if (base == "*" || normalise_directory(core::to_lower(base)) == directory) return true;
  }
  return names_directory(text, directory);
}

std::vector<std::string> goreleaser_dockerfiles(const RepoModel& model) {
  std::vector<std::string> out;
  for (std::string_view name :
       {".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml", "goreleaser.yaml"}) {
    const parse::Node* root = model.yaml_document(name);
    if (root == nullptr || !root->is_map()) continue;
    for (std::string_view section : {"dockers", "dockers_v2"}) {
      const parse::Node* dockers = root->find(section);
      if (dockers == nullptr || !dockers->is_seq()) continue;
      for (const auto& docker : dockers->children) {
        std::string file = docker.is_map() ? docker.get("dockerfile") : "";
        out.push_back(core::normalize_path(file.empty() ? "Dockerfile" : file));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The repositories that '-t X' / '--tag X' / '--tag=X' name in a command text.
void add_tagged_images(std::string_view text, std::vector<std::string>& out) {
  auto words = core::split(std::string(text), ' ');
  for (size_t i = 0; i < words.size(); ++i) {
    std::string image;
    if ((words[i] == "-t" || words[i] == "--tag") && i + 1 < words.size()) {
      image = words[i + 1];
    } else if (words[i].rfind("--tag=", 0) == 0) {
      image = words[i].substr(6);
    }
    if (image.empty() || image.find('$') != std::string::npos) continue;
    while (!image.empty() && (image.back() == '"' || image.back() == '\'')) image.pop_back();
    while (!image.empty() && (image.front() == '"' || image.front() == '\'')) image.erase(0, 1);
    ImageRef ref = parse_image_ref(image);
    if (ref.repository.empty()) continue;
    std::string name = ref.registry.empty() ? ref.repository : ref.registry + "/" + ref.repository;
    out.push_back(core::to_lower(name));
  }
}

}  // namespace

std::vector<std::string> images_tagged_here(const RepoModel& model) {
  std::vector<std::string> out;
  for (const auto& script : model.coverage.scripts) {
    for (std::string_view line : core::split_lines(script.command)) {
      if (core::contains(line, "build")) add_tagged_images(line, out);
    }
  }
  for (const auto& command : ci_commands(model)) {
    if (core::contains(command.text, "build")) add_tagged_images(command.text, out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The paths the make targets and npm and shell scripts name, read once: every word of their
// commands (split at blanks, quotes, '=' and ';', without './' or a trailing '/') and their
// prerequisites, and apart the words of the scripts that run docker, podman or buildah.
struct ScriptWords {
  std::set<std::string, std::less<>> named;
  std::set<std::string, std::less<>> in_image_builds;
};

ScriptWords script_words(const RepoModel& model) {
  ScriptWords out;
  for (const auto& script : model.coverage.scripts) {
    const std::string& text = script.command;
    bool builds = core::contains(text, "docker") || core::contains(text, "podman") ||
                  core::contains(text, "buildah");
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      bool separator = i == text.size() ||
                       std::string_view(" \t\n\"'=;()&|").find(text[i]) != std::string_view::npos;
      if (!separator) continue;
      std::string_view word = std::string_view(text).substr(start, i - start);
      start = i + 1;
      while (word.starts_with("./")) word.remove_prefix(2);
      while (word.size() > 1 && word.back() == '/') word.remove_suffix(1);
      if (word.empty()) continue;
      out.named.emplace(word);
      if (builds) out.in_image_builds.emplace(word);
    }
    for (const auto& prerequisite : script.prerequisites) out.named.insert(prerequisite);
  }
  return out;
}

}  // namespace

std::vector<std::string> find_built_dockerfiles(const RepoModel& model) {
  // docker-bake.hcl targets are not read: a repository that has one may build anything.
  bool bake = std::any_of(model.files.begin(), model.files.end(), [](const SourceFile& file) {
    return core::base_name(file.path).starts_with("docker-bake");
  });
  const std::vector<std::string> skaffold = skaffold_dockerfiles(model);
  const std::vector<std::string> goreleaser = goreleaser_dockerfiles(model);
  const std::vector<std::string> compose = compose_built_dockerfiles(model);
  const auto& commands = ci_commands(model);
  const ScriptWords words = script_words(model);
  std::vector<std::string> out;
  for (const auto& dockerfile : model.dockerfiles) {
    const std::string& path = dockerfile.path;
    auto listed = [&](const std::vector<std::string>& paths) {
      return std::binary_search(paths.begin(), paths.end(), path);
    };
    // A root Dockerfile is what 'docker build .' builds: the image the repository is about.
    bool built = bake || path.find('/') == std::string::npos || !model.image_uses(path).empty() ||
                 listed(compose) || listed(skaffold) || listed(goreleaser) ||
                 std::any_of(commands.begin(), commands.end(),
                             [&](const CiCommand& c) { return ci_builds_dockerfile(c, path); }) ||
                 // A make target or script that names it ('docker build -f path', a
                 // prerequisite), or its folder in a command that builds images.
                 words.named.count(path) > 0 ||
                 words.in_image_builds.count(core::directory_name(path)) > 0;
    if (built) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool built_by_repository(const RepoModel& model, const DockerfileModel& dockerfile) {
  const auto& built = model.built_dockerfiles();
  return std::binary_search(built.begin(), built.end(), dockerfile.path);
}

// Images whose name or tag says they run unprivileged: distroless ':nonroot', '-rootless' and
// '-unprivileged' variants (nginxinc/nginx-unprivileged).
bool names_non_root_user(std::string_view image) {
  std::string lower = core::to_lower(image);
  return lower.find("nonroot") != std::string::npos ||
         lower.find("rootless") != std::string::npos ||
         lower.find("unprivileged") != std::string::npos;
}

// Official and widely used images whose default user is root. For any other base image the
// user is the image's business, which golive cannot see without pulling it.
bool runs_as_root_by_default(std::string_view image) {
  std::string name = core::to_lower(image);
  if (size_t at = name.find('@'); at != std::string::npos) name.resize(at);
  if (size_t colon = name.rfind(':');
      colon != std::string::npos && name.find('/', colon) == std::string::npos)
    name.resize(colon);
  for (std::string_view prefix : {"docker.io/library/", "docker.io/", "library/",
                                  "public.ecr.aws/docker/library/", "mirror.gcr.io/library/"}) {
    if (core::starts_with(name, prefix)) name.erase(0, prefix.size());
  }
  // Not the database images (postgres, mysql, mariadb, mongo, redis, rabbitmq): their
  // entrypoints start the server as its own user.
  static constexpr std::string_view kRootImages[] = {
      "alpine",         "ubuntu",    "debian",      "busybox",     "centos",      "fedora",
      "rockylinux",     "almalinux", "amazonlinux", "oraclelinux", "python",      "node",
      "golang",         "ruby",      "php",         "perl",        "openjdk",     "eclipse-temurin",
      "amazoncorretto", "maven",     "gradle",      "rust",        "nginx",       "httpd",
      "haproxy",        "tomcat",    "elixir",      "erlang",      "swift",       "dart",
      "buildpack-deps", "bash",      "gcc",         "pypy",        "adoptopenjdk"};
  for (std::string_view root : kRootImages) {
    if (name == root) return true;
  }
  return core::starts_with(name, "gcr.io/distroless/") ||
         core::starts_with(name, "mcr.microsoft.com/dotnet/") ||
         (core::starts_with(name, "registry.access.redhat.com/ubi") &&
          core::ends_with(name, "/ubi"));
}

}  // namespace golive::model
