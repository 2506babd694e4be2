#pragma once
// Configuration as the code and the deploy targets see it. At build time: every environment
// variable the code reads (process.env.X, os.getenv("X"), System.getenv("X"), Spring ${X}, ...)
// with its file and line, names commented out in .env templates, names deploy and config files
// reference, and evidence of a secrets manager. At rule time: the deploy targets found (compose
// services that build code, Kubernetes containers, Helm charts) and what each provides.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/file_text.h"

namespace golive::model {

struct RepoModel;
struct SourceFile;

struct EnvRead {
  std::string name;
  std::string path;
  int line = 0;
  int column = 0;
  std::string ecosystem;     // node, python, go, java
  std::string how;           // "process.env", "os.getenv", "${X} in application.yml", ...
  bool has_default = false;  // a fallback in code: os.getenv("X", "d"), process.env.X || "d"
};

// True when the read stops the program if the variable is unset: Python's os.environ[...]
// (KeyError), a pydantic settings field without a default (ValidationError), Spring's ${X}
// placeholder (the context does not start), Prisma's env(). Other reads (os.getenv,
// process.env.X, os.Getenv, System.getenv) hand the code None, undefined or "", which it may
// well treat as "feature off".
bool fails_when_unset(const EnvRead& read);

// A Kubernetes or Helm secrets manager the repository uses.
struct SecretSourceEvidence {
  std::string kind;  // ExternalSecret, SealedSecret, SecretProviderClass, vault-agent, sops, ...
  std::string path;
  int line = 0;
};

struct EnvFacts {
  std::vector<EnvRead> reads;  // sorted by path, then line, after the build
  // Names a .env template mentions only in a comment ("# SENTRY_DSN=..."): documented, optional.
  std::vector<std::pair<std::string, std::string>> commented_template_names;  // path, name
  // Names written as $X or ${X} in compose files, Dockerfiles, manifests, CI and scripts: a
  // template variable they mention is used even when no code reads it.
  std::set<std::string, std::less<>> config_references;
  std::vector<SecretSourceEvidence> secret_sources;
  // Env names Helm templates write ("- name: X"), by template path; "*" for an envFrom.
  std::vector<std::pair<std::string, std::string>> helm_template_env;

  void merge(EnvFacts& part);
};

// Build-time hook: learns from one file's content. Bounded: files over 2 MiB and minified
// files are skipped.
void learn_env_reads(const SourceFile& file, const FileText& text, RepoModel& model);

// Names the platform or the toolchain sets (PATH, HOME, NODE_ENV, CI, GITHUB_*, ...): not part
// of the service's configuration.
bool is_platform_variable(std::string_view name);

// ---- rule-time queries ---------------------------------------------------------------------

// One place code is deployed from, with what it provides.
struct EnvTarget {
  std::string label;  // "compose service 'api'", "Deployment/api (overlays/prod)"
  std::string path;   // where it is declared
  int line = 0;
  std::string code_directory;  // the code it runs: reads under this directory ("" = root)
  std::set<std::string, std::less<>> provides;
  bool provides_everything = false;  // an env_file or envFrom golive cannot resolve
};

// Compose services that build, Kubernetes containers whose image names a directory holding a
// Dockerfile, and Helm charts whose name or image repository does. Kubernetes envFrom of a
// ConfigMap or Secret in the same environment provides its keys; envFrom of one that is not in
// the repository provides everything (it cannot be checked). The Dockerfile's ENV provides too.
std::vector<EnvTarget> find_env_targets(const RepoModel& model);

// True when path lies within directory ("" and "." hold everything).
bool env_path_within(std::string_view path, std::string_view directory);

}  // namespace golive::model
