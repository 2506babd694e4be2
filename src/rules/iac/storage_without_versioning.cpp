#include <array>

#include "rules/iac/iac_common.h"

namespace golive::rules::iac {
namespace {

constexpr std::string_view kOverwritable = "an overwritten or deleted object cannot be recovered";

// Where each storage service turns object versioning on. An S3 bucket may do it inline (the
// provider's older form) or through an aws_s3_bucket_versioning resource naming the bucket.
constexpr std::array kVersioning = {
    ResourceRequirement{
        .type = "aws_s3_bucket",
        .setting = {"versioning.enabled", Expect::kTrue},
        .companion = "aws_s3_bucket_versioning",
        .companion_target = "bucket",
        .companion_setting = {"versioning_configuration.status", Expect::kEquals, 0, "Enabled"},
        .problem = kOverwritable},
    ResourceRequirement{.type = "google_storage_bucket",
                        .setting = {"versioning.enabled", Expect::kTrue},
                        .problem = kOverwritable},
    ResourceRequirement{.type = "azurerm_storage_account",
                        .setting = {"blob_properties.versioning_enabled", Expect::kTrue},
                        .problem = kOverwritable},
};

void check(RuleContext& context) {
  check_requirements(context, kVersioning, "storage buckets or accounts");
}

}  // namespace

extern const Rule kStorageWithoutVersioning;
const Rule kStorageWithoutVersioning{
    {.id = "iac/storage-without-versioning",
     .section = "iac",
     .title = "Storage buckets keep object versions",
     .severity = Severity::kWarning,
     .seeds = "001 T100-T102, 003 P3-05..10",
     .rationale =
         "Object storage holds uploads, exports and backups. Without versioning, a buggy job "
         "or a leaked key that overwrites or deletes objects destroys them for good. golive "
         "looks for an aws_s3_bucket_versioning resource with status \"Enabled\" whose bucket "
         "names each aws_s3_bucket (or an inline versioning { enabled = true }), versioning { "
         "enabled = true } on google_storage_bucket, and blob_properties { versioning_enabled = "
         "true } on azurerm_storage_account. A value written as var.NAME counts as the variable's "
         "literal default in a root module that no .tfvars file overrides (TF_VAR_ variables and "
         "-var flags of a pipeline are not seen).",
     .remediation = "Add 'resource \"aws_s3_bucket_versioning\" \"logs\" { bucket = "
                    "aws_s3_bucket.logs.id, versioning_configuration { status = \"Enabled\" } }' "
                    "(or the provider's equivalent), with a lifecycle rule to expire old "
                    "versions.",
     .also = "Checkov CKV_AWS_21 (S3 versioning)"},
    check};

}  // namespace golive::rules::iac
