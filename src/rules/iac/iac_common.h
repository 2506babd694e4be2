#pragma once
// What the iac rules share: applicability, and settings of Terraform resources checked from
// data tables (which resource, which attribute or nested block, what value is safe, which
// separate resource may carry the setting instead).
#include <span>
#include <string>
#include <string_view>

#include "rules/rule.h"

namespace golive::rules::iac {

// Marks the rule not applicable and returns false when the repository has no .tf file.
bool require_terraform(RuleContext& context);

enum class Expect {
  kPresent,  // the attribute or block exists
  kTrue,     // a literal true
  kAtLeast,  // a literal number >= minimum
  kEquals,   // a literal string equal (ignoring case) to equals
};

// A dotted path into a resource body: nested blocks, then an attribute or a block
// ("settings.backup_configuration.enabled").
struct Setting {
  std::string_view path;
  Expect expect = Expect::kPresent;
  double minimum = 0;
  std::string_view equals = "";
};

struct ResourceRequirement {
  std::string_view type;          // aws_db_instance
  Setting setting;                // an empty path: only a companion resource satisfies it
  bool absent_passes = false;     // the provider's default is already safe
  std::string_view skip_if = "";  // an attribute that exempts the resource (replicate_source_db)
  // A separate resource that may carry the setting (aws_s3_bucket_versioning), naming this one
  // in its companion_target attribute (bucket = aws_s3_bucket.logs.id).
  std::string_view companion = "";
  std::string_view companion_target = "";
  Setting companion_setting = {};
  // A resource that sets it for the whole account (aws_ebs_encryption_by_default).
  std::string_view account_default = "";
  std::string_view problem;  // what goes wrong, for the message: "it keeps no automated backups"
};

// Reports each resource of the table's types that fails a requirement; not applicable when the
// repository has none of those types (what names them: "database resources").
void check_requirements(RuleContext& context, std::span<const ResourceRequirement> table,
                        std::string_view what);

}  // namespace golive::rules::iac
