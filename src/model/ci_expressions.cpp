#include "model/ci_expressions.h"

#include <algorithm>
#include <cctype>

#include "core/glob.h"
#include "core/strings.h"

namespace golive::model {

bool is_main_branch(std::string_view branch) {
  return branch == "main" || branch == "master" || branch == "trunk" || branch == "develop" ||
         branch == "development";
}

bool branches_cover_main(const std::vector<std::string>& branches) {
  for (const auto& pattern : branches) {
    if (pattern.empty() || pattern.front() == '!') continue;
    for (std::string_view branch : {"main", "master", "trunk", "develop"}) {
      if (core::glob_match(pattern, branch)) return true;
    }
  }
  return false;
}

std::string strip_expression(std::string_view text) {
  std::string_view trimmed = core::trim(text);
  if (core::starts_with(trimmed, "${{") && trimmed.size() >= 5 &&
      trimmed.substr(trimmed.size() - 2) == "}}") {
    trimmed = core::trim(trimmed.substr(3, trimmed.size() - 5));
  }
  return std::string(trimmed);
}

namespace {

// Splits at a top-level operator ("||" or "&&"), outside parentheses and quotes.
std::vector<std::string> split_top(std::string_view text, std::string_view op) {
  std::vector<std::string> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && text.substr(i, op.size()) == op) {
      parts.emplace_back(core::trim(text.substr(start, i - start)));
      start = i + op.size();
      i = start - 1;
    }
  }
  parts.emplace_back(core::trim(text.substr(start)));
  return parts;
}

// Removes parentheses that wrap the whole expression.
std::string_view unwrap(std::string_view text) {
  text = core::trim(text);
  while (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    int depth = 0;
    bool wraps = true;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '(') ++depth;
      if (text[i] == ')') --depth;
      if (depth == 0 && i + 1 < text.size()) {
        wraps = false;
        break;
      }
    }
    if (!wraps) break;
    text = core::trim(text.substr(1, text.size() - 2));
  }
  return text;
}

// Removes blanks so "github.ref=='refs/tags/x'" and "github.ref == 'refs/tags/x'" read alike.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n') out += static_cast<char>(std::tolower(c));
  }
  for (char& c : out) {
    if (c == '"') c = '\'';
  }
  return out;
}

using Atom = Runs (*)(std::string_view squeezed, Runs runs);

Runs evaluate(std::string_view expression, Runs runs, Atom atom) {
  std::string_view text = unwrap(expression);
  if (text.empty()) return runs;
  auto alternatives = split_top(text, "||");
  if (alternatives.size() > 1) {
    Runs out;
    for (const auto& alternative : alternatives) out = out | evaluate(alternative, runs, atom);
    return out;
  }
  auto conjuncts = split_top(text, "&&");
  if (conjuncts.size() > 1) {
    for (const auto& conjunct : conjuncts) runs = evaluate(conjunct, runs, atom);
    return runs;
  }
  return atom(squeeze(text), runs);
}

// The branch or tag a comparison names: "github.ref=='refs/heads/main'" -> "refs/heads/main".
std::string compared_value(std::string_view squeezed, std::string_view left) {
  size_t at = squeezed.find(left);
  if (at == std::string_view::npos) return "";
  std::string_view rest = squeezed.substr(at + left.size());
  if (!core::starts_with(rest, "=='")) return "";
  rest.remove_prefix(3);
  return std::string(rest.substr(0, rest.find('\'')));
}

Runs github_atom(std::string_view s, Runs runs) {
  if (core::contains(s, "always()") || core::contains(s, "failure()") ||
      core::contains(s, "cancelled()"))
    return runs;
  bool negated = !s.empty() && s.front() == '!';
  if (negated) return runs;
  bool tag = (core::contains(s, "startswith(github.ref,'refs/tags") ||
              core::contains(s, "github.ref_type=='tag'") ||
              core::starts_with(compared_value(s, "github.ref"), "refs/tags/") ||
              core::contains(s, "github.event_name=='release'") ||
              core::contains(s, "github.event.release"));
  if (tag) return {false, runs.release, false};
  if (core::contains(s, "github.event_name=='workflow_dispatch'"))
    return {false, false, runs.manual};
  if (core::contains(s, "github.event_name=='push'")) return {runs.main, runs.release, false};
  if (core::contains(s, "github.event_name=='schedule'") ||
      core::contains(s, "github.event_name=='pull_request") ||
      core::contains(s, "github.event_name=='repository_dispatch'"))
    return {false, false, false};
  std::string ref = compared_value(s, "github.ref");
  std::string name = compared_value(s, "github.ref_name");
  if (!ref.empty() && core::starts_with(ref, "refs/heads/")) name = ref.substr(11);
  if (!name.empty()) {
    if (is_main_branch(name)) return {runs.main, false, runs.manual};
    return {false, false, runs.manual};
  }
  return runs;
}

