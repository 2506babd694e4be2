#pragma once
// Terraform as the repository writes it. At build time each .tf and .tfvars file is parsed
// (parse/hcl.h); at the end of the build the .tf files are grouped by directory into modules,
// with their backends, providers, resources, variables, module calls and workspace usage, and
// the environments the layout reveals (per-environment folders, tfvars files, workspaces).
#include <string>
#include <string_view>
#include <vector>

#include "parse/hcl.h"

namespace golive::model {

struct TerraformFile {
  std::string path;
  std::string directory;  // "" at the repository root
  bool tfvars = false;
  parse::HclBody body;
};

// A block with the file that holds it.
struct TerraformBlock {
  std::string path;
  parse::HclBlock block;
};

// A resource or data source: resource "aws_db_instance" "main" { ... }.
struct TerraformResource {
  std::string path;
  std::string type;  // aws_db_instance
  std::string name;  // main
  int line = 0;
  int column = 0;
  parse::HclBody body;

  [[nodiscard]] std::string address() const { return type + "." + name; }
};

struct TerraformVariable {
  std::string path;
  std::string name;
  int line = 0;
  int column = 0;
  parse::HclBody body;  // default, type, sensitive, description, validation
};

struct TerraformLocation {
  std::string path;
  int line = 0;
  int column = 0;
};

// The .tf files of one directory: Terraform's unit of configuration.
struct TerraformModule {
  std::string directory;
  std::vector<std::string> files;
  std::vector<TerraformBlock> backends;  // backend "s3" { ... } inside terraform { }
  std::vector<TerraformBlock> clouds;    // cloud { ... } inside terraform { }
  std::vector<TerraformBlock> terraform_blocks;
  std::vector<TerraformBlock> providers;
  std::vector<TerraformResource> resources;
  std::vector<TerraformResource> data_sources;
  std::vector<TerraformBlock> module_calls;  // module "vpc" { source = ... }
  std::vector<TerraformVariable> variables;
  std::vector<TerraformLocation> workspace_uses;  // expressions that read terraform.workspace
  // Another module calls this directory through a local source ("../modules/vpc").
  bool called_as_module = false;

  // A configuration Terraform is run in: it declares providers or resources and no other
  // module calls it. A directory under a "modules" folder without a provider block is taken
  // for a reusable module even when its caller lives elsewhere (a registry or git source).
  [[nodiscard]] bool is_root() const;
  [[nodiscard]] TerraformLocation first_location() const;  // where to report module findings
};

enum class EnvironmentEvidence { kFolder, kTfvars };

struct TerraformEnvironment {
  std::string name;  // canonical: dev, staging, prod, qa, test, uat, preprod, sandbox, demo
  EnvironmentEvidence evidence = EnvironmentEvidence::kFolder;
  std::string path;  // the folder or the tfvars file
};

struct TerraformFacts {
  std::vector<TerraformFile> files;  // sorted by path after the build
  // Filled by derive_terraform() at the end of the build:
  std::vector<TerraformModule> modules;
  std::vector<TerraformEnvironment> environments;

  [[nodiscard]] bool present() const { return !files.empty(); }
  [[nodiscard]] std::vector<const TerraformResource*> resources_of(std::string_view type) const;
  [[nodiscard]] const TerraformModule* module_at(std::string_view directory) const;

  void merge(TerraformFacts& part);
};

// The environment a path segment or a tfvars stem names ("production" -> "prod"), or "".
std::string terraform_environment_name(std::string_view word);

// Parses one .tf or .tfvars file into facts; issues go to issues (kind invalid-hcl).
void learn_terraform(const std::string& path, std::string_view content, TerraformFacts& facts,
                     parse::ParseIssues& issues);

// Groups the parsed files into modules and finds the environments; call once after merging.
void derive_terraform(TerraformFacts& facts);

}  // namespace golive::model
