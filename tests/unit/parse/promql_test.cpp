#include "parse/promql.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace golive::parse {
namespace {

// Every expression below was checked with promtool 2.42 (`promtool check rules`) while the
// parser was written; the tests themselves never call it.
const std::vector<std::string> kValid = {
    "1",
    "-1.5",
    "0x1F",
    "1e3",
    ".5",
    "Inf",
    "-Inf",
    "NaN",
    "\"a string\"",
    "'single'",
    "`raw string`",
    "http_requests_total",
    "job:http_requests:rate5m",
    "http_requests_total{job=\"api\"}",
    "http_requests_total{job=\"api\",code!=\"200\"}",
    "http_requests_total{code=~\"5..\"}",
    "http_requests_total{code!~\"2..|3..\"}",
    "http_requests_total{job=\"api\",}",
    "{__name__=\"http_requests_total\"}",
    "{__name__=~\"http_.*\",job=\"api\"}",
    "{job=\"api\"}",
    "http_requests_total[5m]",
    "http_requests_total[1h30m]",
    "http_requests_total[2d]",
    "http_requests_total[500ms]",
    "http_requests_total[1w]",
    "http_requests_total[1y]",
    "http_requests_total offset 5m",
    "http_requests_total offset -5m",
    "http_requests_total[5m] offset 1w",
    "http_requests_total @ 1609746000",
    "http_requests_total @ start()",
    "http_requests_total @ end()",
    "http_requests_total[5m] @ 1609746000 offset 1h",
    "http_requests_total offset 1h @ end()",
    "rate(http_requests_total[5m])",
    "irate(http_requests_total{job=\"api\"}[1m])",
    "increase(http_requests_total[1h])",
    "delta(cpu_temp_celsius[2h])",
    "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
    "histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[10m]))",
    "sum_over_time(x[5m])",
    "avg_over_time(x[5m])",
    "max_over_time(x[5m])",
    "min_over_time(x[5m])",
    "count_over_time(x[5m])",
    "quantile_over_time(0.95, x[5m])",
    "absent(up{job=\"api\"})",
    "absent_over_time(up{job=\"api\"}[5m])",
    "changes(x[1h])",
    "resets(x[1h])",
    "clamp_min(x, 0)",
    "clamp_max(x, 100)",
    "clamp(x, 0, 100)",
    "label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
    "label_join(up, \"foo\", \",\", \"a\", \"b\", \"c\")",
    "time()",
    "vector(1)",
    "scalar(sum(up))",
    "predict_linear(node_filesystem_free_bytes[6h], 4 * 3600)",
    "deriv(x[10m])",
    "abs(x)",
    "ceil(x)",
    "floor(x)",
    "round(x)",
    "round(x, 0.5)",
    "sort(x)",
    "sort_desc(x)",
    "timestamp(x)",
    "day_of_week()",
    "hour(timestamp(x))",
    "sum(x)",
    "sum by (job) (x)",
    "sum(x) by (job)",
    "sum without (instance) (x)",
    "sum(x) without (instance)",
    "sum by () (x)",
    "sum by (job,) (x)",
    "avg(x)",
    "min(x)",
    "max(x)",
    "count(x)",
    "stddev(x)",
    "stdvar(x)",
    "group(x)",
    "topk(5, x)",
    "bottomk(3, sum by (job) (x))",
    "quantile(0.9, x)",
    "count_values(\"version\", build_info)",
    "SUM BY (job) (x)",
    "1 + 2 * 3",
    "2 ^ 3 ^ 2",
    "-2 ^ 2",
    "2 ^ -1",
    "a * b + c / d % e",
    "a atan2 b",
    "a > 5",
    "a > bool 5",
    "1 > bool 2",
    "a == b",
    "a != on(job) b",
    "a and b",
    "a unless b",
    "a or b",
    "a and on(job) b",
    "a or ignoring(instance) b",
    "a * on(job) group_left(instance) b",
    "a * on(job) group_left b",
    "a / ignoring(code) group_right c",
    "a + on() b",
    "-x",
    "+x",
    "-(a + b)",
    "((x))",
    "sum(rate(x[5m])) / sum(rate(y[5m])) > 0.05",
    "rate(x[5m])[30m:1m]",
    "max_over_time(rate(x[5m])[30m:1m])",
    "max_over_time(rate(x[5m])[30m:])",
    "max_over_time(x[1h:5m] offset 1d)",
    "min_over_time(rate(x[5m])[1h:] @ end())",
    "rate(x[5m]) + 1",
    // Multi-line expressions with comments, as rule files write them.
    "# leading comment\nx",
    "sum(\n  rate(x[5m])  # per second\n)\n  by (job)",
    "sum by (job) (\n  rate(http_requests_total{code=~\"5..\"}[5m])\n)\n/\nsum by (job) "
    "(rate(http_requests_total[5m])) > 0.05",
};

TEST(PromqlValid, EveryExpressionParses) {
  for (const auto& expression : kValid) {
    PromqlParse parsed = parse_promql(expression);
    EXPECT_TRUE(parsed.ok()) << expression << ": "
                             << (parsed.error ? parsed.error->describe() : "");
    EXPECT_TRUE(parsed.root.has_value()) << expression;
  }
}

struct Invalid {
  std::string expression;
  int line;
  int column;
  std::string message;  // a substring of the error message
};

const std::vector<Invalid> kInvalid = {
    {"rate(x)", 1, 6, "expected type range vector in call to function 'rate'"},
    {"sum(rate(x[5m])))", 1, 17, "unexpected ')'"},
    {"foo{job=\"x\"", 1, 4, "unclosed '{'"},
    {"sum(x", 1, 4, "unclosed '('"},
    {"unknown_fn(x)", 1, 1, "unknown function 'unknown_fn'"},
    {"rate(x[5m], 1)", 1, 1, "wrong number of arguments in call to 'rate': expected 1"},
    {"histogram_quantile(0.9)", 1, 1,
     "wrong number of arguments in call to 'histogram_quantile': expected 2"},
    {"x[5x]", 1, 3, "bad duration '5x'"},
    {"x[1h30]", 1, 3, "bad duration '1h30'"},
    {"x[5m1h]", 1, 3, "bad duration '5m1h'"},
    {"x[]", 1, 3, "unexpected ']', expected a duration for the range"},
    {"x[0s]", 1, 3, "duration must be greater than 0"},
    {"foo{job=5}", 1, 9, "unexpected '5', expected a quoted label value"},
    {"foo{job~\"x\"}", 1, 8, "unexpected character '~'"},
    {"foo{job=\"x\" code=\"y\"}", 1, 13,
     "unexpected 'code', expected ',' or '}' in label matching"},
    {"{}", 1, 1, "vector selector must contain at least one non-empty matcher"},
    {"{job=\"\"}", 1, 1, "vector selector must contain at least one non-empty matcher"},
    {"1 and 2", 1, 3, "set operator 'and' not allowed in binary scalar expression"},
    {"x and 1", 1, 3, "set operator 'and' not allowed in binary scalar expression"},
    {"1 > 2", 1, 3, "comparisons between scalars must use bool modifier"},
    {"x + \"a\"", 1, 5, "binary expression must contain only scalar and instant vector types"},
    {"sum(x[5m])", 1, 5, "expected type instant vector in aggregation expression"},
    {"topk(x)", 1, 1, "wrong number of arguments for aggregation 'topk'"},
    {"topk(\"a\", x)", 1, 6, "expected type scalar in aggregation parameter"},
    {"count_values(5, x)", 1, 14, "expected type string in aggregation parameter"},
    {"sum by job (x)", 1, 8, "unexpected 'job', expected '(' and a label list"},
    {"rate(x[5m])[1m]", 1, 12, "ranges only allowed for vector selectors"},
    {"rate(x[5m]) offset 5m", 1, 13,
     "offset modifier must be preceded by an instant vector selector or range vector selector or a "
     "subquery"},
    {"5m", 1, 1, "unexpected duration '5m'"},
    {"x @ foo", 1, 5, "unexpected 'foo', expected a timestamp, start() or end() after @"},
    {"x offset", 1, 9, "unexpected end of input, expected a duration for the offset"},
    {"x offset 1m offset 2m", 1, 13, "offset may not be set multiple times"},
    {"(1 + 2)[5m:1m]", 1, 8, "subquery is only allowed on instant vector"},
    {"x $ y", 1, 3, "unexpected character '$'"},
    {"\"unterminated", 1, 1, "unterminated string"},
    {"a + on(job) 1", 1, 3, "vector matching only allowed between instant vectors"},
    {"a and on(job) group_left b", 1, 3, "no grouping allowed for 'and' operation"},
    {"1 bool 2", 1, 3, "unexpected 'bool'"},
    {"vector(\"a\")", 1, 8, "expected type scalar in call to function 'vector'"},
    {"sum(x) by", 1, 10, "unexpected end of input, expected '(' and a label list"},
    {"x[5m:1m:1m]", 1, 8, "unexpected ':', expected ']'"},
    {"foo{__name__=\"bar\"}", 1, 5, "metric name must not be set twice: 'foo' or 'bar'"},
    {"label_replace(x, \"a\", \"b\")", 1, 1,
     "wrong number of arguments in call to 'label_replace': expected 5"},
    {"-\"a\"", 1, 2,
     "unary expression only allowed on expressions of type scalar or instant vector"},
    {"x + ", 1, 5, "unexpected end of input"},
    {"foo{job=\"x\",", 1, 4, "unclosed '{'"},
    {"a > on(job) bool b", 1, 13, "unexpected 'bool'"},
};

TEST(PromqlInvalid, EveryExpressionFailsAtItsPosition) {
  for (const auto& invalid : kInvalid) {
    PromqlParse parsed = parse_promql(invalid.expression);
    ASSERT_FALSE(parsed.ok()) << invalid.expression;
    EXPECT_FALSE(parsed.root.has_value()) << invalid.expression;
    EXPECT_EQ(parsed.error->line, invalid.line) << invalid.expression;
    EXPECT_EQ(parsed.error->column, invalid.column) << invalid.expression;
    EXPECT_NE(parsed.error->message.find(invalid.message), std::string::npos)
        << invalid.expression << ": " << parsed.error->message;
  }
}

TEST(PromqlInvalid, DescribeNamesLineAndColumn) {
  PromqlParse parsed = parse_promql("sum(rate(x[5m])))");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error->describe(), "unexpected ')' at 1:17");
}

