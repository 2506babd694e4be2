#include "walk/roles.h"

#include <gtest/gtest.h>

namespace golive::walk {
namespace {

TEST(Roles, ProductByDefault) {
  EXPECT_EQ(role_of_path("main.go"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("services/api/src/server.ts"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("deploy/k8s/deployment.yaml"), PathRole::kProduct);
  EXPECT_EQ(role_of_path(".env.example"), PathRole::kProduct);
  // Words inside a folder name are not the folder's name.
  EXPECT_EQ(role_of_path("contest/app.py"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("latest/app.py"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("testimonials/page.tsx"), PathRole::kProduct);
}

TEST(Roles, TestsByFolderAndName) {
  EXPECT_EQ(role_of_path("tests/test_api.py"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/__tests__/app.tsx"), PathRole::kTest);
  EXPECT_EQ(role_of_path("e2e/login.ts"), PathRole::kTest);
  EXPECT_EQ(role_of_path("load-tests/script.js"), PathRole::kTest);
  // Sock Shop's deploy/kubernetes/manifests-loadtest/: a Locust deployment, not the product.
  EXPECT_EQ(role_of_path("deploy/manifests-loadtest/loadtest-dep.yaml"), PathRole::kTest);
  EXPECT_EQ(role_of_path("k8s_load_tests/job.yaml"), PathRole::kTest);
  EXPECT_EQ(role_of_path(".env.test"), PathRole::kTest);
  // cert-manager's make/config/bind: a DNS server its e2e make targets start.
  EXPECT_EQ(role_of_path("make/config/bind/deployment.yaml"), PathRole::kTooling);
  EXPECT_EQ(role_of_path("_integration-test/nodejs/package.json"), PathRole::kTest);
  EXPECT_EQ(role_of_path("server/.env.ci"), PathRole::kTest);
  EXPECT_EQ(role_of_path(".env.production"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("download-tests/app.py"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("payload-test-data/app.py"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("k6/smoke.js"), PathRole::kTest);
  EXPECT_EQ(role_of_path("pkg/server/server_test.go"), PathRole::kTest);
  EXPECT_EQ(role_of_path("app/models_test.py"), PathRole::kTest);
  EXPECT_EQ(role_of_path("app/test_models.py"), PathRole::kTest);
  EXPECT_EQ(role_of_path("conftest.py"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/app.spec.ts"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/app.test.js"), PathRole::kTest);
  EXPECT_EQ(role_of_path("spec/models/user_spec.rb"), PathRole::kTest);
  EXPECT_EQ(role_of_path("Tests/Unit.cs"), PathRole::kTest);  // folder names fold case
  EXPECT_EQ(role_of_path("api/UserServiceTest.java"), PathRole::kTest);
  // The suffix convention is case-sensitive: "Latest.java" is no test.
  EXPECT_EQ(role_of_path("api/Latest.java"), PathRole::kProduct);
}

TEST(Roles, JvmPackagesAreNotFolderConventions) {
  EXPECT_EQ(role_of_path("src/main/java/com/example/App.java"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("src/main/kotlin/org/sample/docs/Api.kt"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("src/test/java/com/example/AppTest.java"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/test/java/com/example/Helpers.java"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/testFixtures/java/com/acme/Data.java"), PathRole::kFixture);
  // Above the source set, folders keep their meaning.
  EXPECT_EQ(role_of_path("examples/shop/src/main/java/com/acme/App.java"), PathRole::kExample);
}

TEST(Roles, FixturesExamplesVendorDocs) {
  EXPECT_EQ(role_of_path("pkg/parser/testdata/bad.yaml"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("tests/fixtures/deployment.yaml"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("src/__snapshots__/app.snap"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("examples/basic/main.go"), PathRole::kExample);
  EXPECT_EQ(role_of_path("samples/compose.yaml"), PathRole::kExample);
  EXPECT_EQ(role_of_path("demo/app.py"), PathRole::kExample);
  EXPECT_EQ(role_of_path("vendor/github.com/x/y/z.go"), PathRole::kVendor);
  EXPECT_EQ(role_of_path("third_party/lib/a.c"), PathRole::kVendor);
  EXPECT_EQ(role_of_path(".venv/lib/site.py"), PathRole::kVendor);
  EXPECT_EQ(role_of_path("docs/deploy.yaml"), PathRole::kDocs);
  EXPECT_EQ(role_of_path("README.md"), PathRole::kDocs);
  EXPECT_EQ(role_of_path("docs/runbooks/db.md"), PathRole::kDocs);
}

TEST(Roles, GeneratedTemplatesTooling) {
  EXPECT_EQ(role_of_path("api/v1/service.pb.go"), PathRole::kGenerated);
  EXPECT_EQ(role_of_path("api/v1/zz_generated.deepcopy.go"), PathRole::kGenerated);
  EXPECT_EQ(role_of_path("static/app.min.js"), PathRole::kGenerated);
  EXPECT_EQ(role_of_path("proto/user_pb2.py"), PathRole::kGenerated);
  EXPECT_EQ(role_of_path("charts/api/templates/deployment.yaml"), PathRole::kTemplate);
  EXPECT_EQ(role_of_path("charts/api/templates/_helpers.tpl"), PathRole::kTemplate);
  EXPECT_EQ(role_of_path("ansible/nginx.conf.j2"), PathRole::kTemplate);
  EXPECT_EQ(role_of_path("{{cookiecutter.project_slug}}/Dockerfile"), PathRole::kTemplate);
  EXPECT_EQ(role_of_path(".github/actions/lint/Dockerfile"), PathRole::kTooling);
  EXPECT_EQ(role_of_path(".devcontainer/Dockerfile"), PathRole::kTooling);
  EXPECT_EQ(role_of_path("hack/update-codegen.sh"), PathRole::kTooling);
  EXPECT_EQ(role_of_path(".github/workflows/ci.yml"), PathRole::kTooling);
}

TEST(Roles, OnePrecedence) {
  EXPECT_EQ(role_of_path("vendor/x/tests/a_test.go"), PathRole::kVendor);
  EXPECT_EQ(role_of_path("tests/fixtures/a.yaml"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("testdata/tests/a.yaml"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("examples/app/main_test.go"), PathRole::kExample);
  EXPECT_EQ(role_of_path("examples/k6/load.js"), PathRole::kExample);
  EXPECT_EQ(role_of_path("docs/examples/app.py"), PathRole::kExample);
  EXPECT_EQ(role_of_path("tests/README.md"), PathRole::kTest);
  EXPECT_EQ(role_of_path("vendor/gen/x.pb.go"), PathRole::kVendor);
  EXPECT_EQ(role_of_path("tests/api.pb.go"), PathRole::kGenerated);
  EXPECT_EQ(role_of_path(".github/docs/guide.md"), PathRole::kDocs);
}

TEST(Roles, Directories) {
  EXPECT_EQ(role_of_directory(""), PathRole::kProduct);
  EXPECT_EQ(role_of_directory("."), PathRole::kProduct);
  EXPECT_EQ(role_of_directory("services/api"), PathRole::kProduct);
  EXPECT_EQ(role_of_directory("examples/api"), PathRole::kExample);
  EXPECT_EQ(role_of_directory("third-party/lib"), PathRole::kVendor);
  // File-name conventions do not apply to directories.
  EXPECT_EQ(role_of_directory("api/server_test.go"), PathRole::kProduct);
}

TEST(Roles, ContentRefinesThePath) {
  EXPECT_EQ(
      role_of_file("api/client.go", "// Code generated by mockgen. DO NOT EDIT.\npackage api\n"),
      PathRole::kGenerated);
  EXPECT_EQ(role_of_file("api/Client.cs", "// <auto-generated>\nnamespace Api;\n"),
            PathRole::kGenerated);
  EXPECT_EQ(role_of_file("api/client.go", "package api\n// DO NOT EDIT this by hand\n"),
            PathRole::kProduct);
  EXPECT_EQ(role_of_file("deploy/job.yaml", "apiVersion: v1\n{{- if .Values.x }}\nkind: Pod\n"),
            PathRole::kTemplate);
  EXPECT_EQ(role_of_file("deploy/site.yml", "- hosts: all\n  {% for x in y %}\n"),
            PathRole::kTemplate);
  // Template expressions inside values are valid YAML, and GitHub's ${{ }} is no template.
  EXPECT_EQ(role_of_file("deploy/app.yaml", "image: \"{{ .Values.image }}\"\n"),
            PathRole::kProduct);
  EXPECT_EQ(role_of_file(".github/workflows/ci.yml", "run: echo ${{ github.sha }}\n"),
            PathRole::kTooling);
  // Only structured formats are judged as templates by their lines; a vendored file stays vendored.
  EXPECT_EQ(role_of_file("main.go", "{{ not yaml }}\n"), PathRole::kProduct);
  EXPECT_EQ(role_of_file("vendor/a/gen.go", "// Code generated. DO NOT EDIT.\n"),
            PathRole::kVendor);
}

TEST(Roles, OverridesWinTheLastMatch) {
  RoleMap roles({{"deploy/testing/**", PathRole::kFixture},
                 {"examples/production/**", PathRole::kProduct},
                 {"deploy/testing/keep.yaml", PathRole::kProduct}});
  EXPECT_EQ(roles.of_path("deploy/testing/pod.yaml"), PathRole::kFixture);
  EXPECT_EQ(roles.of_path("deploy/testing/keep.yaml"), PathRole::kProduct);
  EXPECT_EQ(roles.of_path("examples/production/app.yaml"), PathRole::kProduct);
  EXPECT_EQ(roles.of_path("examples/other/app.yaml"), PathRole::kExample);
  EXPECT_EQ(roles.of_file("examples/production/x.yaml", "{{- if x }}\n", FileKind::kYaml),
            PathRole::kProduct);
  EXPECT_EQ(roles.of_directory("deploy/testing"), PathRole::kFixture);
  EXPECT_EQ(roles.of_directory("examples/production"), PathRole::kProduct);
  EXPECT_EQ(RoleMap().of_directory("examples/production"), PathRole::kExample);
}

TEST(Roles, TestConventionsUnderAStrongerRole) {
  EXPECT_EQ(role_of_path("third_party/forked/acme/jws_test.go"), PathRole::kVendor);
  EXPECT_TRUE(has_test_convention("third_party/forked/acme/jws_test.go"));
  EXPECT_TRUE(has_test_convention("vendor/x/testdata/key.pem"));
  EXPECT_TRUE(has_test_convention("tests/app.py"));
  EXPECT_FALSE(has_test_convention("vendor/x/client.go"));
  EXPECT_FALSE(has_test_convention("examples/app/main.go"));
  EXPECT_TRUE(has_convention("testdata/generated/go.mod", PathRole::kFixture));
  EXPECT_FALSE(has_convention("testdata/generated/go.mod", PathRole::kVendor));
}

TEST(Roles, SourceTreesNameTheirOwnParts) {
  // Below a source root, docs/ and examples/ are parts of the product (routes, helpers).
  EXPECT_EQ(role_of_path("app/docs/page.tsx"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("src/examples/helpers.go"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("pkg/demo/server.go"), PathRole::kProduct);
  EXPECT_EQ(role_of_path("src/testdata/in.json"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("src/__tests__/a.ts"), PathRole::kTest);
  EXPECT_EQ(role_of_path("docs/app/index.md"), PathRole::kDocs);
  EXPECT_EQ(role_of_path("examples/src/main.go"), PathRole::kExample);
  // JVM source sets name their role also outside a language folder.
  EXPECT_EQ(role_of_path("src/integrationTest/resources/db.sql"), PathRole::kTest);
  EXPECT_EQ(role_of_path("src/testFixtures/resources/data.json"), PathRole::kFixture);
  EXPECT_EQ(role_of_path("src/main/resources/examples/app.yaml"), PathRole::kProduct);
}

TEST(Roles, TemplateLinesOutsideBlockScalarsAndHeredocs) {
  const char* vault =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  annotations:\n"
      "    vault.hashicorp.com/agent-inject-template-db: |\n"
      "      {{- with secret \"db/creds\" -}}\n"
      "      {{ .Data.username }}\n"
      "      {{- end }}\n"
      "spec:\n"
      "  replicas: 2\n";
  EXPECT_EQ(role_of_file("deploy/api.yaml", vault), PathRole::kProduct);
  const char* heredoc =
      "resource \"datadog_monitor\" \"cpu\" {\n"
      "  message = <<-EOT\n"
      "{{#is_alert}}CPU high{{/is_alert}}\n"
      "  EOT\n"
      "}\n";
  EXPECT_EQ(role_of_file("infra/monitors.tf", heredoc), PathRole::kProduct);
  // After the block ends, a template action at the file's own level is a template again.
  std::string after = std::string(vault) + "{{- if .Values.hpa }}\n";
  EXPECT_EQ(role_of_file("deploy/api.yaml", after), PathRole::kTemplate);
}

TEST(Roles, NamesRoundTrip) {
  for (PathRole role : all_roles()) EXPECT_EQ(parse_role(role_name(role)), role);
  EXPECT_EQ(all_roles().size(), 9U);
  EXPECT_FALSE(parse_role("tests").has_value());
  EXPECT_TRUE(is_test_role(PathRole::kFixture));
  EXPECT_FALSE(is_test_role(PathRole::kExample));
}

}  // namespace
}  // namespace golive::walk