Runs gitlab_atom(std::string_view s, Runs runs) {
  if (core::starts_with(s, "$ci_commit_tag")) {
    if (core::contains(s, "==null") || core::contains(s, "==''"))
      return {runs.main, false, runs.manual};
    return {false, runs.release, false};
  }
  if (core::starts_with(s, "$ci_merge_request") ||
      core::contains(s, "$ci_pipeline_source=='merge_request_event'") ||
      core::contains(s, "$ci_pipeline_source=='schedule'") ||
      core::contains(s, "$ci_pipeline_source=='pipeline'") ||
      core::contains(s, "$ci_pipeline_source=='trigger'") ||
      core::contains(s, "$ci_pipeline_source=='api'")) {
    return {false, false, false};
  }
  if (core::contains(s, "$ci_pipeline_source=='web'")) return {false, false, true};
  for (std::string_view variable : {"$ci_commit_branch", "$ci_commit_ref_name"}) {
    if (!core::starts_with(s, variable)) continue;
    std::string_view rest = s.substr(variable.size());
    if (rest.empty()) return {runs.main, false, runs.manual};  // any branch
    bool equal = core::starts_with(rest, "==");
    bool unequal = core::starts_with(rest, "!=");
    if (!equal && !unequal) return runs;
    std::string_view value = rest.substr(2);
    bool main = value == "$ci_default_branch";
    if (!value.empty() && value.front() == '\'') {
      value.remove_prefix(1);
      value = value.substr(0, value.find('\''));
      main = is_main_branch(value);
    }
    if (equal) return main ? Runs{runs.main, false, runs.manual} : Runs{false, false, runs.manual};
    return main ? Runs{false, runs.release, runs.manual} : runs;
  }
  return runs;
}

}  // namespace

Runs narrow_by_github_condition(std::string_view expression, Runs runs) {
  return evaluate(expression, runs, github_atom);
}

Runs narrow_by_gitlab_condition(std::string_view expression, Runs runs) {
  return evaluate(expression, runs, gitlab_atom);
}

// ---- values ------------------------------------------------------------------------------

void add_expression_value(ExpressionValues& values, std::string_view name, std::string_view value) {
  auto& list = values[core::to_lower(name)];
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.emplace_back(value);
}

void add_matrix_values(ExpressionValues& values, const parse::Node* job) {
  const parse::Node* strategy = job != nullptr && job->is_map() ? job->find("strategy") : nullptr;
  const parse::Node* matrix =
      strategy != nullptr && strategy->is_map() ? strategy->find("matrix") : nullptr;
  if (matrix == nullptr || !matrix->is_map()) return;
  for (const auto& entry : matrix->children) {
    if (entry.key == "include") {
      for (const auto& item : entry.children) {
        for (const auto& field : item.children) {
          if (field.is_scalar()) add_expression_value(values, "matrix." + field.key, field.value);
        }
      }
      continue;
    }
    if (entry.key == "exclude") continue;
    std::string name = "matrix." + entry.key;
    for (const auto& item : entry.children) {
      if (item.is_scalar()) add_expression_value(values, name, item.value);
      for (const auto& field : item.children) {
        if (field.is_scalar()) add_expression_value(values, name + "." + field.key, field.value);
      }
    }
    if (entry.is_scalar()) add_expression_value(values, name, entry.value);
  }
}

void add_input_values(ExpressionValues& values, const parse::Node* inputs) {
  if (inputs == nullptr || !inputs->is_map()) return;
  for (const auto& input : inputs->children) {
    if (!input.is_map()) continue;
    std::string name = "inputs." + input.key;
    if (const parse::Node* options = input.find("options")) {
      if (options->is_scalar()) add_expression_value(values, name, options->value);
      for (const auto& option : options->children) {
        if (option.is_scalar()) add_expression_value(values, name, option.value);
      }
    }
    if (const parse::Node* fallback = input.find("default");
        fallback != nullptr && fallback->is_scalar())
      add_expression_value(values, name, fallback->value);
  }
}

void add_workflow_input_values(ExpressionValues& values, const parse::Node* root) {
  if (root == nullptr || !root->is_map()) return;
  const parse::Node* on = root->find("on");
  if (on == nullptr) on = root->find("true");  // YAML 1.1 reads a bare `on` as true
  if (on == nullptr || !on->is_map()) return;
  for (std::string_view event : {"workflow_dispatch", "workflow_call"}) {
    const parse::Node* trigger = on->find(event);
    if (trigger != nullptr && trigger->is_map()) add_input_values(values, trigger->find("inputs"));
  }
}

