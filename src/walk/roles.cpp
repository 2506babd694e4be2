#include "walk/roles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/glob.h"
#include "core/paths.h"
#include "core/strings.h"
#include "walk/classify.h"

namespace golive::walk {
namespace {

struct NamedRole {
  std::string_view name;
  PathRole role;
};

constexpr std::array kRoleNames = {
    NamedRole{"product", PathRole::kProduct},     NamedRole{"test", PathRole::kTest},
    NamedRole{"fixture", PathRole::kFixture},     NamedRole{"example", PathRole::kExample},
    NamedRole{"vendor", PathRole::kVendor},       NamedRole{"docs", PathRole::kDocs},
    NamedRole{"generated", PathRole::kGenerated}, NamedRole{"template", PathRole::kTemplate},
    NamedRole{"tooling", PathRole::kTooling},
};

constexpr std::array kAllRoles = {PathRole::kProduct,   PathRole::kTest,     PathRole::kFixture,
                                  PathRole::kExample,   PathRole::kVendor,   PathRole::kDocs,
                                  PathRole::kGenerated, PathRole::kTemplate, PathRole::kTooling};

// Lower is stronger: the documented precedence of roles.h.
int rank(PathRole role) {
  switch (role) {
    case PathRole::kVendor:
      return 0;
    case PathRole::kGenerated:
      return 1;
    case PathRole::kFixture:
      return 2;
    case PathRole::kExample:
      return 3;
    case PathRole::kTest:
      return 4;
    case PathRole::kDocs:
      return 5;
    case PathRole::kTemplate:
      return 6;
    case PathRole::kTooling:
      return 7;
    case PathRole::kProduct:
      return 8;
  }
  return 8;
}

PathRole stronger(PathRole a, PathRole b) { return rank(a) <= rank(b) ? a : b; }

// Folder names (compared in lower case) and the role of everything under them.
constexpr std::array kFolders = {
    NamedRole{"vendor", PathRole::kVendor},
    NamedRole{"third_party", PathRole::kVendor},
    NamedRole{"third-party", PathRole::kVendor},
    NamedRole{"thirdparty", PathRole::kVendor},
    NamedRole{"node_modules", PathRole::kVendor},
    NamedRole{"bower_components", PathRole::kVendor},
    NamedRole{"jspm_packages", PathRole::kVendor},
    NamedRole{".venv", PathRole::kVendor},
    NamedRole{"venv", PathRole::kVendor},
    NamedRole{"site-packages", PathRole::kVendor},
    NamedRole{".yarn", PathRole::kVendor},
    NamedRole{"generated", PathRole::kGenerated},
    NamedRole{"__generated__", PathRole::kGenerated},
    NamedRole{"fixtures", PathRole::kFixture},
    NamedRole{"fixture", PathRole::kFixture},
    NamedRole{"__fixtures__", PathRole::kFixture},
    NamedRole{"test-fixtures", PathRole::kFixture},
    NamedRole{"test_fixtures", PathRole::kFixture},
    NamedRole{"testdata", PathRole::kFixture},
    NamedRole{"test_data", PathRole::kFixture},
    NamedRole{"test-data", PathRole::kFixture},
    NamedRole{"__snapshots__", PathRole::kFixture},
    NamedRole{"test", PathRole::kTest},
    NamedRole{"tests", PathRole::kTest},
    NamedRole{"__tests__", PathRole::kTest},
    NamedRole{"__test__", PathRole::kTest},
    NamedRole{"spec", PathRole::kTest},
    NamedRole{"specs", PathRole::kTest},
    NamedRole{"e2e", PathRole::kTest},
    NamedRole{"integration-test", PathRole::kTest},
    NamedRole{"integration-tests", PathRole::kTest},
    NamedRole{"_integration-test", PathRole::kTest},  // getsentry/self-hosted's test helpers
    NamedRole{"unit-test", PathRole::kTest},
    NamedRole{"unit-tests", PathRole::kTest},
    NamedRole{"_unit-test", PathRole::kTest},
    NamedRole{"testing", PathRole::kTest},
    NamedRole{"__mocks__", PathRole::kTest},
    NamedRole{"cypress", PathRole::kTest},
    NamedRole{"load-test", PathRole::kTest},
    NamedRole{"load-tests", PathRole::kTest},
    NamedRole{"loadtest", PathRole::kTest},
    NamedRole{"loadtests", PathRole::kTest},
    NamedRole{"perf-tests", PathRole::kTest},
    NamedRole{"k6", PathRole::kTest},
    NamedRole{"locust", PathRole::kTest},
    NamedRole{"examples", PathRole::kExample},
    NamedRole{"example", PathRole::kExample},
    NamedRole{"_examples", PathRole::kExample},
    NamedRole{"samples", PathRole::kExample},
    NamedRole{"sample", PathRole::kExample},
    NamedRole{"demo", PathRole::kExample},
    NamedRole{"demos", PathRole::kExample},
    NamedRole{"docs", PathRole::kDocs},
    NamedRole{"doc", PathRole::kDocs},
    NamedRole{"documentation", PathRole::kDocs},
    NamedRole{".github", PathRole::kTooling},
    NamedRole{".gitlab", PathRole::kTooling},
    NamedRole{".circleci", PathRole::kTooling},
    NamedRole{".buildkite", PathRole::kTooling},
    NamedRole{".devcontainer", PathRole::kTooling},
    NamedRole{".vscode", PathRole::kTooling},
    NamedRole{".idea", PathRole::kTooling},
    NamedRole{".husky", PathRole::kTooling},
    NamedRole{"hack", PathRole::kTooling},
    NamedRole{"make", PathRole::kTooling},  // make/*.mk modules and the configs their targets use
    NamedRole{"genproto", PathRole::kTooling},     // images that generate protobuf code
    NamedRole{"workstation", PathRole::kTooling},  // developer workstation images
};

// JVM source sets: "src/<set>/<language>/" and below are package names (com/example/...), not
// folders with a meaning, and the set's own name says whether it is a test.
constexpr std::array kSourceSets = {
    NamedRole{"main", PathRole::kProduct},         NamedRole{"test", PathRole::kTest},
    NamedRole{"androidtest", PathRole::kTest},     NamedRole{"integrationtest", PathRole::kTest},
    NamedRole{"testfixtures", PathRole::kFixture},
};
constexpr std::array<std::string_view, 4> kJvmLanguages = {"java", "kotlin", "scala", "groovy"};

template <size_t N>
std::optional<PathRole> lookup(const std::array<NamedRole, N>& table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.role;
  }
  return std::nullopt;
}

// Folders where a project's own source tree starts: below them "docs" or "examples" name parts
// of the product (a Next.js app/docs/ route, pkg/examples/ helpers), not documentation trees.
constexpr std::array<std::string_view, 7> kSourceRoots = {"src", "app", "pages", "internal",
                                                          "pkg", "lib", "cmd"};

bool is_source_root(std::string_view folder) {
  return std::find(kSourceRoots.begin(), kSourceRoots.end(), folder) != kSourceRoots.end();
}

// Folders named for load tests with a qualifier: manifests-loadtest, k8s_load_tests.
bool names_load_tests(std::string_view folder) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= folder.size(); ++i) {
    if (i == folder.size() || folder[i] == '-' || folder[i] == '_' || folder[i] == '.') {
      if (i > start) words.push_back(folder.substr(start, i - start));
      start = i + 1;
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "loadtest" || words[i] == "loadtests") return true;
    if (words[i] == "load" && i + 1 < words.size() &&
        (words[i + 1] == "test" || words[i + 1] == "tests"))
      return true;
  }
  return false;
}

