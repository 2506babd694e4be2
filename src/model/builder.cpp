#include "model/builder.h"

#include <fcntl.h>
#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "core/paths.h"
#include "core/strings.h"
#include "model/coverage.h"
#include "model/ecosystems.h"
#include "model/kustomize.h"
#include "model/workflows.h"
#include "parse/json.h"
#include "secrets/detector.h"

namespace golive::model {
namespace {

constexpr size_t kBinarySniffBytes = 8000;

core::Result<std::string> read_file(const std::string& path, std::uintmax_t size_hint) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return core::Error{std::strerror(errno), path};
  std::string content;
  content.resize(static_cast<size_t>(size_hint));
  size_t filled = 0;
  while (true) {
    if (filled == content.size()) content.resize(content.size() + 4096);
    ssize_t got = ::read(fd, content.data() + filled, content.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      return core::Error{std::strerror(saved), path};
    }
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  ::close(fd);
  content.resize(filled);
  return content;
}

bool looks_binary(std::string_view content) {
  return std::memchr(content.data(), '\0', std::min(content.size(), kBinarySniffBytes)) != nullptr;
}

bool is_json_kind(const SourceFile& file) {
  if (file.path.size() >= 6 && file.path.compare(file.path.size() - 6, 6, ".json5") == 0)
    return false;
  return file.kind == walk::FileKind::kJson || file.kind == walk::FileKind::kRenovate ||
         (file.kind == walk::FileKind::kPackageManifest &&
          (file.ecosystem == "npm" || file.ecosystem == "php"));
}

// Secrets in tests and fixtures are warnings, also where another role won (a vendored test);
// a file the configuration calls product is judged as product.
bool in_tests(const SourceFile& file) {
  return walk::is_test_role(file.role) ||
         (file.role != walk::PathRole::kProduct && walk::has_test_convention(file.path));
}

// A placeholder a script fills in before the file is used, on the line of a parse error or the
// line before it: "{SERVICE_IP_PREFIX}", "%VERSION%", "@VERSION@", "__NAME__" ("${VAR}" never
// breaks YAML, so it says nothing); "" when there is none.
std::string placeholder_near(std::string_view text, int line) {
  static const re2::RE2 kPlaceholder(
      R"((?:^|[^$A-Za-z0-9_])(\{[A-Z][A-Z0-9_]*\}|%[A-Z][A-Z0-9_]*%|@[A-Z][A-Z0-9_]*@|__[A-Z][A-Z0-9_]*__))");
  int number = 1;
  size_t start = 0;
  while (start <= text.size() && number <= line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (number >= line - 1) {
      re2::StringPiece input(text.data() + start, end - start);
      std::string found;
      if (re2::RE2::PartialMatch(input, kPlaceholder, &found)) return found;
    }
    if (end == text.size()) break;
    start = end + 1;
    ++number;
  }
  return "";
}

void record_issues(const std::string& path, const parse::ParseIssues& issues, RepoModel& model,
                   std::string_view text = {}) {
  for (const auto& issue : issues) {
    model.parse_problems.push_back(
        {path, issue, text.empty() ? "" : placeholder_near(text, issue.line)});
  }
}

// Another tool's check, turned off for one object by an annotation.
void add_annotation_suppression(std::string tool, std::string check, std::string reason,
                                const std::string& written, int line, int first, int last,
                                std::vector<parse::Suppression>& out) {
  parse::Suppression suppression{
      "", std::move(reason), line, std::move(tool), std::move(check), first, last};
  suppression.written = written;
  out.push_back(std::move(suppression));
}

// kube-linter, kube-score, Polaris and Checkov annotations on an object: they cover its
// document, lines first to last.
void annotation_suppressions(const parse::Node& metadata, int first, int last,
                             std::vector<parse::Suppression>& out) {
  const parse::Node* annotations = metadata.find("annotations");
  if (annotations == nullptr || !annotations->is_map()) return;
  for (const auto& entry : annotations->children) {
    const std::string& key = entry.key;
    const std::string& value = entry.value;
    int line = entry.key_mark.line;
    std::string written = key;
    if (key.starts_with("ignore-check.kube-linter.io/")) {
      add_annotation_suppression("kube-linter", key.substr(28), value, written, line, first, last,
                                 out);
    } else if (key == "kube-score/ignore") {
      for (const auto& check : core::split(value, ','))
        add_annotation_suppression("kube-score", std::string(core::trim(check)), "",
                                   written + ": " + value, line, first, last, out);
    } else if (key.starts_with("polaris.fairwinds.com/") && core::is_truthy_text(value)) {
      std::string check = key.substr(22);
      if (check == "exempt") {
        check = "*";
      } else if (check.ends_with("-exempt")) {
        check.resize(check.size() - 7);
      } else {
        continue;
      }
      add_annotation_suppression("polaris", check, "", written, line, first, last, out);
    } else if (key.starts_with("checkov.io/skip")) {
      size_t equals = value.find('=');
      std::string check(core::trim(value.substr(0, equals)));
      add_annotation_suppression(
          "checkov", check,
          equals == std::string::npos ? "" : std::string(core::trim(value.substr(equals + 1))),
          written + ": " + check, line, first, last, out);
    }
  }
}

void find_k8s_objects(const YamlDocumentSet& set, RepoModel& model) {
  std::vector<parse::Suppression> suppressions;
  for (size_t i = 0; i < set.documents.size(); ++i) {
    const parse::Node& doc = set.documents[i];
    std::string api_version = doc.get("apiVersion");
    std::string kind = doc.get("kind");
    if (api_version.empty() || kind.empty()) continue;
    K8sObject object{set.path, i, doc.mark.line, api_version, kind, "", ""};
    if (const parse::Node* metadata = doc.find("metadata")) {
      object.name = metadata->get("name");
      object.namespace_name = metadata->get("namespace");
      int last = i + 1 < set.documents.size() ? set.documents[i + 1].mark.line - 1 : INT_MAX;
      annotation_suppressions(*metadata, doc.mark.line, last, suppressions);
    }
    model.k8s_objects.push_back(std::move(object));
  }
  if (!suppressions.empty()) {
    auto& list = model.suppressions[set.path];
    list.insert(list.end(), std::make_move_iterator(suppressions.begin()),
                std::make_move_iterator(suppressions.end()));
  }
}

void add_structured(RepoModel& model, SourceFile& file, const FileText& text,
                    const BuildOptions& options) {
  std::string_view content = text.content();
  parse::YamlFile parsed;
  if (is_json_kind(file)) {
    parsed = parse::parse_json(content);
  } else {
    parse::YamlOptions yaml_options;
    yaml_options.alias_expansion_budget = options.alias_expansion_budget;
    parsed = parse::parse_yaml(content, yaml_options);
  }
  record_issues(file.path, parsed.issues, model, content);
  if (!parsed.valid) return;
  model.yaml_files.push_back({file.path, file.kind, std::move(parsed.documents)});
  const YamlDocumentSet& set = model.yaml_files.back();
  if (file.kind == walk::FileKind::kGithubWorkflow && !set.documents.empty() &&
      set.documents.front().is_map()) {
    model.workflows.push_back(extract_workflow(file.path, set.documents.front()));
  }
  if (file.kind == walk::FileKind::kGitlabCi && !set.documents.empty() &&
      set.documents.front().is_map()) {
    model.workflows.push_back(extract_gitlab_pipeline(file.path, set.documents.front()));
  }
  if (file.kind == walk::FileKind::kGithubAction && !set.documents.empty()) {
    if (auto action = extract_composite_action(file.path, set.documents.front())) {
      model.actions.push_back(std::move(*action));
    }
  }
  // Supply-chain line facts the YAML tree drops (uses comments, block-script starts).
  read_line_facts(text, file.path, model);
  if (file.kind == walk::FileKind::kCompose) {
    learn_from_compose(set, model);
    if (!set.documents.empty() && set.documents.front().is_map())
      model.compose_files.push_back(extract_compose(file.path, set.documents.front()));
  }
  find_k8s_objects(set, model);
  learn_prometheus(set, content, model.prometheus);
}

// An entrypoint script that starts the process as another user: a line that runs it through
// gosu, su-exec, s6-setuidgid, setpriv --reuid, runuser -u or "su <user> -c" with a user other
// than root (the official database images do this). A mere mention ("command -v gosu") is not.
bool drops_privileges(std::string_view path, std::string_view content) {
  std::string_view name = core::base_name(path);
  if (!core::ends_with(name, ".sh") && !core::contains(name, "entrypoint")) return false;
  static const re2::RE2 kSwitch(
      R"(^\s*(?:exec\s+)?(?:gosu|su-exec|s6-setuidgid|runuser\s+-u|setpriv\s+(?:\S+\s+)*--reuid[= ]|su\s+(?:-\s+)?)\s*([A-Za-z_][A-Za-z0-9_-]*|[0-9]+)\b)");
  for (std::string_view line : core::split_lines(content)) {
    std::string user;
    if (!re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kSwitch, &user))
      continue;
    if (user != "root" && user != "0" && user != "-c") return true;
  }
  return false;
}

// .gitleaksignore lines are fingerprints "[commit:]path:rule:line"; those without a commit are
// findings of the working tree.
void read_gitleaks_ignore(std::string_view content, std::vector<std::pair<std::string, int>>& out) {
  for (std::string_view line : core::split_lines(content)) {
    line = core::trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> parts = core::split(line, ':');
    if (parts.size() != 3) continue;  // four parts name a commit of the history
    int number = 0;
    for (char c : parts[2]) {
      if (c < '0' || c > '9') {
        number = 0;
        break;
      }
      number = number * 10 + (c - '0');
    }
    if (number > 0) out.emplace_back(parts[0], number);
  }
}

// The other tools' suppression comments a file of this kind may hold.
std::optional<parse::SuppressionDialect> tool_dialect(walk::FileKind kind) {
  if (kind == walk::FileKind::kDockerfile) return parse::SuppressionDialect::kDockerfile;
  if (kind == walk::FileKind::kTerraform) return parse::SuppressionDialect::kTerraform;
  if (walk::is_yaml_kind(kind)) return parse::SuppressionDialect::kYaml;
  return std::nullopt;
}

// A secret scanner's marker on a secret's line hides golive's finding of that secret there.
parse::Suppression scanner_suppression(const secrets::SecretFinding& secret) {
  std::string tool = secret.suppressed_by.starts_with("gitleaks") ? "gitleaks" : "detect-secrets";
  parse::Suppression suppression{"", "", secret.line, tool, "*", secret.line, secret.line};
  suppression.written = secret.suppressed_by;
  return suppression;
}

}  // namespace