// ---- expansion ---------------------------------------------------------------------------

namespace {

constexpr size_t kMaxExpansions = 64;

// The values an expression's text (without ${{ }}) may take; empty when golive cannot tell.
std::vector<std::string> values_of(std::string_view expression, const ExpressionValues& values,
                                   UnknownExpression unknown) {
  std::string inner(core::trim(expression));
  std::string lower = core::to_lower(inner);
  // A name is matrix.x, inputs.x or (for names) github.event.inputs.x, the dispatch's inputs.
  // Inside a composite action or a called workflow the event's inputs are not the callee's, so
  // a directory with one stays unknown.
  if (unknown == UnknownExpression::kNothing && core::starts_with(lower, "github.event.inputs."))
    lower.erase(0, 13);
  if (auto found = values.find(lower); found != values.end()) return found->second;
  if (unknown == UnknownExpression::kAnything) return {};
  // A named value golive does not know, even within a larger expression
  // ("inputs.environment || 'staging'"), is unknown rather than read from its literals.
  for (std::string_view prefix : {"matrix.", "inputs.", "github.event.inputs."}) {
    if (core::starts_with(lower, prefix)) return {};
  }
  std::vector<std::string> out;
  for (size_t at = inner.find('\''); at != std::string::npos; at = inner.find('\'', at + 1)) {
    size_t end = inner.find('\'', at + 1);
    if (end == std::string::npos) break;
    out.push_back(inner.substr(at + 1, end - at - 1));
    at = end;
  }
  // Names inside a larger expression: "format('values-{0}.yaml', matrix.env)".
  for (const auto& [name, list] : values) {
    if (core::contains(lower, name)) out.insert(out.end(), list.begin(), list.end());
  }
  return out;
}

void add_unique(std::vector<std::string>& out, std::string text) {
  if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(std::move(text));
}

}  // namespace

std::vector<std::string> expand_expressions(std::string_view text, const ExpressionValues& values,
                                            UnknownExpression unknown) {
  struct Span {
    size_t begin = 0;
    size_t end = 0;
    std::vector<std::string> values;
  };
  const bool anything = unknown == UnknownExpression::kAnything;
  std::vector<Span> spans;
  size_t combinations = 1;
  for (size_t at = text.find("${{"); at != std::string_view::npos; at = text.find("${{", at + 3)) {
    size_t close = text.find("}}", at);
    if (close == std::string_view::npos) {
      if (anything) return {"*"};
      break;
    }
    Span span{at, close + 2, values_of(text.substr(at + 3, close - at - 3), values, unknown)};
    if (span.values.empty()) {
      if (anything) return {"*"};
      span.values = {""};
    }
    combinations = std::min(combinations * span.values.size(), kMaxExpansions + 1);
    spans.push_back(std::move(span));
    at = close - 1;
  }
  if (spans.empty()) return {std::string(text)};
  // Renders the text with the value each expression takes; nullptr reads as "".
  auto render = [&](const std::vector<const std::string*>& chosen) {
    std::string out;
    size_t from = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
      out += text.substr(from, spans[i].begin - from);
      if (chosen[i] != nullptr) out += *chosen[i];
      from = spans[i].end;
    }
    out += text.substr(from);
    return out;
  };
  std::vector<std::string> out;
  if (!anything) {
    // A name: each expression's values once, the others reading as "". Two expressions of one
    // text are often tied (cluster and overlay of one matrix entry); combining them freely
    // would invent names that never occur.
    for (size_t i = 0; i < spans.size(); ++i) {
      for (const auto& value : spans[i].values) {
        std::vector<const std::string*> chosen(spans.size(), nullptr);
        chosen[i] = &value;
        add_unique(out, render(chosen));
      }
    }
    return out;
  }
  // A directory: every combination, the first expression varying slowest; too many to list is
  // anything.
  if (combinations > kMaxExpansions) return {"*"};
  std::vector<size_t> index(spans.size(), 0);
  while (true) {
    std::vector<const std::string*> chosen;
    for (size_t i = 0; i < spans.size(); ++i) chosen.push_back(&spans[i].values[index[i]]);
    add_unique(out, render(chosen));
    size_t digit = spans.size();
    while (digit > 0 && ++index[digit - 1] == spans[digit - 1].values.size()) index[--digit] = 0;
    if (digit == 0) break;
  }
  return out;
}

}  // namespace golive::model
