#include <array>

#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

constexpr std::string_view kDeletable =
    "one mistaken apply, destroy or console click deletes the database";

// Azure has no deletion flag on database servers: a management lock on the server does it.
constexpr Setting kNoSetting{""};

constexpr ResourceRequirement azure_lock(std::string_view type) {
  return {.type = type,
          .setting = kNoSetting,
          .companion = "azurerm_management_lock",
          .companion_target = "scope",
          .problem = kDeletable};
}

// The attribute that protects each managed database from deletion. Google's
// deletion_protection defaults to true, so only an explicit false is reported there.
constexpr std::array kProtection = {
    ResourceRequirement{.type = "aws_db_instance",
                        .setting = {"deletion_protection", Expect::kTrue},
                        .problem = kDeletable},
    ResourceRequirement{.type = "aws_rds_cluster",
                        .setting = {"deletion_protection", Expect::kTrue},
                        .problem = kDeletable},
    ResourceRequirement{.type = "aws_docdb_cluster",
                        .setting = {"deletion_protection", Expect::kTrue},
                        .problem = kDeletable},
    ResourceRequirement{.type = "aws_dynamodb_table",
                        .setting = {"deletion_protection_enabled", Expect::kTrue},
                        .problem = kDeletable},
    ResourceRequirement{.type = "google_sql_database_instance",
                        .setting = {"deletion_protection", Expect::kTrue},
                        .absent_passes = true,
                        .problem = kDeletable},
    azure_lock("azurerm_postgresql_server"),
    azure_lock("azurerm_mysql_server"),
    azure_lock("azurerm_postgresql_flexible_server"),
    azure_lock("azurerm_mysql_flexible_server"),
};

void check(RuleContext& context) { check_requirements(context, kProtection, "database resources"); }

}  // namespace

extern const Rule kDatabaseWithoutDeletionProtection;
const Rule kDatabaseWithoutDeletionProtection{
    {.id = "iac/database-without-deletion-protection",
     .section = "iac",
     .title = "Managed databases are protected from deletion",
     .severity = Severity::kWarning,
     .seeds = "000 T015, 001 T100-T102, 003 P3-05..10",
     .rationale =
         "A renamed resource, a wrong workspace or a 'terraform destroy' in the wrong folder "
         "plans the deletion of a production database, and the provider carries it out unless "
         "the database is protected. golive checks deletion_protection on aws_db_instance, "
         "aws_rds_cluster and aws_docdb_cluster, deletion_protection_enabled on "
         "aws_dynamodb_table, deletion_protection not set to false on "
         "google_sql_database_instance, and an azurerm_management_lock whose scope names each "
         "Azure PostgreSQL or MySQL server. A value written as var.NAME counts as the variable's "
         "literal default in a root module that no .tfvars file overrides (TF_VAR_ variables and "
         "-var flags of a pipeline are not seen); other computed values "
         "are trusted.",
     .remediation = "Set 'deletion_protection = true' (DynamoDB: 'deletion_protection_enabled = "
                    "true'); on Azure add 'resource \"azurerm_management_lock\"' with 'scope = "
                    "azurerm_postgresql_server.main.id' and 'lock_level = \"CanNotDelete\"'.",
     .also = "Checkov and Trivy RDS deletion-protection checks"},
    check};

}  // namespace golive::rules::iac