PathRole folders_role(const std::vector<std::string>& folders) {
  PathRole role = PathRole::kProduct;
  bool in_source = false;
  for (size_t i = 0; i < folders.size(); ++i) {
    std::string folder = core::to_lower(folders[i]);
    if (folder == "src" && i + 1 < folders.size()) {
      if (auto set = lookup(kSourceSets, core::to_lower(folders[i + 1]))) {
        role = stronger(role, *set);
        // Below src/<set>/<language>/ every folder is a package name (com/example/...).
        if (i + 2 < folders.size() &&
            std::find(kJvmLanguages.begin(), kJvmLanguages.end(), core::to_lower(folders[i + 2])) !=
                kJvmLanguages.end())
          return role;
        ++i;
        in_source = true;
        continue;
      }
    }
    if (auto found = lookup(kFolders, folder)) {
      bool names_product_part =
          in_source && (*found == PathRole::kDocs || *found == PathRole::kExample);
      if (!names_product_part) role = stronger(role, *found);
    } else if (names_load_tests(folder)) {
      role = stronger(role, PathRole::kTest);
    }
    in_source = in_source || is_source_root(folder);
  }
  return role;
}

bool any_suffix(std::string_view name, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

bool any_part(std::string_view name, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    if (name.find(part) != std::string_view::npos) return true;
  }
  return false;
}

