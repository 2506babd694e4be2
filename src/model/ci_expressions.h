#pragma once
// One reading of GitHub Actions and GitLab CI expressions, shared by everything the model
// derives from CI: when a job runs (`if:`, GitLab `rules: if:`) and what a `${{ }}` text may
// read once its matrix, input and env values are known.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parse/yaml.h"

namespace golive::model {

// When something runs: after a push or merge to the main branch, on a release, by hand.
// Default-constructed it never runs; conditions only narrow what they are given.
struct Runs {
  bool main = false;
  bool release = false;
  bool manual = false;
  Runs operator|(const Runs& other) const {
    return {main || other.main, release || other.release, manual || other.manual};
  }
  Runs operator&(const Runs& other) const {
    return {main && other.main, release && other.release, manual && other.manual};
  }
};

// A main-line branch name: main, master, trunk, develop, development.
bool is_main_branch(std::string_view branch);
// True when a list of branch patterns (a trigger's branches:) matches a main-line branch.
bool branches_cover_main(const std::vector<std::string>& branches);

// "${{ x }}" -> "x"; any other text trimmed.
std::string strip_expression(std::string_view text);

// Narrows runs by a GitHub `if:` expression (without its ${{ }}): a condition on a tag or
// release keeps only release runs, on a non-main branch only manual runs, on a pull request or
// schedule none; a negation or status function leaves runs unchanged. `||` and `&&` combine their
// sides.
Runs narrow_by_github_condition(std::string_view expression, Runs runs);
// The same for a GitLab `rules: - if:` or job `if:` expression ($CI_COMMIT_TAG,
// $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH, $CI_PIPELINE_SOURCE == "web", ...).
Runs narrow_by_gitlab_condition(std::string_view expression, Runs runs);

// What the names in `${{ }}` expressions may stand for, by lower-case name: "matrix.env",
// "matrix.target.name" (a matrix list of maps), "inputs.environment", "env.app_dir",
// "github.workspace". `github.event.inputs.x` is looked up as "inputs.x".
using ExpressionValues = std::map<std::string, std::vector<std::string>>;

// Adds a value to a name's list once. The name is known even when the value is empty text:
// then it has no values, and an expression naming it is unknown.
void add_expression_value(ExpressionValues& values, std::string_view name, std::string_view value);
// The values of a GitHub job's strategy.matrix: each key's list, the fields of lists of maps
// ("matrix.target.name") and of include entries; exclude entries take nothing away.
void add_matrix_values(ExpressionValues& values, const parse::Node* job);
// The options and default of each input of an `inputs:` map, as "inputs.<name>".
void add_input_values(ExpressionValues& values, const parse::Node* inputs);
// The inputs of a workflow document's workflow_dispatch and workflow_call triggers.
void add_workflow_input_values(ExpressionValues& values, const parse::Node* root);

// What an expression whose values golive does not know makes of a text.
enum class UnknownExpression {
  kAnything,  // the whole text reads "*": it may be anything (a working directory)
  kNothing,   // the expression reads as the literals it quotes and the values of the names it
              // mentions ("format('values-{0}.yaml', matrix.env)"), else as "" (a name)
};

// Each way a text may read once its `${{ }}` expressions take their values, without repeats.
// kAnything: every combination, the first expression varying slowest; "*" when an expression is
// unknown, a `${{` is not closed, or there are more than 64 combinations.
// kNothing: each expression's values once, the other expressions reading as "".
std::vector<std::string> expand_expressions(std::string_view text, const ExpressionValues& values,
                                            UnknownExpression unknown);

}  // namespace golive::model
