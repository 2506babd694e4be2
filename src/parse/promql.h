#pragma once
// A PromQL parser: recursive descent with precedence climbing over a small token stream. It
// builds an AST with positions, checks types the way Prometheus does (a range vector where an
// instant vector is expected, argument counts, set operators on scalars) and never throws: an
// invalid expression comes back as a PromqlError with its 1-based line and column.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive::parse {

enum class PromqlType { kScalar, kString, kInstantVector, kRangeVector };

std::string_view promql_type_name(PromqlType type);

struct PromqlMatcher {
  std::string label;
  std::string op;  // =, !=, =~, !~
  std::string value;
};

struct PromqlNode {
  enum class Kind {
    kNumber,
    kString,
    kVectorSelector,
    kMatrixSelector,  // children[0] is the vector selector
    kSubquery,        // children[0] is the inner expression
    kCall,
    kAggregate,  // children: [parameter,] expression
    kBinary,     // children: left, right
    kUnary,      // children[0]
    kParen,      // children[0]
  };

  Kind kind = Kind::kNumber;
  PromqlType type = PromqlType::kScalar;
  int line = 1;  // where the node starts, 1-based
  int column = 1;
  std::string name;  // metric, function, aggregation operator or binary/unary operator
  double number = 0;
  std::string text;  // string literal value
  std::vector<PromqlMatcher> matchers;
  std::vector<PromqlNode> children;

  // Selector and subquery modifiers.
  std::optional<std::int64_t> offset_ms;
  std::string at;  // "start()", "end()" or the timestamp as written
  std::int64_t range_ms = 0;
  std::int64_t step_ms = 0;  // subquery resolution; 0 when omitted

  // Aggregation grouping and binary vector matching.
  bool without = false;
  std::vector<std::string> grouping;
  bool return_bool = false;
  std::string matching;  // "on", "ignoring" or empty
  std::vector<std::string> matching_labels;
  std::string group_side;  // "group_left", "group_right" or empty
  std::vector<std::string> include_labels;
};

struct PromqlError {
  std::string message;
  int line = 1;
  int column = 1;
  // "unexpected ')' at 1:17"
  [[nodiscard]] std::string describe() const;
};

// What rules want to know about an expression, collected from the AST.
struct PromqlFacts {
  std::vector<std::string> metrics;  // sorted, unique; includes {__name__="x"}
  std::vector<std::string> functions;
  std::vector<std::string> aggregations;
  std::vector<std::string> binary_operators;
  std::vector<PromqlMatcher> matchers;  // every label matcher except the metric name
  std::vector<std::int64_t> ranges_ms;  // range selectors and subquery ranges
  bool uses_offset = false;
  bool uses_at = false;
  bool uses_subquery = false;
};

struct PromqlParse {
  std::optional<PromqlNode> root;  // set when the expression is valid
  std::optional<PromqlError> error;
  PromqlFacts facts;
  [[nodiscard]] bool ok() const { return !error.has_value(); }
};

PromqlParse parse_promql(std::string_view text);

// "5m", "1h30m", "250ms" -> milliseconds; nullopt for anything else.
std::optional<std::int64_t> parse_promql_duration(std::string_view text);

}  // namespace golive::parse