// Dockerfiles named for something other than the image that ships: Dockerfile.test,
// Dockerfile.e2e, cypress.Dockerfile (tests); Dockerfile.dev, Dockerfile.debug, Dockerfile.local
// (development tooling); Dockerfile.base, Dockerfile.build, builder-go.dockerfile (images that
// others are built from).
std::optional<PathRole> dockerfile_variant_role(std::string_view lower) {
  std::string_view variant;
  if (lower.starts_with("dockerfile.")) {
    variant = lower.substr(11);
  } else if (lower.ends_with(".dockerfile")) {
    variant = lower.substr(0, lower.size() - 11);
  } else {
    return std::nullopt;
  }
  for (std::string_view test : {"test", "tests", "e2e", "cypress", "playwright", "integration"}) {
    if (variant == test) return PathRole::kTest;
  }
  for (std::string_view tool :
       {"dev", "develop", "development", "debug", "local", "devcontainer", "tools", "lint"}) {
    if (variant == tool) return PathRole::kTooling;
  }
  // Images other images are built from (Dockerfile.base, builder-go.dockerfile): not what runs.
  if (variant == "base" || variant == "build" || variant.starts_with("builder"))
    return PathRole::kTooling;
  return std::nullopt;
}

// File-name conventions; name is the original base name, lower its lower-case form.
PathRole name_role(std::string_view name, std::string_view lower) {
  if (any_suffix(lower, {".pb.go", ".pb.gw.go", "_pb2.py", "_pb2_grpc.py", ".pb.cc", ".pb.h",
                         ".g.dart", ".freezed.dart", ".min.js", ".min.mjs", ".min.cjs", ".min.css",
                         "_generated.go"}) ||
      lower.starts_with("zz_generated") || any_part(lower, {".generated."}))
    return PathRole::kGenerated;
  if (lower.starts_with("test_") || lower == "conftest.py" ||
      any_part(lower, {".test.", ".spec.", "_test.", "_spec.", ".cy."}) ||
      any_suffix(name, {"Test.java", "Tests.java", "IT.java", "Test.kt", "Tests.kt"}))
    return PathRole::kTest;
  // The environment of a test run: .env.test, .env.testing, .env.e2e, .env.ci.
  if (lower == ".env.test" || lower == ".env.testing" || lower == ".env.e2e" || lower == ".env.ci")
    return PathRole::kTest;
  if (any_suffix(lower, {".md", ".markdown", ".rst", ".adoc"})) return PathRole::kDocs;
  if (auto variant = dockerfile_variant_role(lower)) return *variant;
  if (any_suffix(lower, {".tmpl", ".tpl", ".j2", ".jinja", ".jinja2", ".gotmpl"}))
    return PathRole::kTemplate;
  return PathRole::kProduct;
}

bool is_cookiecutter_path(std::string_view path) {
  return path.find("{{cookiecutter") != std::string_view::npos ||
         path.find("{{ cookiecutter") != std::string_view::npos;
}

// "Code generated by X. DO NOT EDIT." (Go), "@generated" (Meta's tools), "<auto-generated>"
// (.NET): the conventions tools write in a file's first lines.
bool has_generated_header(std::string_view head) {
  if (head.find("DO NOT EDIT") != std::string_view::npos &&
      (head.find("Code generated") != std::string_view::npos ||
       head.find("generated by") != std::string_view::npos))
    return true;
  return head.find("@generated") != std::string_view::npos ||
         head.find("<auto-generated") != std::string_view::npos;
}

// "key: |", "- >-", "data: |2": the line opens a YAML block scalar, whose deeper lines are text.
bool opens_block_scalar(std::string_view text) {
  size_t comment = text.find(" #");
  std::string_view code = core::trim(text.substr(0, comment));
  size_t space = code.find_last_of(" \t");
  std::string_view last = space == std::string_view::npos ? code : code.substr(space + 1);
  if (last.empty() || (last.front() != '|' && last.front() != '>')) return false;
  if (last.find_first_not_of("-+0123456789", 1) != std::string_view::npos) return false;
  if (space == std::string_view::npos) return false;
  std::string_view before = core::trim(code.substr(0, space));
  return before.ends_with(':') || before == "-";
}

// "<<EOT" or "<<-EOT" ending a line opens an HCL heredoc; returns its terminator, or "".
std::string_view heredoc_terminator(std::string_view text) {
  size_t at = text.rfind("<<");
  if (at == std::string_view::npos) return {};
  std::string_view word = text.substr(at + 2);
  if (word.starts_with('-')) word.remove_prefix(1);
  word = core::trim(word);
  bool identifier = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
  return identifier ? word : std::string_view();
}