void apply_tool_configurations(RepoModel& model) {
  for (const auto& [path, line] : model.gitleaks_ignores) {
    parse::Suppression suppression{"", "", line, "gitleaks", "*", line, line};
    suppression.written = ".gitleaksignore " + path + ":" + std::to_string(line);
    model.suppressions[path].push_back(std::move(suppression));
  }
  // .hadolint.yaml's ignored: list turns checks off for every Dockerfile.
  for (std::string_view name : {".hadolint.yaml", ".hadolint.yml"}) {
    const parse::Node* root = model.yaml_document(name);
    const parse::Node* ignored = root != nullptr ? root->find("ignored") : nullptr;
    if (ignored == nullptr || !ignored->is_seq()) continue;
    for (const auto& dockerfile : model.dockerfiles) {
      for (const auto& item : ignored->children) {
        if (!item.is_scalar() || item.value.empty()) continue;
        parse::Suppression suppression{"", "", item.mark.line, "hadolint", item.value, 1, INT_MAX};
        suppression.written = std::string(name) + " ignored: " + item.value;
        model.suppressions[dockerfile.path].push_back(std::move(suppression));
      }
    }
  }
}

void add_file(RepoModel& model, const std::string& path, std::string_view content,
              const BuildOptions& options) {
  walk::Classification classification = walk::classify_path(path);
  SourceFile file{path, classification.kind, classification.ecosystem, content.size(),
                  looks_binary(content)};
  if (file.binary) {
    file.role = options.roles.of_path(path, file.kind);
    model.files.push_back(std::move(file));
    return;
  }
  file.role = options.roles.of_file(path, content, file.kind);
  auto suppressions = parse::find_suppressions(content);
  if (auto dialect = tool_dialect(file.kind)) {
    auto honoured = parse::find_tool_suppressions(content, *dialect);
    suppressions.insert(suppressions.end(), std::make_move_iterator(honoured.begin()),
                        std::make_move_iterator(honoured.end()));
  }
  if (options.find_secrets) {
    auto secrets_found = secrets::Detector::builtin().scan(content, path, in_tests(file));
    for (const auto& secret : secrets_found) {
      if (!secret.suppressed_by.empty()) suppressions.push_back(scanner_suppression(secret));
    }
    model.secret_findings.insert(model.secret_findings.end(),
                                 std::make_move_iterator(secrets_found.begin()),
                                 std::make_move_iterator(secrets_found.end()));
  }
  if (!suppressions.empty()) {
    auto& list = model.suppressions[path];
    list.insert(list.end(), std::make_move_iterator(suppressions.begin()),
                std::make_move_iterator(suppressions.end()));
  }

  // Split into lines at most once, by the first learner that needs lines.
  const FileText text(content);
  if (walk::is_yaml_kind(file.kind) || is_json_kind(file))
    add_structured(model, file, text, options);
  switch (file.kind) {
    case walk::FileKind::kPackageManifest: {
      const YamlDocumentSet* parsed =
          !model.yaml_files.empty() && model.yaml_files.back().path == path
              ? &model.yaml_files.back()
              : nullptr;
      learn_from_manifest(file, text, parsed, model);
      break;
    }
    case walk::FileKind::kDockerfile: {
      DockerfileModel dockerfile{path, parse::parse_dockerfile(content)};
      record_issues(path, dockerfile.parsed.issues, model);
      model.dockerfiles.push_back(std::move(dockerfile));
      break;
    }
    case walk::FileKind::kEnvFile:
    case walk::FileKind::kEnvTemplate: {
      EnvFileModel env{path, file.kind == walk::FileKind::kEnvTemplate,
                       parse::parse_env_file(content)};
      record_issues(path, env.parsed.issues, model);
      model.env_files.push_back(std::move(env));
      break;
    }
    case walk::FileKind::kTerraform: {
      parse::ParseIssues issues;
      learn_terraform(path, content, model.terraform, issues);
      record_issues(path, issues, model);
      break;
    }
    case walk::FileKind::kDoc:
      model.docs.push_back({path, std::string(content)});
      break;
    default:
      break;
  }
  if (drops_privileges(path, content)) model.privilege_drop_scripts.push_back(path);
  if (path == ".gitleaksignore") read_gitleaks_ignore(content, model.gitleaks_ignores);
  learn_coverage(file, text, model);
  learn_app_facts(file, text, model);
  learn_env_reads(file, text, model);
  learn_resilience(file, text, model);
  model.files.push_back(std::move(file));
}

