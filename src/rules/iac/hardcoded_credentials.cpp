#include <algorithm>
#include <array>

#include "rules/iac/iac_common.h"
#include "rules/secret_words.h"

namespace golive::rules::iac {
namespace {

// Provider and resource arguments that hold a credential (AWS, Azure, Google, Kubernetes,
// Helm, databases, GitHub, Datadog ...).
constexpr std::array<std::string_view, 25> kCredentialArguments = {
    "secret_data",  // the value written into a secrets store
    "secret_string",
    "secret_binary",
    "access_key",
    "secret_key",
    "token",
    "password",
    "client_secret",
    "private_key",
    "client_certificate_password",
    "sas_token",
    "master_password",
    "admin_password",
    "administrator_login_password",
    "api_key",
    "api_token",
    "app_key",
    "auth_token",
    "access_token",
    "refresh_token",
    "credentials",
    "client_key",
    "secret",
    "root_password",
    "master_user_password",
};

bool is_credential_argument(std::string_view name) {
  return std::find(kCredentialArguments.begin(), kCredentialArguments.end(), name) !=
         kCredentialArguments.end();
}

bool is_literal_string(const parse::HclExpression& expression) {
  return expression.kind == parse::HclExprKind::kString && !expression.value.empty();
}

// Resources and data sources of a secrets store (Google Secret Manager, AWS Secrets Manager and
// SSM, Azure Key Vault, Vault): their secret, secret_id, name and key arguments name a secret
// kept in the store, the recommended pattern, rather than holding one.
bool is_secret_store_type(std::string_view type) {
  for (std::string_view part : {"secret_manager", "secretsmanager", "ssm_parameter",
                                "key_vault_secret", "vault_generic_secret", "vault_kv_secret"}) {
    if (type.find(part) != std::string_view::npos) return true;
  }
  return false;
}

bool names_the_secret(std::string_view argument) {
  return argument == "secret" || argument == "secret_id" || argument == "name" ||
         argument == "key" || argument == "path";
}

// "OAUTH_ID", "DB_PASSWORD": the name of a variable or a secret, written in upper snake case.
bool is_upper_snake_name(std::string_view value) {
  bool letter = false;
  for (char c : value) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!(c == '_' || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return letter && value.find('_') != std::string_view::npos;
}

// Walks a provider, resource, data or module body (nested blocks too) for literal credentials.
// type is the resource or data source type ("" for providers and modules).
void check_body(RuleContext& context, const std::string& path, const std::string& owner,
                std::string_view type, const parse::HclBody& body) {
  bool store = is_secret_store_type(type);
  for (const auto& attribute : body.attributes) {
    const auto& value = attribute.expression;
    if (!is_literal_string(value)) continue;
    if (store && names_the_secret(attribute.name)) continue;
    // PLACEHOLDER, changeme, "{}": a value set out of band (lifecycle ignore_changes), or none.
    if (is_upper_snake_name(value.value) || is_placeholder_value(value.value) ||
        value.value.size() < 8)
      continue;
    bool by_name = is_credential_argument(attribute.name) || (store && attribute.name == "value");
    if (!by_name && !looks_like_secret_value(value.value)) continue;
    context.report(owner + " sets " + attribute.name +
                       " to a literal string: the credential is in the repository and in every "
                       "clone",
                   path, attribute.line, attribute.column, redact(value.value));
  }
  for (const auto& block : body.blocks) {
    if (block.type == "lifecycle") continue;
    check_body(context, path, owner, type, block.body);
  }
}

std::string owner_of(const parse::HclBlock& block) {
  if (block.type == "provider") return "provider \"" + block.label(0) + "\"";
  if (block.type == "module") return "module." + block.label(0);
  if (block.type == "data") return "data." + block.label(0) + "." + block.label(1);
  return block.label(0) + "." + block.label(1);
}

bool is_true(const parse::HclAttribute* attribute) {
  return attribute != nullptr && attribute->expression.kind == parse::HclExprKind::kBool &&
         attribute->expression.value == "true";
}

void check(RuleContext& context) {
  if (!require_terraform(context)) return;
  for (const auto& file : context.model().terraform.files) {
    if (file.tfvars) {
      // Values assigned to secret-looking variables in a committed tfvars file.
      for (const auto& attribute : file.body.attributes) {
        const auto& value = attribute.expression;
        if (!is_literal_string(value) || is_indirect_value(value.value)) continue;
        if (!looks_like_secret_name(attribute.name) && !looks_like_secret_value(value.value))
          continue;
        context.report(file.path + " assigns a literal value to " + attribute.name +
                           ": the secret is committed with the configuration",
                       file.path, attribute.line, attribute.column, redact(value.value));
      }
      continue;
    }
    for (const auto& block : file.body.blocks) {
      if (block.type == "provider" || block.type == "resource" || block.type == "data" ||
          block.type == "module") {
        std::string type = block.type == "resource" || block.type == "data" ? block.label(0) : "";
        check_body(context, file.path, owner_of(block), type, block.body);
      } else if (block.type == "variable") {
        const auto* default_value = block.body.attribute("default");
        if (default_value == nullptr || !is_literal_string(default_value->expression)) continue;
        if (!looks_like_secret_name(block.label(0)) ||
            is_indirect_value(default_value->expression.value))
          continue;
        if (is_true(block.body.attribute("sensitive"))) continue;
        context.report("variable \"" + block.label(0) +
                           "\" has a literal default and is not marked sensitive: the secret is "
                           "committed and shown in plan output",
                       file.path, default_value->line, default_value->column,
                       redact(default_value->expression.value));
      }
    }
  }
}

}  // namespace

extern const Rule kHardcodedCredentials;
const Rule kHardcodedCredentials{
    {.id = "iac/hardcoded-credentials",
     .section = "iac",
     .title = "Terraform holds no literal credentials",
     .severity = Severity::kError,
     .seeds = "001 T100-T102, 000 T022",
     .rationale =
         "A credential written in a .tf file is readable by everyone with the repository and "
         "stays in its history after it is removed; it also lands in the plan output and the "
         "state. golive reports provider, resource, data and module arguments that hold a "
         "credential (access_key, secret_key, token, password, client_secret, private_key, "
         "master_password, api_key ...) or a value shaped like one (AKIA..., ghp_..., a PEM "
         "key) as a string literal rather than a variable, reference or function call; "
         "variables whose name says secret, password, token or key with a literal default and "
         "no 'sensitive = true'; and secret-looking values in committed .tfvars files. Names are "
         "not values: the secret, secret_id, name, key and path arguments of a secrets store's "
         "resources and data sources (Google Secret Manager, AWS Secrets Manager and SSM, Azure "
         "Key Vault, Vault) name the secret kept there, and an upper-snake-case literal "
         "('OAUTH_ID') is the name of a variable or secret, not a credential; placeholders "
         "('PLACEHOLDER', 'changeme') and values under 8 characters are not reported.",
     .remediation = "Remove the literal, rotate the credential, and pass it in: provider "
                    "credentials from the environment (AWS_PROFILE, an assumed role, workload "
                    "identity), secrets from a variable marked 'sensitive = true' fed by the CI "
                    "secret store, or a data source of a secrets manager "
                    "(aws_secretsmanager_secret_version).",
     .also = "Checkov CKV_AWS_41 (provider credentials)"},
    check};

}  // namespace golive::rules::iac