TEST(PromqlInvalid, MultiLineErrorsCountLinesAndColumns) {
  PromqlParse parsed = parse_promql("sum by (job) (\n  rate(x)\n)");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error->line, 2);
  EXPECT_EQ(parsed.error->column, 8);
  EXPECT_EQ(parsed.error->describe(),
            "expected type range vector in call to function 'rate', got instant vector at 2:8");

  PromqlParse comment = parse_promql("x # a comment with ) in it\n  + )");
  ASSERT_FALSE(comment.ok());
  EXPECT_EQ(comment.error->describe(), "unexpected ')' at 2:5");
}

TEST(PromqlInvalid, EmptyAndHostileInputsAreErrorsNotCrashes) {
  EXPECT_FALSE(parse_promql("").ok());
  EXPECT_FALSE(parse_promql("   # only a comment").ok());
  EXPECT_EQ(parse_promql("x[99999999999999999999999y]").error->message.substr(0, 12),
            "bad duration");
  std::string deep(5000, '(');
  PromqlParse nested = parse_promql(deep + "1" + std::string(5000, ')'));
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error->message, "expression nests too deeply");
  EXPECT_FALSE(parse_promql("x{job=\"\\q\"}").ok());
  EXPECT_FALSE(parse_promql("\xc3\xa9").ok());
}

