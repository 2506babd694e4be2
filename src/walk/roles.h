#pragma once
// What a file is for: the team's product, or tests, fixtures, examples, vendored code, docs,
// generated code, templates or developer tooling. One table of conventions across ecosystems and
// one precedence, decided here and nowhere else, so every rule agrees on what a path is.
// docs/path-roles.md describes the table for users.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "walk/classify.h"

namespace golive::walk {

// When a path matches several conventions, the earliest role in this precedence wins:
// vendor, generated, fixture, example, test, docs, template, tooling, then product.
// "vendor/x/tests/a_test.go" is vendored; "tests/fixtures/a.yaml" is a fixture;
// "examples/app/main_test.go" and "examples/k6/load.js" belong to the example.
enum class PathRole {
  kProduct,    // the team's own code and configuration: what it builds, ships and deploys
  kTest,       // tests, mocks, end-to-end and load tests
  kFixture,    // data that tests read: testdata/, fixtures/, snapshots
  kExample,    // examples, samples and demos for readers, not deployed
  kVendor,     // somebody else's code copied in: vendor/, third_party/, node_modules/
  kDocs,       // documentation trees and documents
  kGenerated,  // produced by a tool ("Code generated ... DO NOT EDIT", *.pb.go, minified bundles)
  kTemplate,   // text that is a template of a file (Go, Jinja, Helm, cookiecutter), not the file
  kTooling,    // developer and CI tooling that is never deployed: .github/, .devcontainer/, hack/
};

std::string_view role_name(PathRole role);
std::optional<PathRole> parse_role(std::string_view name);
std::span<const PathRole> all_roles();

// The role path conventions give a repository-relative path.
PathRole role_of_path(std::string_view rel_path);
// The same, for a caller that already classified the path (the walk does, once per file).
PathRole role_of_path(std::string_view rel_path, FileKind kind);
// The role of a directory from its folder names alone: what a file directly in it would be
// when its own name says nothing. "" is the repository root (product).
PathRole role_of_directory(std::string_view rel_dir);
// role_of_path refined by the file's first bytes: a generated-code header, or lines that are
// template actions ({{- if }}, {% for %}) where the file's own syntax would be.
PathRole role_of_file(std::string_view rel_path, std::string_view content);
PathRole role_of_file(std::string_view rel_path, std::string_view content, FileKind kind);

// A .golive.yml `paths:` entry: files matching glob have role, whatever the conventions say.
struct RoleOverride {
  std::string glob;
  PathRole role = PathRole::kProduct;
};

// The conventions plus the configured overrides; the last override that matches wins.
class RoleMap {
 public:
  RoleMap() = default;
  explicit RoleMap(std::vector<RoleOverride> overrides);

  // kind is the path's walk::classify_path kind, which the caller already has.
  [[nodiscard]] PathRole of_file(std::string_view rel_path, std::string_view content,
                                 FileKind kind) const;
  [[nodiscard]] PathRole of_path(std::string_view rel_path, FileKind kind) const;
  [[nodiscard]] PathRole of_path(std::string_view rel_path) const;
  [[nodiscard]] PathRole of_directory(std::string_view rel_dir) const;
  // The role a `paths:` override gives the path, if one matches.
  [[nodiscard]] std::optional<PathRole> overridden(std::string_view rel_path) const;

 private:
  std::vector<RoleOverride> overrides_;
};

// Tests and the data they read: a secret there is downgraded, a project there is still built.
bool is_test_role(PathRole role);

// Whether a folder or file-name convention for role matches the path, whatever role precedence
// chose: "third_party/acme/jws_test.go" is vendored, and is a test of the vendored code too.
bool has_convention(std::string_view rel_path, PathRole role);
// has_convention for test or fixture.
bool has_test_convention(std::string_view rel_path);

}  // namespace golive::walk
