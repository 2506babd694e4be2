#include "parse/hcl.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::parse {
namespace {

const HclAttribute& attribute(const HclBody& body, std::string_view name) {
  const HclAttribute* found = body.attribute(name);
  EXPECT_NE(found, nullptr) << name;
  static const HclAttribute kMissing;
  return found != nullptr ? *found : kMissing;
}

HclExprKind kind_of(std::string_view value) {
  HclFile file = parse_hcl("a = " + std::string(value) + "\n");
  EXPECT_TRUE(file.issues.empty()) << value << ": " << file.issues.front().message;
  const HclAttribute* a = file.body.attribute("a");
  return a != nullptr ? a->expression.kind : HclExprKind::kOther;
}

bool has_issue_at(const HclFile& file, int line, int column) {
  for (const auto& issue : file.issues) {
    EXPECT_EQ(issue.kind, "invalid-hcl");
    if (issue.line == line && issue.column == column) return true;
  }
  return false;
}

TEST(Hcl, EmptyInputHasNothing) {
  HclFile file = parse_hcl("");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_TRUE(file.body.attributes.empty());
  EXPECT_TRUE(file.body.blocks.empty());
}

TEST(Hcl, BlockWithLabelsAndPosition) {
  HclFile file = parse_hcl("\n  resource \"aws_s3_bucket\" \"logs\" {\n    bucket = \"x\"\n  }\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.body.blocks.size(), 1u);
  const HclBlock& block = file.body.blocks[0];
  EXPECT_EQ(block.type, "resource");
  ASSERT_EQ(block.labels.size(), 2u);
  EXPECT_EQ(block.label(0), "aws_s3_bucket");
  EXPECT_EQ(block.label(1), "logs");
  EXPECT_EQ(block.label(2), "");
  EXPECT_EQ(block.line, 2);
  EXPECT_EQ(block.column, 3);
  const HclAttribute& bucket = attribute(block.body, "bucket");
  EXPECT_EQ(bucket.line, 3);
  EXPECT_EQ(bucket.column, 5);
  EXPECT_EQ(bucket.expression.line, 3);
  EXPECT_EQ(bucket.expression.column, 14);
}

TEST(Hcl, IdentifierLabels) {
  HclFile file = parse_hcl("block_type ident_label \"quoted\" {\n}\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_EQ(file.body.blocks[0].labels, (std::vector<std::string>{"ident_label", "quoted"}));
}

TEST(Hcl, NestedBlocks) {
  HclFile file = parse_hcl(
      "terraform {\n  backend \"s3\" {\n    bucket = \"state\"\n  }\n  required_providers {\n"
      "    aws = { source = \"hashicorp/aws\" }\n  }\n}\n");
  EXPECT_TRUE(file.issues.empty());
  const HclBlock* terraform = file.body.block("terraform");
  ASSERT_NE(terraform, nullptr);
  const HclBlock* backend = terraform->body.block("backend");
  ASSERT_NE(backend, nullptr);
  EXPECT_EQ(backend->label(0), "s3");
  EXPECT_EQ(attribute(backend->body, "bucket").expression.value, "state");
  const HclBlock* providers = terraform->body.block("required_providers");
  ASSERT_NE(providers, nullptr);
  const HclExpression& aws = attribute(providers->body, "aws").expression;
  EXPECT_EQ(aws.kind, HclExprKind::kObject);
  ASSERT_NE(aws.item("source"), nullptr);
  EXPECT_EQ(aws.item("source")->value, "hashicorp/aws");
}

TEST(Hcl, OneLineBlock) {
  HclFile file = parse_hcl("lifecycle { prevent_destroy = true }\nnext = 1\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_EQ(attribute(file.body.blocks[0].body, "prevent_destroy").expression.value, "true");
  EXPECT_EQ(attribute(file.body, "next").expression.value, "1");
}

TEST(Hcl, EmptyBlockOnOneLine) {
  HclFile file = parse_hcl("cloud {}\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_NE(file.body.block("cloud"), nullptr);
}

TEST(Hcl, BlocksOfReturnsEveryBlockOfAType) {
  HclFile file = parse_hcl("provider \"aws\" {}\nprovider \"aws\" {\n  alias = \"eu\"\n}\n");
  EXPECT_EQ(file.body.blocks_of("provider").size(), 2u);
  EXPECT_TRUE(file.body.blocks_of("resource").empty());
}

TEST(Hcl, StringLiteralIsUnquotedAndUnescaped) {
  HclFile file = parse_hcl("a = \"say \\\"hi\\\"\\n\\u00e9\"\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& a = attribute(file.body, "a").expression;
  EXPECT_EQ(a.kind, HclExprKind::kString);
  EXPECT_EQ(a.value, "say \"hi\"\n\xc3\xa9");
  EXPECT_EQ(a.text, "\"say \\\"hi\\\"\\n\\u00e9\"");
}

TEST(Hcl, LiteralKinds) {
  EXPECT_EQ(kind_of("\"x\""), HclExprKind::kString);
  EXPECT_EQ(kind_of("42"), HclExprKind::kNumber);
  EXPECT_EQ(kind_of("-1.5e3"), HclExprKind::kNumber);
  EXPECT_EQ(kind_of("true"), HclExprKind::kBool);
  EXPECT_EQ(kind_of("false"), HclExprKind::kBool);
  EXPECT_EQ(kind_of("null"), HclExprKind::kNull);
}

TEST(Hcl, ReferenceKinds) {
  EXPECT_EQ(kind_of("var.x"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("aws_kms_key.k.arn"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("module.vpc.ids[0]"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("local.tags[\"env\"]"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("aws_instance.web[*].id"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("aws_instance.web.*.id"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("each.key"), HclExprKind::kReference);
  EXPECT_EQ(kind_of("terraform.workspace"), HclExprKind::kReference);
}

TEST(Hcl, FunctionCalls) {
  EXPECT_EQ(kind_of("file(\"key.pem\")"), HclExprKind::kFunctionCall);
  EXPECT_EQ(kind_of("jsonencode({\n  a = 1\n})"), HclExprKind::kFunctionCall);
  EXPECT_EQ(kind_of("provider::aws::arn_parse(var.arn)"), HclExprKind::kFunctionCall);
  EXPECT_EQ(kind_of("merge(local.a, { b = 2 })"), HclExprKind::kFunctionCall);
}

TEST(Hcl, TemplateWithInterpolation) {
  HclFile file = parse_hcl("name = \"db-${var.env}-${lookup(var.m, \"k\", \"}\")}\"\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& name = attribute(file.body, "name").expression;
  EXPECT_EQ(name.kind, HclExprKind::kTemplate);
  EXPECT_EQ(name.text, "\"db-${var.env}-${lookup(var.m, \"k\", \"}\")}\"");
}

TEST(Hcl, TemplateDirective) {
  HclFile file = parse_hcl("a = \"%{ if var.on }yes%{ else }no%{ endif }\"\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.kind, HclExprKind::kTemplate);
}

TEST(Hcl, EscapedInterpolationIsLiteral) {
  HclFile file = parse_hcl("a = \"$${not} %%{also}\"\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& a = attribute(file.body, "a").expression;
  EXPECT_EQ(a.kind, HclExprKind::kString);
  EXPECT_EQ(a.value, "${not} %{also}");
}

TEST(Hcl, NestedBracesInsideInterpolation) {
  HclFile file = parse_hcl("a = \"${jsonencode({ k = \"v\" })}\"\nb = 2\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.kind, HclExprKind::kTemplate);
  EXPECT_EQ(attribute(file.body, "b").expression.value, "2");
}

TEST(Hcl, Heredoc) {
  HclFile file = parse_hcl("policy = <<EOF\n{\n  \"a\": 1\n}\nEOF\nnext = true\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& policy = attribute(file.body, "policy").expression;
  EXPECT_EQ(policy.kind, HclExprKind::kString);
  EXPECT_EQ(policy.value, "{\n  \"a\": 1\n}\n");
  EXPECT_EQ(policy.line, 1);
  EXPECT_EQ(attribute(file.body, "next").line, 6);
}

TEST(Hcl, IndentedHeredocStripsCommonIndent) {
  HclFile file = parse_hcl(
      "resource \"x\" \"y\" {\n  user_data = <<-EOT\n    line one\n      two\n"
      "  EOT\n}\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& data = attribute(file.body.blocks[0].body, "user_data").expression;
  EXPECT_EQ(data.value, "line one\n  two\n");
}

TEST(Hcl, HeredocWithInterpolationIsTemplate) {
  HclFile file = parse_hcl("a = <<EOF\nhello ${var.name}\nEOF\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.kind, HclExprKind::kTemplate);
}

TEST(Hcl, Comments) {
  HclFile file = parse_hcl(
      "# hash\n// slashes\n/* block\n   comment */\na = 1 # trailing\nb = \"# not a comment\"\n"
      "c = /* inline */ 3\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").line, 5);
  EXPECT_EQ(attribute(file.body, "a").expression.text, "1");
  EXPECT_EQ(attribute(file.body, "b").expression.value, "# not a comment");
  EXPECT_EQ(attribute(file.body, "c").expression.value, "3");
}

TEST(Hcl, MultiLineTupleWithElements) {
  HclFile file = parse_hcl("a = [\n  \"x\",\n  var.y,\n  [1, 2],\n]\nb = 1\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& a = attribute(file.body, "a").expression;
  EXPECT_EQ(a.kind, HclExprKind::kTuple);
  ASSERT_EQ(a.elements.size(), 3u);
  EXPECT_EQ(a.elements[0].value, "x");
  EXPECT_EQ(a.elements[1].kind, HclExprKind::kReference);
  EXPECT_EQ(a.elements[2].kind, HclExprKind::kTuple);
  EXPECT_EQ(a.elements[2].elements.size(), 2u);
  EXPECT_EQ(attribute(file.body, "b").line, 6);
}

TEST(Hcl, ObjectWithEqualsColonsAndQuotedKeys) {
  HclFile file =
      parse_hcl("tags = {\n  Name = \"web\"\n  \"team\": var.team,\n  nested = { a = 1 }\n}\n");
  EXPECT_TRUE(file.issues.empty());
  const HclExpression& tags = attribute(file.body, "tags").expression;
  EXPECT_EQ(tags.kind, HclExprKind::kObject);
  ASSERT_EQ(tags.items.size(), 3u);
  EXPECT_EQ(tags.item("Name")->value, "web");
  EXPECT_EQ(tags.item("team")->kind, HclExprKind::kReference);
  EXPECT_EQ(tags.item("nested")->kind, HclExprKind::kObject);
  EXPECT_EQ(tags.item("missing"), nullptr);
}

TEST(Hcl, ConditionalAndForAreKeptAsText) {
  HclFile file = parse_hcl(
      "a = var.prod ? 3 : 1\nb = [for s in var.list : upper(s) if s != \"\"]\n"
      "c = {for k, v in var.m : k => v}\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.kind, HclExprKind::kConditional);
  EXPECT_EQ(attribute(file.body, "a").expression.text, "var.prod ? 3 : 1");
  EXPECT_EQ(attribute(file.body, "b").expression.kind, HclExprKind::kFor);
  EXPECT_EQ(attribute(file.body, "c").expression.kind, HclExprKind::kFor);
}

TEST(Hcl, MultiLineExpressionInParentheses) {
  HclFile file = parse_hcl("a = (\n  var.x +\n  var.y\n)\nb = 1\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.kind, HclExprKind::kOther);
  EXPECT_EQ(attribute(file.body, "b").line, 5);
}

TEST(Hcl, OperatorsAreOther) { EXPECT_EQ(kind_of("var.a + 1"), HclExprKind::kOther); }

TEST(Hcl, CarriageReturnLineEndings) {
  HclFile file = parse_hcl("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
  EXPECT_TRUE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "a").expression.value, "1");
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_EQ(attribute(file.body.blocks[0].body, "c").expression.value, "x");
}

TEST(Hcl, DynamicBlock) {
  HclFile file = parse_hcl(
      "dynamic \"ingress\" {\n  for_each = var.rules\n  content {\n    port = ingress.value\n  "
      "}\n}\n");
  EXPECT_TRUE(file.issues.empty());
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_EQ(file.body.blocks[0].label(0), "ingress");
  EXPECT_NE(file.body.blocks[0].body.block("content"), nullptr);
}

TEST(Hcl, MalformedUnterminatedStringKeepsLaterAttributes) {
  HclFile file = parse_hcl("resource \"a\" \"b\" {\n  x = \"open\n  y = 2\n}\n");
  EXPECT_TRUE(has_issue_at(file, 2, 7));
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_EQ(attribute(file.body.blocks[0].body, "y").expression.value, "2");
}

TEST(Hcl, MalformedUnclosedBlock) {
  HclFile file = parse_hcl("resource \"a\" \"b\" {\n  x = 1\n");
  EXPECT_TRUE(has_issue_at(file, 1, 18));
  ASSERT_EQ(file.body.blocks.size(), 1u);
  EXPECT_NE(file.body.blocks[0].body.attribute("x"), nullptr);
}

TEST(Hcl, MalformedStrayClosingBrace) {
  HclFile file = parse_hcl("a = 1\n}\nb = 2\n");
  EXPECT_TRUE(has_issue_at(file, 2, 1));
  EXPECT_NE(file.body.attribute("b"), nullptr);
}

TEST(Hcl, MalformedMissingValue) {
  HclFile file = parse_hcl("a =\nb = 2\n");
  EXPECT_TRUE(has_issue_at(file, 1, 3));
  EXPECT_EQ(file.body.attribute("a"), nullptr);
  EXPECT_NE(file.body.attribute("b"), nullptr);
}

TEST(Hcl, MalformedMismatchedBracket) {
  HclFile file = parse_hcl("a = [1, 2}\n");
  EXPECT_TRUE(has_issue_at(file, 1, 10));
}

TEST(Hcl, MalformedUnclosedBracketReportsItsOpening) {
  HclFile file = parse_hcl("a = [1,\n  2\n");
  EXPECT_TRUE(has_issue_at(file, 1, 5));
}

TEST(Hcl, MalformedMissingCommaInList) {
  HclFile file = parse_hcl("a = [\n  1\n  2\n]\n");
  EXPECT_TRUE(has_issue_at(file, 3, 3));
  EXPECT_EQ(attribute(file.body, "a").expression.elements.size(), 2u);
}

TEST(Hcl, MalformedTwoValuesOnOneLine) {
  HclFile file = parse_hcl("a = \"x\" \"y\"\nb = 2\n");
  EXPECT_TRUE(has_issue_at(file, 1, 9));
  EXPECT_EQ(attribute(file.body, "a").expression.value, "x");
  EXPECT_NE(file.body.attribute("b"), nullptr);
}

TEST(Hcl, MalformedBlockWithoutBrace) {
  HclFile file = parse_hcl("resource \"a\" \"b\"\nc = 1\n");
  EXPECT_TRUE(has_issue_at(file, 1, 17));
  EXPECT_NE(file.body.attribute("c"), nullptr);
}

TEST(Hcl, MalformedStatementStartingWithOperator) {
  HclFile file = parse_hcl("= 3\na = 1\n");
  EXPECT_TRUE(has_issue_at(file, 1, 1));
  EXPECT_NE(file.body.attribute("a"), nullptr);
}

TEST(Hcl, MalformedUnclosedHeredoc) {
  HclFile file = parse_hcl("a = <<EOF\nnever closed\n");
  EXPECT_TRUE(has_issue_at(file, 1, 5));
  EXPECT_EQ(attribute(file.body, "a").expression.value, "never closed\n");
}

TEST(Hcl, MalformedUnclosedComment) {
  HclFile file = parse_hcl("a = 1\n/* open\nb = 2\n");
  EXPECT_TRUE(has_issue_at(file, 2, 1));
  EXPECT_NE(file.body.attribute("a"), nullptr);
}

TEST(Hcl, MalformedUnclosedInterpolation) {
  HclFile file = parse_hcl("a = \"${var.x\"\n");
  EXPECT_FALSE(file.issues.empty());
}

TEST(Hcl, MalformedInvalidEscape) {
  HclFile file = parse_hcl("a = \"\\q\"\n");
  EXPECT_TRUE(has_issue_at(file, 1, 6));
}

TEST(Hcl, MalformedTrailingOperator) {
  HclFile file = parse_hcl("a = 1 +\n");
  EXPECT_TRUE(has_issue_at(file, 1, 7));
}

TEST(Hcl, MalformedDuplicateAttribute) {
  HclFile file = parse_hcl("a = 1\na = 2\n");
  EXPECT_TRUE(has_issue_at(file, 2, 1));
}

TEST(Hcl, MalformedObjectItemWithoutValue) {
  HclFile file = parse_hcl("x = {a = 1 b}\n");
  EXPECT_FALSE(file.issues.empty());
  EXPECT_EQ(attribute(file.body, "x").expression.item("a")->value, "1");
}

TEST(Hcl, MalformedControlCharacter) {
  HclFile file = parse_hcl(std::string("a = 1\n\x01\nb = 2\n"));
  EXPECT_TRUE(has_issue_at(file, 2, 1));
  EXPECT_NE(file.body.attribute("b"), nullptr);
}

TEST(Hcl, IssuesAreSortedByPosition) {
  HclFile file = parse_hcl("}\na = [1, 2}\n= 1\n");
  ASSERT_GE(file.issues.size(), 3u);
  for (size_t i = 1; i < file.issues.size(); ++i) {
    EXPECT_LE(file.issues[i - 1].line, file.issues[i].line);
  }
}

TEST(Hcl, DeepNestingEndsWithAnIssue) {
  std::string brackets = "a = " + std::string(5000, '[') + "\n";
  EXPECT_FALSE(parse_hcl(brackets).issues.empty());
  std::string blocks;
  for (int i = 0; i < 3000; ++i) blocks += "b {\n";
  EXPECT_FALSE(parse_hcl(blocks).issues.empty());
  std::string templates = "a = \"";
  for (int i = 0; i < 3000; ++i) templates += "${\"";
  EXPECT_FALSE(parse_hcl(templates).issues.empty());
}

TEST(Hcl, GarbageNeverLoops) {
  std::string garbage;
  for (int i = 0; i < 2000; ++i) garbage += "\"${<<-{[(/*#\\\n"[i % 14];
  HclFile file = parse_hcl(garbage);
  EXPECT_FALSE(file.issues.empty());
  EXPECT_LE(file.issues.size(), 25u);
}

TEST(Hcl, ExprKindNames) {
  EXPECT_EQ(hcl_expr_kind_name(HclExprKind::kFunctionCall), "function-call");
  EXPECT_EQ(hcl_expr_kind_name(HclExprKind::kReference), "reference");
}

TEST(Hcl, ListElementsMaySpanLines) {
  HclFile file = parse_hcl(
      "a = [\n"
      "  var.public\n"
      "    ? \"10.0.1.0/24\"\n"
      "    : \"10.1.1.0/24\",\n"
      "  \"10.0.2.0/24\",\n"
      "]\n");
  EXPECT_TRUE(file.issues.empty()) << file.issues.front().message;
  const HclAttribute& a = attribute(file.body, "a");
  ASSERT_EQ(a.expression.kind, HclExprKind::kTuple);
  ASSERT_EQ(a.expression.elements.size(), 2u);
  EXPECT_EQ(a.expression.elements[0].kind, HclExprKind::kConditional);
  EXPECT_EQ(a.expression.elements[1].value, "10.0.2.0/24");
}

TEST(Hcl, AMissingCommaBetweenLinesIsStillReported) {
  HclFile file = parse_hcl("a = [\n  \"x\"\n  \"y\",\n]\n");
  EXPECT_TRUE(has_issue_at(file, 3, 3));
}

}  // namespace
}  // namespace golive::parse