TEST(PromqlAst, PowerIsRightAssociativeAndBindsTighterThanUnaryMinus) {
  PromqlParse parsed = parse_promql("2 ^ 3 ^ 2");
  ASSERT_TRUE(parsed.ok());
  const PromqlNode& root = *parsed.root;
  ASSERT_EQ(root.kind, PromqlNode::Kind::kBinary);
  EXPECT_EQ(root.children[0].kind, PromqlNode::Kind::kNumber);
  EXPECT_EQ(root.children[1].kind, PromqlNode::Kind::kBinary);

  PromqlParse minus = parse_promql("-2 ^ 2");
  ASSERT_TRUE(minus.ok());
  EXPECT_EQ(minus.root->kind, PromqlNode::Kind::kUnary);
  EXPECT_EQ(minus.root->children[0].name, "^");
}

TEST(PromqlAst, PrecedenceLevels) {
  // a or b and c > d + e * f  ==  a or (b and (c > (d + (e * f))))
  PromqlParse parsed = parse_promql("a or b and c > d + e * f");
  ASSERT_TRUE(parsed.ok());
  const PromqlNode* node = &*parsed.root;
  for (std::string op : {"or", "and", ">", "+", "*"}) {
    ASSERT_EQ(node->kind, PromqlNode::Kind::kBinary) << op;
    EXPECT_EQ(node->name, op);
    node = &node->children[1];
  }
  PromqlParse left = parse_promql("a - b - c");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left.root->children[0].kind, PromqlNode::Kind::kBinary);  // (a - b) - c
}