// Files that a template engine writes as a whole: YAML, JSON, HCL and TOML with a line that is a
// template action where the format's own syntax must be. Text inside YAML block scalars and HCL
// heredocs (a Vault agent template, an Alertmanager message) is data, not the file's syntax.
bool has_template_lines(std::string_view rel_path, std::string_view head) {
  if (!any_suffix(core::to_lower(core::base_name(rel_path)),
                  {".yml", ".yaml", ".json", ".tf", ".hcl", ".toml"}))
    return false;
  int block_indent = -1;
  std::string_view heredoc;
  // Line by line without building a vector: this runs on every YAML and JSON file of the walk.
  for (size_t start = 0, end = 0; start < head.size(); start = end + 1) {
    end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    std::string_view text = first == std::string_view::npos ? "" : line.substr(first);
    if (!heredoc.empty()) {
      if (core::trim(text) == heredoc) heredoc = {};
      continue;
    }
    if (text.empty()) continue;
    int indent = static_cast<int>(first);
    if (block_indent >= 0 && indent > block_indent) continue;
    block_indent = -1;
    if (text.starts_with("{{") || text.starts_with("{%") || text.starts_with("{#")) return true;
    if (opens_block_scalar(text)) block_indent = indent;
    heredoc = heredoc_terminator(text);
  }
  return false;
}

constexpr size_t kHeaderBytes = 2048;
constexpr size_t kTemplateScanBytes = size_t{64} * 1024;

}  // namespace

std::string_view role_name(PathRole role) {
  for (const auto& entry : kRoleNames) {
    if (entry.role == role) return entry.name;
  }
  return "product";
}

std::optional<PathRole> parse_role(std::string_view name) { return lookup(kRoleNames, name); }

std::span<const PathRole> all_roles() { return kAllRoles; }

PathRole role_of_directory(std::string_view rel_dir) {
  if (rel_dir.empty() || rel_dir == ".") return PathRole::kProduct;
  return folders_role(core::split(rel_dir, '/'));
}

PathRole role_of_path(std::string_view rel_path, FileKind kind) {
  std::string_view name = core::base_name(rel_path);
  std::string lower = core::to_lower(name);
  PathRole role =
      stronger(role_of_directory(core::directory_name(rel_path)), name_role(name, lower));
  if (is_cookiecutter_path(rel_path) || kind == FileKind::kHelmTemplate)
    role = stronger(role, PathRole::kTemplate);
  return role;
}

PathRole role_of_path(std::string_view rel_path) {
  return role_of_path(rel_path, classify_path(rel_path).kind);
}

PathRole role_of_file(std::string_view rel_path, std::string_view content, FileKind kind) {
  PathRole role = role_of_path(rel_path, kind);
  if (rank(role) <= rank(PathRole::kGenerated)) return role;
  if (has_generated_header(content.substr(0, kHeaderBytes))) return PathRole::kGenerated;
  if (rank(role) > rank(PathRole::kTemplate) &&
      has_template_lines(rel_path, content.substr(0, kTemplateScanBytes)))
    return PathRole::kTemplate;
  return role;
}

RoleMap::RoleMap(std::vector<RoleOverride> overrides) : overrides_(std::move(overrides)) {}

std::optional<PathRole> RoleMap::overridden(std::string_view rel_path) const {
  std::optional<PathRole> role;
  for (const auto& entry : overrides_) {
    if (core::glob_match(entry.glob, rel_path)) role = entry.role;
  }
  return role;
}

PathRole role_of_file(std::string_view rel_path, std::string_view content) {
  return role_of_file(rel_path, content, classify_path(rel_path).kind);
}

PathRole RoleMap::of_file(std::string_view rel_path, std::string_view content,
                          FileKind kind) const {
  if (auto role = overridden(rel_path)) return *role;
  return role_of_file(rel_path, content, kind);
}

PathRole RoleMap::of_path(std::string_view rel_path, FileKind kind) const {
  if (auto role = overridden(rel_path)) return *role;
  return role_of_path(rel_path, kind);
}

PathRole RoleMap::of_path(std::string_view rel_path) const {
  return of_path(rel_path, classify_path(rel_path).kind);
}

PathRole RoleMap::of_directory(std::string_view rel_dir) const {
  // An override for the directory's files ("deploy/testing/**") speaks for the directory too.
  if (auto role = overridden(core::join_path(rel_dir, "_"))) return *role;
  return role_of_directory(rel_dir);
}

bool is_test_role(PathRole role) { return role == PathRole::kTest || role == PathRole::kFixture; }

bool has_convention(std::string_view rel_path, PathRole role) {
  std::string_view name = core::base_name(rel_path);
  if (name_role(name, core::to_lower(name)) == role) return true;
  for (const auto& folder : core::split(core::directory_name(rel_path), '/')) {
    if (lookup(kFolders, core::to_lower(folder)) == role) return true;
  }
  return false;
}

bool has_test_convention(std::string_view rel_path) {
  return has_convention(rel_path, PathRole::kTest) || has_convention(rel_path, PathRole::kFixture);
}

}  // namespace golive::walk
