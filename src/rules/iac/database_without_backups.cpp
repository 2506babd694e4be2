#include <array>

#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

constexpr std::string_view kNoBackups = "the database cannot be restored to a point in time";
constexpr std::string_view kShortBackups = "backups are kept less than a week";
constexpr std::string_view kNoGeoBackups =
    "backups live in the server's region only and are lost with it";

constexpr Setting kGeoRedundant{"geo_redundant_backup_enabled", Expect::kTrue};
constexpr Setting kRetentionDays{"backup_retention_days", Expect::kAtLeast, 7};

// What each managed database needs for automated, restorable backups. Read replicas take
// their data from the primary and are exempt.
constexpr std::array kBackups = {
    ResourceRequirement{.type = "aws_db_instance",
                        .setting = {"backup_retention_period", Expect::kAtLeast, 1},
                        .skip_if = "replicate_source_db",
                        .problem = kNoBackups},
    ResourceRequirement{.type = "aws_rds_cluster",
                        .setting = {"backup_retention_period", Expect::kAtLeast, 1},
                        .skip_if = "replication_source_identifier",
                        .problem = kNoBackups},
    ResourceRequirement{.type = "aws_docdb_cluster",
                        .setting = {"backup_retention_period", Expect::kAtLeast, 1},
                        .problem = kNoBackups},
    ResourceRequirement{.type = "aws_dynamodb_table",
                        .setting = {"point_in_time_recovery.enabled", Expect::kTrue},
                        .problem = kNoBackups},
    ResourceRequirement{.type = "google_sql_database_instance",
                        .setting = {"settings.backup_configuration.enabled", Expect::kTrue},
                        .skip_if = "master_instance_name",
                        .problem = kNoBackups},
    ResourceRequirement{.type = "azurerm_postgresql_server",
                        .setting = kRetentionDays,
                        .absent_passes = true,
                        .problem = kShortBackups},
    ResourceRequirement{
        .type = "azurerm_postgresql_server", .setting = kGeoRedundant, .problem = kNoGeoBackups},
    ResourceRequirement{.type = "azurerm_mysql_server",
                        .setting = kRetentionDays,
                        .absent_passes = true,
                        .problem = kShortBackups},
    ResourceRequirement{
        .type = "azurerm_mysql_server", .setting = kGeoRedundant, .problem = kNoGeoBackups},
    ResourceRequirement{.type = "azurerm_postgresql_flexible_server",
                        .setting = kRetentionDays,
                        .absent_passes = true,
                        .problem = kShortBackups},
    ResourceRequirement{.type = "azurerm_postgresql_flexible_server",
                        .setting = kGeoRedundant,
                        .problem = kNoGeoBackups},
    ResourceRequirement{.type = "azurerm_mysql_flexible_server",
                        .setting = kRetentionDays,
                        .absent_passes = true,
                        .problem = kShortBackups},
    ResourceRequirement{.type = "azurerm_mysql_flexible_server",
                        .setting = kGeoRedundant,
                        .problem = kNoGeoBackups},
};

void check(RuleContext& context) { check_requirements(context, kBackups, "database resources"); }

}  // namespace

extern const Rule kDatabaseWithoutBackups;
const Rule kDatabaseWithoutBackups{
    {.id = "iac/database-without-backups",
     .section = "iac",
     .title = "Managed databases keep automated backups",
     .severity = Severity::kWarning,
     .seeds = "000 T015, 001 T100-T102, 003 P3-05..10",
     .rationale =
         "A managed database only keeps the backups its configuration asks for. golive reads "
         "the Terraform resources: aws_db_instance, aws_rds_cluster and aws_docdb_cluster need "
         "backup_retention_period of 1 day or more (0 or unset turns automated backups and "
         "point-in-time recovery off or leaves them to a default); aws_dynamodb_table needs "
         "point_in_time_recovery { enabled = true }; google_sql_database_instance needs "
         "settings { backup_configuration { enabled = true } }; Azure PostgreSQL and MySQL "
         "servers need backup_retention_days of 7 or more and geo_redundant_backup_enabled. "
         "Read replicas are exempt. A value written as var.NAME counts as the variable's literal "
         "default in a root module that no .tfvars file overrides (TF_VAR_ variables and -var "
         "flags "
         "of a pipeline are not seen); other computed values are "
         "trusted.",
     .remediation = "Set the retention on the resource, e.g. 'backup_retention_period = 14' on "
                    "aws_db_instance, 'point_in_time_recovery { enabled = true }' on "
                    "aws_dynamodb_table, and test a restore.",
     .also = "Checkov CKV_AWS_28 (DynamoDB point-in-time recovery), Trivy AVD-AWS-0077 (RDS "
             "backup retention)"},
    check};

}  // namespace golive::rules::iac