TEST(PromqlAst, VectorMatchingAndModifiers) {
  PromqlParse parsed = parse_promql("a * on(job, instance) group_left(version) b");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.root->matching, "on");
  EXPECT_EQ(parsed.root->matching_labels, (std::vector<std::string>{"job", "instance"}));
  EXPECT_EQ(parsed.root->group_side, "group_left");
  EXPECT_EQ(parsed.root->include_labels, (std::vector<std::string>{"version"}));

  PromqlParse compare = parse_promql("a > bool ignoring(code) b");
  ASSERT_TRUE(compare.ok());
  EXPECT_TRUE(compare.root->return_bool);
  EXPECT_EQ(compare.root->matching, "ignoring");

  PromqlParse offset = parse_promql("x[5m] offset -1h30m @ start()");
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(offset.root->kind, PromqlNode::Kind::kMatrixSelector);
  EXPECT_EQ(offset.root->range_ms, 5 * 60 * 1000);
  ASSERT_TRUE(offset.root->offset_ms.has_value());
  EXPECT_EQ(*offset.root->offset_ms, -(90 * 60 * 1000));
  EXPECT_EQ(offset.root->at, "start()");

  PromqlParse subquery = parse_promql("rate(x[5m])[30m:1m] @ 1609746000");
  ASSERT_TRUE(subquery.ok());
  EXPECT_EQ(subquery.root->kind, PromqlNode::Kind::kSubquery);
  EXPECT_EQ(subquery.root->type, PromqlType::kRangeVector);
  EXPECT_EQ(subquery.root->range_ms, 30 * 60 * 1000);
  EXPECT_EQ(subquery.root->step_ms, 60 * 1000);
  EXPECT_EQ(subquery.root->at, "1609746000");
}

TEST(PromqlAst, AggregationGroupingBeforeOrAfter) {
  for (std::string expression : {"sum by (job, le) (x)", "sum(x) by (job, le)"}) {
    PromqlParse parsed = parse_promql(expression);
    ASSERT_TRUE(parsed.ok()) << expression;
    EXPECT_EQ(parsed.root->kind, PromqlNode::Kind::kAggregate);
    EXPECT_FALSE(parsed.root->without);
    EXPECT_EQ(parsed.root->grouping, (std::vector<std::string>{"job", "le"}));
  }
  PromqlParse without = parse_promql("topk without (instance) (3, x)");
  ASSERT_TRUE(without.ok());
  EXPECT_TRUE(without.root->without);
  EXPECT_EQ(without.root->children.size(), 2u);
}

