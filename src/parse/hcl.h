#pragma once
// HCL2 (Terraform's configuration language), read as blocks and attributes. Expressions are kept
// as the source text with their position and a light classification; nothing is evaluated.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/diagnostics.h"

namespace golive::parse {

enum class HclExprKind {
  kString,        // "text" or a heredoc without interpolation; value holds the unquoted text
  kNumber,        // 3, -1.5, 1e3; value holds the text
  kBool,          // true, false; value holds the text
  kNull,          // null
  kReference,     // var.x, aws_kms_key.k.arn, local.tags["a"], module.vpc.ids[0], each.key
  kFunctionCall,  // file("x"), jsonencode({...}), provider::aws::arn_parse(x)
  kTemplate,      // a quoted string or heredoc with ${...} or %{...}
  kTuple,         // [a, b]
  kObject,        // {a = 1, b = 2}
  kConditional,   // a ? b : c
  kFor,           // [for x in y : x], {for k, v in m : k => v}
  kOther,         // operators, splats on calls, anything else
};

std::string_view hcl_expr_kind_name(HclExprKind kind);

struct HclItem;

struct HclExpression {
  HclExprKind kind = HclExprKind::kOther;
  std::string text;   // as written (a heredoc: its body), without surrounding blank space
  std::string value;  // the unquoted value of a string, or the text of a number or bool
  int line = 0;       // where the expression starts
  int column = 0;
  std::vector<HclExpression> elements;  // a tuple's elements
  // An object's keys and values. A vector of a type completed below: std::pair of an incomplete
  // type is undefined, and clang rejects it.
  std::vector<HclItem> items;

  [[nodiscard]] bool is_literal() const {
    return kind == HclExprKind::kString || kind == HclExprKind::kNumber ||
           kind == HclExprKind::kBool || kind == HclExprKind::kNull;
  }
  // The value for key in an object expression, or nullptr.
  [[nodiscard]] const HclExpression* item(std::string_view key) const;
};

struct HclItem {
  std::string first;  // the key
  HclExpression second;
};

struct HclAttribute {
  std::string name;
  HclExpression expression;
  int line = 0;
  int column = 0;
};

struct HclBlock;

struct HclBody {
  std::vector<HclAttribute> attributes;
  std::vector<HclBlock> blocks;

  [[nodiscard]] const HclAttribute* attribute(std::string_view name) const;
  [[nodiscard]] const HclBlock* block(std::string_view type) const;  // the first of that type
  [[nodiscard]] std::vector<const HclBlock*> blocks_of(std::string_view type) const;
};

struct HclBlock {
  std::string type;                 // resource, provider, terraform, backend, ...
  std::vector<std::string> labels;  // resource "aws_s3_bucket" "logs" -> {aws_s3_bucket, logs}
  HclBody body;
  int line = 0;
  int column = 0;

  [[nodiscard]] std::string label(size_t index) const {
    return index < labels.size() ? labels[index] : std::string();
  }
};

struct HclFile {
  HclBody body;
  ParseIssues issues;  // kind "invalid-hcl"; what parsed before and after a problem is kept
};

// Never throws and always ends: bad input yields issues with line and column.
HclFile parse_hcl(std::string_view text);

}  // namespace golive::parse
