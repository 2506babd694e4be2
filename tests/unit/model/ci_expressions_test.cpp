// GitHub and GitLab expressions: conditions and `${{ }}` values (model/ci_expressions.cpp).
#include "model/ci_expressions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace golive::model {
namespace {

using Texts = std::vector<std::string>;

parse::Node document(std::string_view yaml) {
  auto file = parse::parse_yaml(yaml);
  EXPECT_TRUE(file.valid);
  return file.documents.empty() ? parse::Node{} : file.documents.front();
}

TEST(ExpandExpressions, TextWithoutExpressionsIsItself) {
  EXPECT_EQ(expand_expressions("deploy/prod", {}, UnknownExpression::kAnything),
            Texts{"deploy/prod"});
}

TEST(ExpandExpressions, DirectoriesTakeEveryCombinationFirstExpressionSlowest) {
  ExpressionValues values;
  add_expression_value(values, "matrix.service", "api");
  add_expression_value(values, "matrix.service", "web");
  add_expression_value(values, "Matrix.Part", "src");
  add_expression_value(values, "matrix.part", "test");
  EXPECT_EQ(expand_expressions("${{ matrix.service }}/${{ matrix.PART }}", values,
                               UnknownExpression::kAnything),
            (Texts{"api/src", "api/test", "web/src", "web/test"}));
}

TEST(ExpandExpressions, NamesTakeEachValueOnceOthersEmpty) {
  ExpressionValues values;
  add_expression_value(values, "matrix.env", "staging");
  add_expression_value(values, "matrix.env", "prod");
  add_expression_value(values, "matrix.region", "eu");
  EXPECT_EQ(expand_expressions("${{ matrix.env }}-${{ matrix.region }}", values,
                               UnknownExpression::kNothing),
            (Texts{"staging-", "prod-", "-eu"}));
}

TEST(ExpandExpressions, UnknownIsAnythingForDirectories) {
  ExpressionValues values;
  add_expression_value(values, "inputs.dir", "api");
  EXPECT_EQ(expand_expressions("${{ inputs.dir }}/${{ env.OTHER }}", values,
                               UnknownExpression::kAnything),
            Texts{"*"});
  EXPECT_EQ(expand_expressions("${{ inputs.dir", values, UnknownExpression::kAnything), Texts{"*"});
  // The event's inputs are not a composite action's own inputs.
  EXPECT_EQ(
      expand_expressions("${{ github.event.inputs.dir }}", values, UnknownExpression::kAnything),
      Texts{"*"});
}

TEST(ExpandExpressions, UnknownNameReadsAsItsLiteralsAndNames) {
  ExpressionValues values;
  add_expression_value(values, "matrix.env", "prod");
  EXPECT_EQ(expand_expressions("deploy-${{ secrets.TARGET }}", values, UnknownExpression::kNothing),
            Texts{"deploy-"});
  EXPECT_EQ(expand_expressions("${{ format('values-{0}.yaml', matrix.env) }}", values,
                               UnknownExpression::kNothing),
            (Texts{"values-{0}.yaml", "prod"}));
  // An unknown input with a fallback stays unknown: the literal may never be used.
  EXPECT_EQ(expand_expressions("${{ inputs.environment || 'staging' }}", values,
                               UnknownExpression::kNothing),
            Texts{""});
}

TEST(ExpandExpressions, EventInputsAreInputsForNames) {
  ExpressionValues values;
  add_expression_value(values, "inputs.environment", "production");
  EXPECT_EQ(expand_expressions("${{ github.event.inputs.environment }}", values,
                               UnknownExpression::kNothing),
            Texts{"production"});
}

TEST(ExpandExpressions, TooManyDirectoriesAreAnything) {
  ExpressionValues values;
  for (int i = 0; i < 9; ++i) {
    add_expression_value(values, "matrix.a", "a" + std::to_string(i));
    add_expression_value(values, "matrix.b", "b" + std::to_string(i));
  }
  // 81 combinations are more than 64.
  EXPECT_EQ(
      expand_expressions("${{ matrix.a }}/${{ matrix.b }}", values, UnknownExpression::kAnything),
      Texts{"*"});
  EXPECT_EQ(
      expand_expressions("${{ matrix.a }}-${{ matrix.b }}", values, UnknownExpression::kNothing)
          .size(),
      18U);
}

TEST(ExpressionValues, MatrixListsMapsAndIncludes) {
  parse::Node job = document(R"(
strategy:
  matrix:
    env: [staging, prod]
    target:
      - name: eu
      - name: us
    include:
      - env: preview
    exclude:
      - env: staging
)");
  ExpressionValues values;
  add_matrix_values(values, &job);
  EXPECT_EQ(values["matrix.env"], (Texts{"staging", "prod", "preview"}));
  EXPECT_EQ(values["matrix.target.name"], (Texts{"eu", "us"}));
}

TEST(ExpressionValues, DispatchOptionsAndCallDefaults) {
  parse::Node workflow = document(R"(
on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
  workflow_call:
    inputs:
      directory:
        type: string
        default: services/api
      empty:
        type: string
        default: ""
)");
  ExpressionValues values;
  add_workflow_input_values(values, &workflow);
  EXPECT_EQ(values["inputs.environment"], (Texts{"staging", "production"}));
  EXPECT_EQ(values["inputs.directory"], Texts{"services/api"});
  EXPECT_TRUE(values["inputs.empty"].empty());
}

TEST(Conditions, GithubTagConditionKeepsOnlyReleases) {
  Runs every{true, true, true};
  Runs runs = narrow_by_github_condition("startsWith(github.ref, 'refs/tags/')", every);
  EXPECT_FALSE(runs.main);
  EXPECT_TRUE(runs.release);
  runs = narrow_by_github_condition(
      "github.ref == 'refs/heads/main' || github.event_name == "
      "'release'",
      every);
  EXPECT_TRUE(runs.main);
  EXPECT_TRUE(runs.release);
}

TEST(Conditions, GitlabDefaultBranch) {
  Runs every{true, true, true};
  Runs runs = narrow_by_gitlab_condition("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", every);
  EXPECT_TRUE(runs.main);
  EXPECT_FALSE(runs.release);
  runs = narrow_by_gitlab_condition("$CI_PIPELINE_SOURCE == \"merge_request_event\"", every);
  EXPECT_FALSE(runs.main || runs.release || runs.manual);
}

TEST(Conditions, MainBranches) {
  EXPECT_TRUE(is_main_branch("master"));
  EXPECT_FALSE(is_main_branch("feature/x"));
  EXPECT_TRUE(branches_cover_main({"!docs", "ma*"}));
  EXPECT_FALSE(branches_cover_main({"release/*"}));
}

}  // namespace
}  // namespace golive::model