TEST(PromqlAst, TypesOfResults) {
  EXPECT_EQ(parse_promql("1 + 2").root->type, PromqlType::kScalar);
  EXPECT_EQ(parse_promql("x + 2").root->type, PromqlType::kInstantVector);
  EXPECT_EQ(parse_promql("x[5m]").root->type, PromqlType::kRangeVector);
  EXPECT_EQ(parse_promql("time()").root->type, PromqlType::kScalar);
  EXPECT_EQ(parse_promql("\"a\"").root->type, PromqlType::kString);
  EXPECT_EQ(parse_promql("scalar(x)").root->type, PromqlType::kScalar);
}

TEST(PromqlLiterals, StringsAndNumbers) {
  EXPECT_EQ(parse_promql("\"a\\tb\\\"c\\u00e9\"").root->text, "a\tb\"c\xc3\xa9");
  EXPECT_EQ(parse_promql("`a\\tb`").root->text, "a\\tb");
  EXPECT_EQ(parse_promql("'it\\'s'").root->text, "it's");
  EXPECT_DOUBLE_EQ(parse_promql("0x1F").root->number, 31);
  EXPECT_DOUBLE_EQ(parse_promql("1.5e3").root->number, 1500);
  EXPECT_TRUE(std::isinf(parse_promql("Inf").root->number));
}

TEST(PromqlFacts, MetricsFunctionsAggregationsAndMatchers) {
  PromqlParse parsed = parse_promql(
      "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"
      " > 0.5 or {__name__=\"up\", job=\"api\"} == 0 or max_over_time(x[1h:1m] offset 1d)");
  ASSERT_TRUE(parsed.ok()) << parsed.error->describe();
  const PromqlFacts& facts = parsed.facts;
  EXPECT_EQ(facts.metrics,
            (std::vector<std::string>{"http_request_duration_seconds_bucket", "up", "x"}));
  EXPECT_EQ(facts.functions,
            (std::vector<std::string>{"histogram_quantile", "max_over_time", "rate"}));
  EXPECT_EQ(facts.aggregations, (std::vector<std::string>{"sum"}));
  ASSERT_EQ(facts.matchers.size(), 1u);
  EXPECT_EQ(facts.matchers[0].label, "job");
  EXPECT_EQ(facts.matchers[0].value, "api");
  EXPECT_EQ(facts.ranges_ms, (std::vector<std::int64_t>{5 * 60 * 1000, 60 * 60 * 1000}));
  EXPECT_TRUE(facts.uses_subquery);
  EXPECT_TRUE(facts.uses_offset);
  EXPECT_FALSE(facts.uses_at);
}

TEST(PromqlDuration, ParsesCompoundDurations) {
  EXPECT_EQ(parse_promql_duration("5m"), 5 * 60 * 1000);
  EXPECT_EQ(parse_promql_duration("1h30m"), 90 * 60 * 1000);
  EXPECT_EQ(parse_promql_duration("2d"), 2LL * 24 * 3600 * 1000);
  EXPECT_EQ(parse_promql_duration("1s500ms"), 1500);
  EXPECT_EQ(parse_promql_duration("1y"), 365LL * 24 * 3600 * 1000);
  EXPECT_FALSE(parse_promql_duration("").has_value());
  EXPECT_FALSE(parse_promql_duration("5").has_value());
  EXPECT_FALSE(parse_promql_duration("m5").has_value());
  EXPECT_FALSE(parse_promql_duration("5m1h").has_value());
  EXPECT_FALSE(parse_promql_duration("1m1m").has_value());
  EXPECT_FALSE(parse_promql_duration("5x").has_value());
}

}  // namespace
}  // namespace golive::parse
