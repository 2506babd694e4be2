#include <array>

#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

constexpr std::string_view kPlain = "data at rest is not encrypted with a key you control";
constexpr std::string_view kUnencrypted = "the data is stored unencrypted at rest";

// Where each storage or database resource turns encryption at rest on. EBS volumes are also
// covered by aws_ebs_encryption_by_default, which encrypts every new volume of the account.
constexpr std::array kEncryption = {
    ResourceRequirement{.type = "aws_s3_bucket",
                        .setting = {"server_side_encryption_configuration"},
                        .companion = "aws_s3_bucket_server_side_encryption_configuration",
                        .companion_target = "bucket",
                        .problem = kPlain},
    ResourceRequirement{.type = "aws_db_instance",
                        .setting = {"storage_encrypted", Expect::kTrue},
                        .skip_if = "replicate_source_db",
                        .problem = kUnencrypted},
    ResourceRequirement{.type = "aws_rds_cluster",
                        .setting = {"storage_encrypted", Expect::kTrue},
                        .problem = kUnencrypted},
    ResourceRequirement{.type = "aws_docdb_cluster",
                        .setting = {"storage_encrypted", Expect::kTrue},
                        .problem = kUnencrypted},
    ResourceRequirement{.type = "aws_ebs_volume",
                        .setting = {"encrypted", Expect::kTrue},
                        .account_default = "aws_ebs_encryption_by_default",
                        .problem = kUnencrypted},
    ResourceRequirement{.type = "aws_efs_file_system",
                        .setting = {"encrypted", Expect::kTrue},
                        .problem = kUnencrypted},
};

void check(RuleContext& context) {
  check_requirements(context, kEncryption, "storage or database resources");
}

}  // namespace

extern const Rule kStorageWithoutEncryption;
const Rule kStorageWithoutEncryption{
    {.id = "iac/storage-without-encryption",
     .section = "iac",
     .title = "Storage and databases are encrypted at rest",
     .severity = Severity::kWarning,
     .seeds = "001 T100-T102, 003 P3-05..10",
     .rationale =
         "Encryption at rest protects data on disks and snapshots that leave your control, and "
         "compliance reviews ask for it. golive looks for an "
         "aws_s3_bucket_server_side_encryption_configuration resource whose bucket names each "
         "aws_s3_bucket (or an inline server_side_encryption_configuration block), "
         "storage_encrypted = true on aws_db_instance, aws_rds_cluster and aws_docdb_cluster "
         "(read replicas inherit it), and encrypted = true on aws_ebs_volume (unless "
         "aws_ebs_encryption_by_default is on) and aws_efs_file_system. S3 applies SSE-S3 to "
         "new objects by default; declaring the configuration makes the key and algorithm an "
         "explicit, reviewed choice. A value written as var.NAME counts as the variable's literal "
         "default in a root module that no .tfvars file overrides (TF_VAR_ variables and -var "
         "flags "
         "of a pipeline are not seen).",
     .remediation = "Set 'storage_encrypted = true' (with 'kms_key_id' for a customer key) or "
                    "'encrypted = true'; for S3 add 'resource "
                    "\"aws_s3_bucket_server_side_encryption_configuration\"' naming the bucket. "
                    "An existing RDS instance is encrypted by restoring an encrypted snapshot.",
     .also = "Checkov CKV_AWS_16 (RDS encryption), CKV_AWS_3 (EBS encryption)"},
    check};

}  // namespace golive::rules::iac
