#include "model/terraform.h"

#include <gtest/gtest.h>

namespace golive::model {
namespace {

TerraformFacts build(const std::vector<std::pair<std::string, std::string>>& files,
                     parse::ParseIssues* issues_out = nullptr) {
  TerraformFacts facts;
  parse::ParseIssues issues;
  for (const auto& [path, text] : files) learn_terraform(path, text, facts, issues);
  derive_terraform(facts);
  if (issues_out != nullptr) *issues_out = issues;
  return facts;
}

TEST(TerraformModel, GroupsFilesByDirectory) {
  TerraformFacts facts = build({
      {"infra/backend.tf", "terraform {\n  backend \"s3\" {\n    bucket = \"b\"\n  }\n}\n"},
      {"infra/main.tf",
       "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"a\" {\n}\n"
       "data \"aws_caller_identity\" \"me\" {}\nvariable \"x\" {}\n"},
  });
  ASSERT_EQ(facts.modules.size(), 1u);
  const TerraformModule& module = facts.modules[0];
  EXPECT_EQ(module.directory, "infra");
  EXPECT_EQ(module.files.size(), 2u);
  ASSERT_EQ(module.backends.size(), 1u);
  EXPECT_EQ(module.backends[0].block.label(0), "s3");
  EXPECT_EQ(module.providers.size(), 1u);
  ASSERT_EQ(module.resources.size(), 1u);
  EXPECT_EQ(module.resources[0].address(), "aws_s3_bucket.a");
  EXPECT_EQ(module.resources[0].line, 4);
  EXPECT_EQ(module.data_sources.size(), 1u);
  EXPECT_EQ(module.variables.size(), 1u);
  EXPECT_TRUE(module.is_root());
  EXPECT_EQ(facts.resources_of("aws_s3_bucket").size(), 1u);
  EXPECT_NE(facts.module_at("infra"), nullptr);
}

TEST(TerraformModel, LocalModuleSourcesAreNotRoots) {
  TerraformFacts facts = build({
      {"envs/prod/main.tf",
       "module \"app\" {\n  source = \"../../stack\"\n}\nprovider \"aws\" {}\n"},
      {"stack/main.tf", "provider \"aws\" {}\nresource \"aws_instance\" \"web\" {}\n"},
      {"modules/vpc/main.tf", "resource \"aws_vpc\" \"this\" {}\n"},
  });
  ASSERT_NE(facts.module_at("stack"), nullptr);
  EXPECT_TRUE(facts.module_at("stack")->called_as_module);
  EXPECT_FALSE(facts.module_at("stack")->is_root());
  EXPECT_FALSE(facts.module_at("modules/vpc")->is_root());
  EXPECT_TRUE(facts.module_at("envs/prod")->is_root());
}

TEST(TerraformModel, EnvironmentsFromFoldersAndTfvars) {
  TerraformFacts facts = build({
      {"live/production/main.tf", "provider \"aws\" {}\n"},
      {"vars/stage.tfvars", "a = 1\n"},
      {"terraform.tfvars", "a = 1\n"},
  });
  std::vector<std::string> names;
  for (const auto& environment : facts.environments) names.push_back(environment.name);
  EXPECT_EQ(names, (std::vector<std::string>{"prod", "staging"}));
  EXPECT_EQ(facts.environments[0].path, "live/production");
  EXPECT_EQ(facts.environments[1].evidence, EnvironmentEvidence::kTfvars);
}

TEST(TerraformModel, WorkspaceUses) {
  TerraformFacts facts = build({
      {"main.tf", "locals {\n  env = \"${terraform.workspace}\"\n}\n"},
      {"other/main.tf",
       "terraform {\n  backend \"s3\" {\n    workspace_key_prefix = \"app\"\n  }\n}\n"},
  });
  ASSERT_EQ(facts.modules.size(), 2u);
  ASSERT_EQ(facts.modules[0].workspace_uses.size(), 1u);
  EXPECT_EQ(facts.modules[0].workspace_uses[0].line, 2);
  EXPECT_EQ(facts.modules[1].workspace_uses.size(), 1u);
}

TEST(TerraformModel, IssuesAreReturnedAndTfvarsAreNotModules) {
  parse::ParseIssues issues;
  TerraformFacts facts = build({{"prod.tfvars", "a = \n"}}, &issues);
  EXPECT_TRUE(facts.present());
  EXPECT_TRUE(facts.modules.empty());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, "invalid-hcl");
}

TEST(TerraformModel, EnvironmentNames) {
  EXPECT_EQ(terraform_environment_name("Production"), "prod");
  EXPECT_EQ(terraform_environment_name("stg"), "staging");
  EXPECT_EQ(terraform_environment_name("develop"), "dev");
  EXPECT_EQ(terraform_environment_name("test"), "");
  EXPECT_EQ(terraform_environment_name("modules"), "");
}

}  // namespace
}  // namespace golive::model