namespace {

template <typename T>
void append(std::vector<T>& into, std::vector<T>& from) {
  into.insert(into.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
}

void merge(RepoModel& into, RepoModel& part) {
  append(into.files, part.files);
  append(into.yaml_files, part.yaml_files);
  append(into.workflows, part.workflows);
  append(into.actions, part.actions);
  append(into.ecosystems, part.ecosystems);
  append(into.docs, part.docs);
  append(into.env_files, part.env_files);
  append(into.dockerfiles, part.dockerfiles);
  append(into.k8s_objects, part.k8s_objects);
  append(into.compose_files, part.compose_files);
  append(into.env_expectations, part.env_expectations);
  append(into.parse_problems, part.parse_problems);
  append(into.privilege_drop_scripts, part.privilege_drop_scripts);
  append(into.gitleaks_ignores, part.gitleaks_ignores);
  append(into.secret_findings, part.secret_findings);
  into.coverage.merge(part.coverage);
  into.terraform.merge(part.terraform);
  into.prometheus.merge(part.prometheus);
  into.app.merge(part.app);
  into.env.merge(part.env);
  into.resilience.merge(part.resilience);
  into.suppressions.merge(part.suppressions);
}

}  // namespace

core::Result<RepoModel> build_model(const BuildOptions& options, core::ThreadPool& pool) {
  struct Part {
    std::string path;
    RepoModel model;
  };
  std::mutex mutex;
  // Parts stay where they were built: a RepoModel is large, and sorting moved each one ~log n
  // times.
  std::vector<std::unique_ptr<Part>> parts;
  std::vector<walk::SkippedPath> unreadable;

  walk::Walker walker(options.walk, pool);
  walker.run([&](const walk::WalkedFile& walked) {
    auto content = read_file(walked.abs_path, walked.size);
    if (!content.ok()) {
      std::lock_guard lock(mutex);
      unreadable.push_back({walked.rel_path, "cannot be read: " + content.error().message});
      return;
    }
    auto part = std::make_unique<Part>(Part{walked.rel_path, {}});
    add_file(part->model, walked.rel_path, *content, options);
    std::lock_guard lock(mutex);
    parts.push_back(std::move(part));
  });

  std::sort(parts.begin(), parts.end(),
            [](const auto& a, const auto& b) { return a->path < b->path; });
  RepoModel model;
  model.root = options.walk.root;
  model.roles = options.roles;
  model.built_sorted = true;
  for (auto& part : parts) merge(model, part->model);
  apply_readme_roles(model);
  apply_tool_configurations(model);
  link_local_actions(model);
  derive_gate_facts(model);
  resolve_prometheus_rule_files(model);
  render_k8s_environments(model);
  derive_terraform(model.terraform);
  model.skipped = walker.skipped();
  model.skipped.insert(model.skipped.end(), unreadable.begin(), unreadable.end());
  std::sort(model.skipped.begin(), model.skipped.end(),
            [](const walk::SkippedPath& a, const walk::SkippedPath& b) {
              return a.rel_path < b.rel_path;
            });
  return model;
}

}  // namespace golive::model
