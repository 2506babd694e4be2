#include "model/coverage.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/paths.h"
#include "core/strings.h"
#include "model/model.h"
#include "parse/shell.h"
#include "parse/yaml.h"

namespace golive::model {
namespace {

using core::base_name;
using core::ends_with;
using core::starts_with;

// ---- small text helpers ----------------------------------------------------------------------

// "80", "80%", "'80.5'", "0.8" (a ratio when ratio_ok) as a percentage.
std::optional<double> parse_percent(std::string_view text, bool ratio_ok = false) {
  text = core::trim(text);
  while (!text.empty() && (text.front() == '"' || text.front() == '\'')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '"' || text.back() == '\'' || text.back() == '%'))
    text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::string owned(text);
  char* end = nullptr;
  double value = std::strtod(owned.c_str(), &end);
  if (end == owned.c_str() || *end != '\0') return std::nullopt;
  if (ratio_ok && value > 0 && value <= 1) value *= 100;
  return value;
}

std::string_view sv(const re2::StringPiece& piece) { return {piece.data(), piece.size()}; }

int line_at_offset(std::string_view text, const char* at) {
  return core::line_of_offset(text, static_cast<size_t>(at - text.data()));
}

// The text between the '{' that follows from and its matching '}'; empty when none.
std::string_view braced_after(std::string_view text, size_t from) {
  size_t open = text.find('{', from);
  if (open == std::string_view::npos) return {};
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return text.substr(open, i - open + 1);
  }
  return text.substr(open);
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// directory named in text as a path: not glued to a longer name on either side.
bool mentions(std::string_view text, std::string_view directory) {
  if (directory.empty() || directory == ".") return false;
  for (size_t at = text.find(directory); at != std::string_view::npos;
       at = text.find(directory, at + 1)) {
    size_t end = at + directory.size();
    if ((at == 0 || !is_word_char(text[at - 1])) &&
        (end >= text.size() || !is_word_char(text[end])))
      return true;
  }
  return false;
}

// ---- thresholds on command lines -------------------------------------------------------------

struct FlagPattern {
  const char* regex;  // lower-cased text; group 1 is the value
  const char* tool;
  const char* ecosystem;
  const char* metric;
};

constexpr std::array kFlagPatterns = {
    FlagPattern{R"(--cov-fail-under[= ]+["']?(\d+(?:\.\d+)?))", "pytest-cov", "python", "total"},
    FlagPattern{R"(\bcoverage3? report\b.*--fail-under[= ]+["']?(\d+(?:\.\d+)?))", "coverage.py",
                "python", "total"},
    FlagPattern{R"(--check-coverage\b.*--lines[= ]+(\d+(?:\.\d+)?))", "nyc", "npm", "lines"},
    FlagPattern{R"(--lines[= ]+(\d+(?:\.\d+)?).*--check-coverage\b)", "nyc", "npm", "lines"},
    FlagPattern{R"(--coveragethreshold[= ]+.*lines["']?\s*:\s*(\d+(?:\.\d+)?))", "jest", "npm",
                "lines"},
    FlagPattern{R"(--coverage\.thresholds?\.lines[= ]+(\d+(?:\.\d+)?))", "vitest", "npm", "lines"},
    FlagPattern{R"(--coverage\.lines[= ]+(\d+(?:\.\d+)?))", "vitest", "npm", "lines"},
    FlagPattern{R"(--threshold-total[= ]+(\d+(?:\.\d+)?))", "go-test-coverage", "go", "total"},
    FlagPattern{R"(--fail-under-lines[= ]+(\d+(?:\.\d+)?))", "cargo-llvm-cov", "cargo", "lines"},
    FlagPattern{R"(\btarpaulin\b.*--fail-under[= ]+(\d+(?:\.\d+)?))", "tarpaulin", "cargo",
                "total"},
    FlagPattern{R"(--fail-under-line[= ]+(\d+(?:\.\d+)?))", "gcovr", "cmake", "lines"},
    FlagPattern{R"(/p:threshold=(\d+(?:\.\d+)?))", "coverlet", "nuget", "total"},
};

const std::vector<std::unique_ptr<re2::RE2>>& flag_regexes() {
  static const auto* compiled = [] {
    auto* out = new std::vector<std::unique_ptr<re2::RE2>>();
    for (const auto& pattern : kFlagPatterns)
      out->push_back(std::make_unique<re2::RE2>(pattern.regex));
    return out;
  }();
  return *compiled;
}

// A shell or config line without its trailing comment ("pytest  # --cov-fail-under=80 elsewhere").
std::string_view without_comment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

void add_command_thresholds(std::string_view command, const std::string& path, int line,
                            const std::string& directory, RepoModel& model) {
  command = without_comment(command);
  for (auto& threshold : thresholds_in_command(command)) {
    threshold.path = path;
    threshold.line = line;
    threshold.directory = directory;
    model.coverage.thresholds.push_back(std::move(threshold));
  }
}

// ---- config files ----------------------------------------------------------------------------

void add_fact(RepoModel& model, ProjectFactKind kind, std::string ecosystem,
              const std::string& path, int line, std::string evidence) {
  model.coverage.facts.push_back(
      {kind, std::move(ecosystem), project_directory(path), path, line, std::move(evidence)});
}

void add_threshold(RepoModel& model, std::string tool, std::string ecosystem,
                   const std::string& path, int line, std::string directory, std::string metric,
                   double value) {
  model.coverage.thresholds.push_back({std::move(tool), std::move(ecosystem), path, line,
                                       std::move(directory), std::move(metric), value});
}

// The preferred metric of a jest/nyc style map: lines, statements, branches, functions.
const parse::Node* preferred_metric(const parse::Node& map) {
  for (const char* metric : {"lines", "statements", "branches", "functions"}) {
    if (const parse::Node* value = map.find(metric); value != nullptr && value->is_scalar())
      return value;
  }
  return nullptr;
}

// nyc and c8 settings: check-coverage with a lines (or statements) minimum.
void learn_nyc_node(const parse::Node& node, const std::string& tool, const std::string& path,
                    RepoModel& model) {
  const parse::Node* check = node.find("check-coverage");
  if (check == nullptr) check = node.find("checkCoverage");
  if (check == nullptr || !check->truthy()) return;
  if (const parse::Node* metric = preferred_metric(node)) {
    if (auto value = parse_percent(metric->value)) {
      add_threshold(model, tool, "npm", path, metric->key_mark.line, project_directory(path),
                    metric->key, *value);
    }
  }
}

void learn_package_json(const SourceFile& file, const parse::Node& root, RepoModel& model) {
  std::string directory = project_directory(file.path);
  if (const parse::Node* scripts = root.find("scripts"); scripts != nullptr && scripts->is_map()) {
    for (const auto& script : scripts->children) {
      if (!script.is_scalar()) continue;
      model.coverage.scripts.push_back(
          {"npm", file.path, directory, script.key, script.value, script.key_mark.line, {}});
      add_command_thresholds(core::to_lower(script.value), file.path, script.key_mark.line,
                             directory, model);
    }
  }
  if (const parse::Node* jest = root.find("jest"); jest != nullptr && jest->is_map()) {
    if (const parse::Node* collect = jest->find("collectCoverage");
        collect != nullptr && collect->truthy()) {
      add_fact(model, ProjectFactKind::kCollectsCoverage, "npm", file.path, collect->key_mark.line,
               "jest collectCoverage: true");
    }
    if (const parse::Node* threshold = jest->find("coverageThreshold")) {
      const parse::Node* global = threshold->find("global");
      const parse::Node* metric = global != nullptr ? preferred_metric(*global) : nullptr;
      if (metric != nullptr) {
        if (auto value = parse_percent(metric->value)) {
          add_threshold(model, "jest", "npm", file.path, metric->key_mark.line, directory,
                        metric->key, *value);
        }
      }
    }
  }
  for (const char* tool : {"nyc", "c8"}) {
    if (const parse::Node* node = root.find(tool); node != nullptr && node->is_map())
      learn_nyc_node(*node, tool, file.path, model);
  }
  for (const char* section : {"dependencies", "devDependencies", "peerDependencies"}) {
    const parse::Node* deps = root.find(section);
    if (deps == nullptr) continue;
    if (const parse::Node* typescript = deps->find("typescript")) {
      add_fact(model, ProjectFactKind::kTyped, "npm", file.path, typescript->key_mark.line,
               "typescript in " + std::string(section));
      break;
    }
  }
}

// The first metric: N in a JavaScript object literal, with its line.
void learn_js_metric(std::string_view window, std::string_view content, const char* tool,
                     const std::string& path, RepoModel& model) {
  for (const char* metric : {"lines", "statements", "branches", "functions"}) {
    re2::RE2 pattern(std::string(R"(["']?\b)") + metric + R"(["']?\s*:\s*(\d+(?:\.\d+)?))");
    re2::StringPiece value;
    if (re2::RE2::PartialMatch(window, pattern, &value)) {
      if (auto percent = parse_percent(sv(value))) {
        add_threshold(model, tool, "npm", path, line_at_offset(content, value.data()),
                      project_directory(path), metric, *percent);
      }
      return;
    }
  }
  static const re2::RE2 kAll(R"(\b(100)\s*:\s*true)");
  re2::StringPiece all;
  if (re2::RE2::PartialMatch(window, kAll, &all)) {
    add_threshold(model, tool, "npm", path, line_at_offset(content, all.data()),
                  project_directory(path), "all", 100);
  }
}

void learn_jest_config(const std::string& path, std::string_view content, RepoModel& model) {
  static const re2::RE2 kCollect(R"(["']?collectCoverage["']?\s*:\s*(true))");
  re2::StringPiece collect;
  if (re2::RE2::PartialMatch(content, kCollect, &collect)) {
    add_fact(model, ProjectFactKind::kCollectsCoverage, "npm", path,
             line_at_offset(content, collect.data()), "jest collectCoverage: true");
  }
  size_t at = content.find("coverageThreshold");
  if (at == std::string_view::npos) return;
  std::string_view window = braced_after(content, at);
  if (!window.empty()) learn_js_metric(window, content, "jest", path, model);
}

void learn_vitest_config(const std::string& path, std::string_view content, RepoModel& model) {
  static const re2::RE2 kCoverage(R"(\bcoverage\s*:\s*(\{))");
  re2::StringPiece brace;
  if (!re2::RE2::PartialMatch(content, kCoverage, &brace)) return;
  std::string_view window =
      braced_after(content, static_cast<size_t>(brace.data() - content.data()));
  static const re2::RE2 kEnabled(R"(\benabled\s*:\s*(true))");
  re2::StringPiece enabled;
  if (re2::RE2::PartialMatch(window, kEnabled, &enabled)) {
    add_fact(model, ProjectFactKind::kCollectsCoverage, "npm", path,
             line_at_offset(content, enabled.data()), "vitest coverage.enabled: true");
  }
  size_t thresholds = window.find("thresholds");
  std::string_view scope = window;
  if (thresholds != std::string_view::npos) {
    std::string_view inner = braced_after(window, thresholds);
    if (!inner.empty()) scope = inner;
  }
  learn_js_metric(scope, content, "vitest", path, model);
}

void learn_nycrc(const std::string& path, std::string_view content, const std::string& tool,
                 RepoModel& model) {
  parse::YamlFile parsed = parse::parse_yaml(content);
  if (!parsed.valid || parsed.documents.empty() || !parsed.documents.front().is_map()) return;
  learn_nyc_node(parsed.documents.front(), tool, path, model);
}

// INI and TOML files of Python tools: pytest, tox, setup.cfg, pyproject.toml, .coveragerc, mypy.
void learn_python_config(const std::string& path, std::string_view name, const FileText& file_text,
                         RepoModel& model) {
  static const re2::RE2 kFailUnder(R"(^fail_under\s*=\s*["']?(\d+(?:\.\d+)?))");
  static const re2::RE2 kCov(R"((^|[\s"'\[,=])--cov($|[=\s"',\]]))");
  std::string section;
  bool typed = false;
  bool collects = false;
  std::string directory = project_directory(path);
  const auto& lines = file_text.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view text = core::trim(lines[i]);
    if (text.empty() || text.front() == '#' || text.front() == ';') continue;
    int line = static_cast<int>(i) + 1;
    if (text.front() == '[' && text.back() == ']') {
      section = core::to_lower(core::trim(text.substr(1, text.size() - 2)));
      bool mypy_section =
          name == "pyproject.toml"
              ? (section == "tool.mypy" || section == "tool.pyright" ||
                 section == "tool.basedpyright" || starts_with(section, "tool.mypy."))
              : (section == "mypy" || starts_with(section, "mypy-"));
      if (mypy_section && !typed) {
        typed = true;
        add_fact(model, ProjectFactKind::kTyped, "python", path, line, "[" + section + "]");
      }
      continue;
    }
    std::string lower = core::to_lower(text);
    add_command_thresholds(lower, path, line, directory, model);
    bool report_section =
        section == "report" || section == "coverage:report" || section == "tool.coverage.report";
    re2::StringPiece value;
    if (report_section && re2::RE2::PartialMatch(lower, kFailUnder, &value)) {
      if (auto percent = parse_percent(sv(value)))
        add_threshold(model, "coverage.py", "python", path, line, directory, "total", *percent);
    }
    if (!collects && name != ".coveragerc" &&
        (re2::RE2::PartialMatch(lower, kCov) ||
         (name == "tox.ini" && lower.find("coverage run") != std::string::npos))) {
      collects = true;
      add_fact(model, ProjectFactKind::kCollectsCoverage, "python", path, line,
               "--cov in " + std::string(name));
    }
  }
}

void learn_codecov(const std::string& path, const parse::Node& root, RepoModel& model) {
  const parse::Node* coverage = root.find("coverage");
  const parse::Node* status = coverage != nullptr ? coverage->find("status") : nullptr;
  const parse::Node* project = status != nullptr ? status->find("project") : nullptr;
  if (project == nullptr || !project->is_map()) return;
  for (const auto& check : project->children) {
    if (!check.is_map()) continue;
    if (const parse::Node* informational = check.find("informational");
        informational != nullptr && informational->truthy()) {
      continue;
    }
    const parse::Node* target = check.find("target");
    if (target == nullptr || !target->is_scalar()) continue;
    if (auto value = parse_percent(target->value)) {
      add_threshold(model, "codecov", "", path, target->key_mark.line, "", "project", *value);
    }
  }
}

void learn_go_test_coverage(const std::string& path, const parse::Node& root, RepoModel& model) {
  const parse::Node* threshold = root.find("threshold");
  if (threshold == nullptr) return;
  for (const char* key : {"total", "package", "file"}) {
    const parse::Node* value = threshold->find(key);
    if (value == nullptr || !value->is_scalar()) continue;
    if (auto percent = parse_percent(value->value)) {
      add_threshold(model, "go-test-coverage", "go", path, value->key_mark.line,
                    project_directory(path), key, *percent);
      return;
    }
  }
}

void learn_makefile(const std::string& path, const FileText& text, RepoModel& model) {
  std::string directory = project_directory(path);
  const auto& lines = text.lines();
  std::vector<size_t> current;  // indexes into scripts of the targets being defined
  auto add_recipe = [&](std::string_view recipe, int line) {
    std::string text(core::trim(recipe));
    while (!text.empty() && (text.front() == '@' || text.front() == '-' || text.front() == '+'))
      text.erase(0, 1);
    text = core::replace_all(core::replace_all(text, "$(MAKE)", "make"), "${MAKE}", "make");
    if (text.empty()) return;
    for (size_t index : current) {
      TaskScript& script = model.coverage.scripts[index];
      if (!script.command.empty()) script.command += '\n';
      script.command += text;
    }
    add_command_thresholds(core::to_lower(text), path, line, directory, model);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    int line = static_cast<int>(i) + 1;
    std::string joined(raw);
    while (!joined.empty() && joined.back() == '\\' && i + 1 < lines.size()) {
      joined.pop_back();
      while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
      joined += ' ';
      joined += core::trim(lines[++i]);
    }
    if (!joined.empty() && joined.front() == '\t') {
      add_recipe(joined, line);
      continue;
    }
    std::string_view text = core::trim(joined);
    if (text.empty() || text.front() == '#') continue;
    current.clear();
    size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    if (colon + 1 < text.size() && text[colon + 1] == '=') continue;  // X := y
    std::string_view names = text.substr(0, colon);
    if (names.find('=') != std::string_view::npos || names.find('%') != std::string_view::npos ||
        names.find('$') != std::string_view::npos)
      continue;
    std::string_view rest = text.substr(colon + 1);
    if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);  // double-colon rules
    if (!rest.empty() && rest.front() == '=') continue;               // X ::= y
    std::string_view inline_recipe;
    if (size_t semicolon = rest.find(';'); semicolon != std::string_view::npos) {
      inline_recipe = rest.substr(semicolon + 1);
      rest = rest.substr(0, semicolon);
    }
    std::vector<std::string> prerequisites;
    for (const auto& word : core::split(core::trim(rest), ' ')) {
      if (!word.empty()) prerequisites.push_back(word);
    }
    for (const auto& name : core::split(core::trim(names), ' ')) {
      if (name.empty() || name.front() == '.') continue;
      current.push_back(model.coverage.scripts.size());
      model.coverage.scripts.push_back({"make", path, directory, name, "", line, prerequisites});
    }
    if (!inline_recipe.empty()) add_recipe(inline_recipe, line);
  }
}

void learn_jvm_build(const std::string& path, std::string_view content, const char* ecosystem,
                     RepoModel& model) {
  size_t jacoco =
      content.find(std::string_view(ecosystem) == "maven" ? "jacoco-maven-plugin" : "jacoco");
  if (jacoco != std::string_view::npos) {
    add_fact(model, ProjectFactKind::kCollectsCoverage, ecosystem, path,
             core::line_of_offset(content, jacoco), "jacoco");
    static const re2::RE2 kMaven(R"(<minimum>\s*(\d*\.?\d+)\s*</minimum>)");
    static const re2::RE2 kGradle(
        R"(\bminimum\s*=\s*(?:BigDecimal\(|new BigDecimal\()?["']?(\d*\.?\d+))");
    size_t verification = std::string_view(ecosystem) == "maven"
                              ? jacoco
                              : content.find("jacocoTestCoverageVerification");
    if (verification != std::string_view::npos) {
      std::string_view rest = content.substr(verification);
      re2::StringPiece value;
      if (re2::RE2::PartialMatch(rest, std::string_view(ecosystem) == "maven" ? kMaven : kGradle,
                                 &value)) {
        if (auto percent = parse_percent(sv(value), true)) {
          add_threshold(model, "jacoco", ecosystem, path, line_at_offset(content, value.data()),
                        project_directory(path), "lines", *percent);
        }
      }
    }
  }
  static const re2::RE2 kLint(
      R"((maven-checkstyle-plugin|spotless|maven-pmd-plugin|\bcheckstyle\b|\bpmd\b|ktlint|detekt|errorprone|error_prone))");
  re2::StringPiece plugin;
  if (re2::RE2::PartialMatch(content, kLint, &plugin)) {
    add_fact(model, ProjectFactKind::kLintInBuild, ecosystem, path,
             line_at_offset(content, plugin.data()), std::string(sv(plugin)));
  }
}

void learn_cmake(const std::string& path, std::string_view content, RepoModel& model) {
  static const re2::RE2 kLint(
      R"((CMAKE_(?:C|CXX)_(?:CLANG_TIDY|CPPCHECK|CPPLINT|INCLUDE_WHAT_YOU_USE)|(?:C|CXX)_CLANG_TIDY))");
  re2::StringPiece setting;
  if (re2::RE2::PartialMatch(content, kLint, &setting)) {
    add_fact(model, ProjectFactKind::kLintInBuild, "cmake", path,
             line_at_offset(content, setting.data()), std::string(sv(setting)));
  }
}

void learn_simplecov(const std::string& path, std::string_view content, RepoModel& model) {
  size_t start = content.find("SimpleCov.start");
  if (start == std::string_view::npos && base_name(path) != ".simplecov") return;
  // A helper in spec/ or test/ speaks for the project above it.
  std::string directory = project_directory(path);
  std::string_view last = base_name(directory);
  if (last == "spec" || last == "test") directory = project_directory(directory);
  model.coverage.facts.push_back(
      {ProjectFactKind::kCollectsCoverage, "ruby", directory, path,
       core::line_of_offset(content, start == std::string_view::npos ? 0 : start),
       "SimpleCov.start"});
  static const re2::RE2 kMinimum(R"(\bminimum_coverage\b\s*\(?\s*(?:line:\s*)?(\d+(?:\.\d+)?))");
  re2::StringPiece value;
  if (re2::RE2::PartialMatch(content, kMinimum, &value)) {
    if (auto percent = parse_percent(sv(value))) {
      add_threshold(model, "simplecov", "ruby", path, line_at_offset(content, value.data()),
                    directory, "lines", *percent);
    }
  }
}

void learn_tarpaulin(const std::string& path, std::string_view content, RepoModel& model) {
  static const re2::RE2 kFailUnder(R"((?m)^\s*fail-under\s*=\s*(\d+(?:\.\d+)?))");
  re2::StringPiece value;
  if (re2::RE2::PartialMatch(content, kFailUnder, &value)) {
    if (auto percent = parse_percent(sv(value))) {
      add_threshold(model, "tarpaulin", "cargo", path, line_at_offset(content, value.data()),
                    project_directory(path), "total", *percent);
    }
  }
}

bool threshold_input(std::string_view key) {
  std::string lower = core::to_lower(key);
  return lower.find("threshold") != std::string::npos ||
         lower.find("minimum") != std::string::npos || lower.find("min-cov") != std::string::npos ||
         lower.find("min_cov") != std::string::npos ||
         lower.find("fail-under") != std::string::npos ||
         lower.find("fail_under") != std::string::npos;
}

void learn_steps(const std::string& path, const std::vector<Step>& steps, RepoModel& model) {
  for (const auto& step : steps) {
    auto lines = core::split_lines(step.run);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string lower = core::to_lower(lines[i]);
      if (core::trim(lower).empty() || core::trim(lower).front() == '#') continue;
      add_command_thresholds(lower, path, step.run_line_at(i), "", model);
    }
    if (step.uses.empty()) continue;
    std::string action = core::to_lower(step.uses.substr(0, step.uses.find('@')));
    bool coverage_action = step.is(StepKind::kCoverage) || action.find("cov") != std::string::npos;
    if (!coverage_action) continue;
    for (const auto& input : step.with) {
      if (!threshold_input(input.key)) continue;
      // "60 80" (red and green bands) enforces the first number.
      std::string first = core::split(std::string(core::trim(input.value)), ' ').front();
      if (auto percent = parse_percent(first)) {
        std::string ecosystem = action.find("go-test-coverage") != std::string::npos ? "go" : "";
        add_threshold(model, action, ecosystem, path, input.line, "", input.key, *percent);
      }
    }
  }
}

const parse::Node* parsed_root(const RepoModel& model, const std::string& path) {
  if (model.yaml_files.empty() || model.yaml_files.back().path != path) return nullptr;
  const auto& documents = model.yaml_files.back().documents;
  return documents.empty() || !documents.front().is_map() ? nullptr : &documents.front();
}

}  // namespace

std::vector<CoverageThreshold> thresholds_in_command(std::string_view command) {
  std::vector<CoverageThreshold> out;
  std::string lower = core::to_lower(command);
  const auto& regexes = flag_regexes();
  std::set<std::string> tools;
  for (size_t i = 0; i < kFlagPatterns.size(); ++i) {
    re2::StringPiece value;
    if (!re2::RE2::PartialMatch(lower, *regexes[i], &value)) continue;
    auto percent = parse_percent(sv(value));
    if (!percent) continue;
    std::string tool = kFlagPatterns[i].tool;
    if (tool == "nyc" && lower.find("c8") != std::string::npos) tool = "c8";
    if (!tools.insert(tool).second) continue;
    out.push_back({tool, kFlagPatterns[i].ecosystem, "", 0, "", kFlagPatterns[i].metric, *percent});
  }
  return out;
}

void CoverageFacts::merge(CoverageFacts& part) {
  auto append = [](auto& into, auto& from) {
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.end()));
  };
  append(thresholds, part.thresholds);
  append(scripts, part.scripts);
  append(facts, part.facts);
}

void learn_coverage(const SourceFile& file, const FileText& text, RepoModel& model) {
  std::string_view content = text.content();
  const std::string& path = file.path;
  std::string_view name = base_name(path);
  std::string directory = project_directory(path);
  if (!model.workflows.empty() && model.workflows.back().path == path) {
    for (const auto& job : model.workflows.back().jobs) learn_steps(path, job.steps, model);
    return;
  }
  if (!model.actions.empty() && model.actions.back().path == path) {
    learn_steps(path, model.actions.back().steps, model);
    return;
  }
  // Coverage configs in tooling folders (.github/codecov.yml) speak for the repository.
  if (file.role != walk::PathRole::kTooling && outside_own_projects(file.role)) return;
  if (name == "package.json") {
    if (const parse::Node* root = parsed_root(model, path)) learn_package_json(file, *root, model);
  } else if (starts_with(name, "jest.config.")) {
    learn_jest_config(path, content, model);
  } else if (starts_with(name, "vitest.config.") || starts_with(name, "vite.config.") ||
             starts_with(name, "vitest.workspace.")) {
    learn_vitest_config(path, content, model);
  } else if (name == ".nycrc" || starts_with(name, ".nycrc.") || name == "nyc.config.json") {
    learn_nycrc(path, content, "nyc", model);
  } else if (name == ".c8rc" || starts_with(name, ".c8rc.")) {
    learn_nycrc(path, content, "c8", model);
  } else if (name == "pytest.ini" || name == "tox.ini" || name == "setup.cfg" ||
             name == "pyproject.toml" || name == ".coveragerc" || name == "mypy.ini" ||
             name == ".mypy.ini") {
    learn_python_config(path, name, text, model);
    if (name == "mypy.ini" || name == ".mypy.ini") {
      add_fact(model, ProjectFactKind::kTyped, "python", path, 1, std::string(name));
    }
  } else if (name == "py.typed" || name == "pyrightconfig.json") {
    add_fact(model, ProjectFactKind::kTyped, "python", path, 1, std::string(name));
  } else if (starts_with(name, "tsconfig") && ends_with(name, ".json")) {
    add_fact(model, ProjectFactKind::kTyped, "npm", path, 1, std::string(name));
  } else if (name == "codecov.yml" || name == ".codecov.yml" || name == "codecov.yaml" ||
             name == ".codecov.yaml") {
    if (const parse::Node* root = parsed_root(model, path)) learn_codecov(path, *root, model);
  } else if (name == ".testcoverage.yml" || name == ".testcoverage.yaml" ||
             name == "testcoverage.yml" || name == "testcoverage.yaml") {
    if (const parse::Node* root = parsed_root(model, path))
      learn_go_test_coverage(path, *root, model);
  } else if (name == "Makefile" || name == "makefile" || name == "GNUmakefile") {
    learn_makefile(path, text, model);
  } else if (name == "pom.xml") {
    learn_jvm_build(path, content, "maven", model);
  } else if (name == "build.gradle" || name == "build.gradle.kts") {
    learn_jvm_build(path, content, "gradle", model);
  } else if (name == "CMakeLists.txt" || name == "CMakePresets.json") {
    learn_cmake(path, content, model);
  } else if (name == ".simplecov" || name == "spec_helper.rb" || name == "test_helper.rb" ||
             name == "rails_helper.rb") {
    learn_simplecov(path, content, model);
  } else if (name == "tarpaulin.toml" || name == ".tarpaulin.toml") {
    learn_tarpaulin(path, content, model);
  }
}

// ---- projects --------------------------------------------------------------------------------

namespace {

// Source file extensions that show an ecosystem's project has code of its own.
struct SourceExtension {
  std::string_view extension;
  std::string_view ecosystem;
};

constexpr std::array kSourceExtensions = {
    SourceExtension{".js", "npm"},       SourceExtension{".jsx", "npm"},
    SourceExtension{".ts", "npm"},       SourceExtension{".tsx", "npm"},
    SourceExtension{".mjs", "npm"},      SourceExtension{".cjs", "npm"},
    SourceExtension{".vue", "npm"},      SourceExtension{".svelte", "npm"},
    SourceExtension{".py", "python"},    SourceExtension{".go", "go"},
    SourceExtension{".java", "maven"},   SourceExtension{".kt", "maven"},
    SourceExtension{".scala", "maven"},  SourceExtension{".groovy", "maven"},
    SourceExtension{".java", "gradle"},  SourceExtension{".kt", "gradle"},
    SourceExtension{".scala", "gradle"}, SourceExtension{".groovy", "gradle"},
    SourceExtension{".rs", "cargo"},     SourceExtension{".c", "cmake"},
    SourceExtension{".cc", "cmake"},     SourceExtension{".cpp", "cmake"},
    SourceExtension{".cxx", "cmake"},    SourceExtension{".h", "cmake"},
    SourceExtension{".hpp", "cmake"},    SourceExtension{".rb", "ruby"},
    SourceExtension{".rake", "ruby"},    SourceExtension{".php", "php"},
    SourceExtension{".ex", "elixir"},    SourceExtension{".exs", "elixir"},
    SourceExtension{".dart", "dart"},    SourceExtension{".swift", "swift"},
    SourceExtension{".cs", "nuget"},     SourceExtension{".fs", "nuget"},
};

// Ecosystems whose nested manifests are modules of the outermost build.
bool nests_modules(std::string_view ecosystem) {
  return ecosystem == "cmake" || ecosystem == "maven" || ecosystem == "gradle" ||
         ecosystem == "cargo";
}

int manifest_rank(std::string_view manifest) {
  std::string_view name = base_name(manifest);
  if (name == "poetry.lock" || ends_with(name, ".lock")) return 3;
  if (starts_with(name, "requirements")) return 2;
  if (name == "setup.cfg" || name == "conanfile.txt") return 1;
  return 0;
}

const Project* deepest(const std::vector<Project>& projects, std::string_view ecosystem,
                       std::string_view directory) {
  const Project* best = nullptr;
  for (const auto& project : projects) {
    if (project.ecosystem != ecosystem || !within(directory, project.directory)) continue;
    if (best == nullptr || project.directory.size() > best->directory.size()) best = &project;
  }
  return best;
}

}  // namespace

bool within(std::string_view child, std::string_view parent) {
  if (parent == "." || parent.empty() || child == parent) return true;
  return child.size() > parent.size() && starts_with(child, parent) && child[parent.size()] == '/';
}

std::string normalise_directory(std::string_view path) {
  std::vector<std::string> parts;
  for (const auto& part : core::split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return parts.empty() ? "." : core::join(parts, "/");
}

namespace {

std::vector<Project> find_projects(const RepoModel& model) {
  std::vector<Project> all;
  for (const auto& ecosystem : model.ecosystems) {
    if (ecosystem.name.empty()) continue;
    std::string directory = normalise_directory(ecosystem.directory);
    if (outside_own_projects(model.role_of_directory(directory == "." ? "" : directory))) continue;
    auto existing = std::find_if(all.begin(), all.end(), [&](const Project& p) {
      return p.ecosystem == ecosystem.name && p.directory == directory;
    });
    if (existing == all.end()) {
      all.push_back({ecosystem.name, directory, ecosystem.manifest});
    } else if (manifest_rank(ecosystem.manifest) < manifest_rank(existing->manifest)) {
      existing->manifest = ecosystem.manifest;
    }
  }
  std::vector<Project> projects;
  for (const auto& project : all) {
    bool nested = nests_modules(project.ecosystem) &&
                  std::any_of(all.begin(), all.end(), [&](const Project& other) {
                    return other.ecosystem == project.ecosystem &&
                           other.directory != project.directory &&
                           within(project.directory, other.directory);
                  });
    if (!nested) projects.push_back(project);
  }
  // The deepest project of an ecosystem that holds a directory: walk up from the directory.
  std::map<std::pair<std::string, std::string>, const Project*> by_place;
  for (const auto& project : projects) by_place[{project.ecosystem, project.directory}] = &project;
  auto owner_of = [&](const std::string& ecosystem, std::string directory) -> const Project* {
    while (true) {
      if (auto it = by_place.find({ecosystem, directory}); it != by_place.end()) return it->second;
      if (directory == "." || directory.empty()) return nullptr;
      size_t slash = directory.rfind('/');
      directory = slash == std::string::npos ? "." : directory.substr(0, slash);
    }
  };
  std::set<const Project*> with_sources;
  for (const auto& file : model.files) {
    std::string_view name = base_name(file.path);
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) continue;
    std::string extension = core::to_lower(name.substr(dot));
    std::string directory = project_directory(file.path);
    for (const auto& source : kSourceExtensions) {
      if (source.extension != extension) continue;
      if (const Project* owner =
              owner_of(std::string(source.ecosystem), normalise_directory(directory)))
        with_sources.insert(owner);
    }
  }
  std::vector<Project> out;
  for (const auto& project : projects) {
    if (with_sources.count(&project) == 0) continue;
    out.push_back(project);
    out.back().directory_lower = core::to_lower(project.directory);
  }
  std::sort(out.begin(), out.end(), [](const Project& a, const Project& b) {
    return std::tie(a.directory, a.ecosystem) < std::tie(b.directory, b.ecosystem);
  });
  return out;
}

}  // namespace

const std::vector<Project>& gate_projects(const RepoModel& model) {
  return model.gate_facts.projects;
}

std::string project_place(const Project& project) {
  return project.directory == "." ? "at the repository root" : "under " + project.directory;
}

bool applies_to(const std::vector<Project>& projects, std::string_view ecosystem,
                std::string_view directory, const Project& project) {
  if (!ecosystem.empty() && ecosystem != project.ecosystem) return false;
  if (ecosystem.empty() || directory.empty()) return true;
  std::string normal = normalise_directory(directory);
  if (const Project* owner = deepest(projects, ecosystem, normal)) {
    return owner->directory == project.directory;
  }
  return within(project.directory, normal);
}

int script_line(const RepoModel& model, const Project& project, std::string_view name) {
  if (project.ecosystem != "npm") return 1;
  for (const auto& script : model.coverage.scripts) {
    if (script.runner == "npm" && script.name == name &&
        normalise_directory(script.directory) == project.directory) {
      return script.line;
    }
  }
  return 1;
}

// ---- CI commands -----------------------------------------------------------------------------

namespace {

using Vars = std::map<std::string, std::vector<std::string>>;

struct Segment {
  std::string text;       // trimmed
  size_t offset = 0;      // where it starts in the line
  std::string separator;  // what follows it: "&&", "||", ";", "|", ""
};

// Splits a shell command line into simple commands at top-level && || ; | &.
std::vector<Segment> split_segments(std::string_view line) {
  std::vector<Segment> out;
  char quote = 0;
  int substitution = 0;  // depth of $( ... )
  size_t start = 0;
  auto flush = [&](size_t end, std::string separator) {
    std::string_view raw = line.substr(start, end - start);
    std::string_view text = core::trim(raw);
    size_t lead = raw.find_first_not_of(" \t");
    if (!text.empty()) {
      out.push_back({std::string(text), start + (lead == std::string_view::npos ? 0 : lead),
                     std::move(separator)});
    } else if (!out.empty() && !separator.empty()) {
      out.back().separator = separator;
    }
  };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      continue;
    }
    if (c == '$' && i + 1 < line.size() && line[i + 1] == '(') {
      ++substitution;
      ++i;
      continue;
    }
    if (substitution > 0) {
      if (c == ')') --substitution;
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      flush(i, "");
      start = line.size();
      break;
    }
    std::string separator;
    if ((c == '&' || c == '|') && i + 1 < line.size() && line[i + 1] == c) {
      separator = std::string(2, c);
    } else if (c == ';' || c == '|' || c == '&') {
      separator = std::string(1, c == '&' ? ';' : c);
    }
    if (separator.empty()) continue;
    flush(i, separator);
    i += separator.size() == 2 ? 1 : 0;
    start = i + 1;
  }
  if (start < line.size()) flush(line.size(), "");
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        current += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '(' || c == ')') {
      if (in_word) out.push_back(std::move(current));
      current.clear();
      in_word = false;
      continue;
    }
    current += c;
    in_word = true;
  }
  if (in_word) out.push_back(std::move(current));
  return out;
}

// Drops what only wraps a command: FOO=bar, sudo, env, time, exec.
std::vector<std::string> command_words(std::string_view text) {
  auto all = words(text);
  static const re2::RE2 kAssignment(R"((?i)[a-z_][a-z0-9_]*=.*)");
  size_t i = 0;
  while (i < all.size() &&
         (re2::RE2::FullMatch(all[i], kAssignment) || all[i] == "sudo" || all[i] == "env" ||
          all[i] == "time" || all[i] == "exec" || all[i] == "command" || all[i] == "-e")) {
    ++i;
  }
  return {all.begin() + static_cast<long>(i), all.end()};
}

// A task runner invocation: npm/yarn/pnpm/bun scripts or make targets.
struct Invocation {
  std::string runner;  // npm, make
  std::string directory;
  std::vector<std::string> names;  // scripts or targets; empty make targets: the default goal
  bool build_like = false;         // make: no target or a build target
};

std::optional<Invocation> parse_invocation(const std::vector<std::string>& w) {
  if (w.empty()) return std::nullopt;
  std::string runner = core::to_lower(base_name(w[0]));
  if (runner == "make" || runner == "gmake" || runner == "$(make)" || runner == "${make}") {
    Invocation invocation{"make", "", {}, false};
    for (size_t i = 1; i < w.size(); ++i) {
      const std::string& word = w[i];
      if (word == "-C" && i + 1 < w.size()) {
        invocation.directory = w[++i];
      } else if (starts_with(word, "--directory=")) {
        invocation.directory = word.substr(12);
      } else if (starts_with(word, "-C") && word.size() > 2) {
        invocation.directory = word.substr(2);
      } else if ((word == "-f" || word == "--file" || word == "-l") && i + 1 < w.size()) {
        ++i;
      } else if (word == "-j" && i + 1 < w.size() && !w[i + 1].empty() &&
                 std::isdigit(static_cast<unsigned char>(w[i + 1].front())) != 0) {
        ++i;
      } else if (word.empty() || word.front() == '-' || word.find('=') != std::string::npos) {
        continue;
      } else {
        invocation.names.push_back(word);
      }
    }
    static const std::set<std::string> kBuildTargets = {"all",  "build",   "install", "compile",
                                                        "dist", "release", "package", "binary",
                                                        "bin",  "image",   "docker"};
    invocation.build_like =
        invocation.names.empty() ||
        std::any_of(invocation.names.begin(), invocation.names.end(),
                    [](const std::string& n) { return kBuildTargets.count(n) > 0; });
    return invocation;
  }
  if (runner != "npm" && runner != "yarn" && runner != "pnpm" && runner != "bun") {
    return std::nullopt;
  }
  Invocation invocation{"npm", "", {}, false};
  std::vector<std::string> positional;
  for (size_t i = 1; i < w.size(); ++i) {
    const std::string& word = w[i];
    if (word == "--") break;
    if ((word == "--prefix" || word == "--cwd" || word == "-C" || word == "--dir") &&
        i + 1 < w.size()) {
      invocation.directory = w[++i];
    } else if (starts_with(word, "--prefix=") || starts_with(word, "--cwd=") ||
               starts_with(word, "--dir=")) {
      invocation.directory = word.substr(word.find('=') + 1);
    } else if ((word == "--workspace" || word == "-w") && i + 1 < w.size() &&
               w[i + 1].find('/') != std::string::npos) {
      invocation.directory = w[++i];
    } else if (!word.empty() && word.front() == '-') {
      continue;
    } else {
      positional.push_back(word);
    }
  }
  if (positional.empty()) return std::nullopt;
  std::string verb = core::to_lower(positional.front());
  std::string script;
  if (verb == "run" || verb == "run-script" || verb == "rum" || verb == "urn") {
    if (positional.size() > 1) script = positional[1];
  } else if (verb == "test" || verb == "t" || verb == "tst") {
    script = runner == "bun" ? "" : "test";
  } else if (verb == "start" || verb == "stop" || verb == "restart") {
    script = verb;
  } else if (runner == "yarn" || runner == "pnpm") {
    static const std::set<std::string> kBuiltins = {
        "install",  "i",     "add",    "remove",  "rm",        "upgrade",    "up",     "update",
        "exec",     "dlx",   "create", "publish", "pack",      "init",       "link",   "unlink",
        "config",   "cache", "info",   "why",     "bin",       "global",     "import", "dedupe",
        "node",     "set",   "plugin", "version", "workspace", "workspaces", "audit",  "outdated",
        "licenses", "login", "logout", "store",   "fetch",     "list",       "ls",     "recursive"};
    if (kBuiltins.count(verb) == 0) script = positional.front();
  }
  if (script.empty()) return std::nullopt;
  invocation.names.push_back(script);
  return invocation;
}

bool is_stub(std::string_view command) {
  std::string lower = core::to_lower(core::trim(command));
  for (std::string_view tail : {"&& exit 1", "&& exit 0", "; exit 1", "; exit 0"}) {
    if (ends_with(lower, tail))
      lower = std::string(core::trim(lower.substr(0, lower.size() - tail.size())));
  }
  if (lower.empty() || lower == "true" || lower == "exit 0" || lower == ":") return true;
  if (!starts_with(lower, "echo ") && !starts_with(lower, "printf ")) return false;
  return split_segments(lower).size() == 1;
}

void add_unique(std::vector<StepRecognition>& out, const StepRecognition& recognition) {
  for (const auto& existing : out) {
    if (existing.kind == recognition.kind && existing.ecosystem == recognition.ecosystem) return;
  }
  out.push_back(recognition);
}

// A generic coverage recognition in the same command as tests of an ecosystem measures them.
void assign_coverage_ecosystem(std::vector<StepRecognition>& kinds) {
  auto generic = std::find_if(kinds.begin(), kinds.end(), [](const StepRecognition& r) {
    return r.kind == StepKind::kCoverage && r.ecosystem.empty();
  });
  if (generic == kinds.end()) return;
  StepRecognition coverage = *generic;
  std::vector<std::string> ecosystems;
  for (const auto& r : kinds) {
    if (r.kind == StepKind::kTest && !r.ecosystem.empty()) ecosystems.push_back(r.ecosystem);
  }
  if (ecosystems.empty()) return;
  kinds.erase(generic);
  for (const auto& ecosystem : ecosystems) {
    coverage.ecosystem = ecosystem;
    add_unique(kinds, coverage);
  }
}

std::string join_directory(std::string_view base, std::string_view relative) {
  if (base == "*" || base == "/") return std::string(base);
  return normalise_directory(std::string(base) + "/" + std::string(relative));
}

// Expands ${{ matrix.x }}, ${{ inputs.x }}, ${{ env.x }}: one result per value; {"*"} when an
// expression is unknown.
std::vector<std::string> expand(std::string_view text, const Vars& vars) {
  std::vector<std::string> results = {""};
  size_t position = 0;
  while (true) {
    size_t open = text.find("${{", position);
    std::string_view literal = text.substr(
        position, open == std::string_view::npos ? std::string_view::npos : open - position);
    for (auto& result : results) result += literal;
    if (open == std::string_view::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string_view::npos) return {"*"};
    std::string expression = core::to_lower(core::trim(text.substr(open + 3, close - open - 3)));
    auto found = vars.find(expression);
    if (found == vars.end() || found->second.empty()) return {"*"};
    std::vector<std::string> next;
    for (const auto& result : results) {
      for (const auto& value : found->second) next.push_back(result + value);
    }
    results = std::move(next);
    position = close + 2;
  }
  return results;
}

// A directory as a step or cd names it, against the directory it is relative to.
std::string resolve_directory(std::string_view base, std::string target) {
  for (std::string_view root : {"$github_workspace", "${github_workspace}", "$ci_project_dir",
                                "${ci_project_dir}", "$pwd", "${pwd}"}) {
    std::string lower = core::to_lower(target);
    if (starts_with(lower, root)) {
      target = target.substr(root.size());
      base = ".";
      while (!target.empty() && target.front() == '/') target.erase(0, 1);
      break;
    }
  }
  if (target.find('$') != std::string::npos || target.find('`') != std::string::npos ||
      target.find('*') != std::string::npos) {
    return "*";
  }
  if (target.empty()) return std::string(base);
  if (target.front() == '/' || target.front() == '~' || target == "-") return "/";
  return join_directory(base, target);
}

std::vector<std::string> resolve_all(const std::vector<std::string>& bases, std::string_view target,
                                     const Vars& vars) {
  std::vector<std::string> out;
  for (const auto& expanded : expand(target, vars)) {
    for (const auto& base : bases) {
      std::string resolved = expanded == "*" ? "*" : resolve_directory(base, expanded);
      if (std::find(out.begin(), out.end(), resolved) == out.end()) out.push_back(resolved);
    }
  }
  return out;
}

const parse::Node* document_of(const RepoModel& model, std::string_view path) {
  const parse::Node* document = model.yaml_document(path);
  return document != nullptr && document->is_map() ? document : nullptr;
}

std::string default_directory(const parse::Node* node) {
  if (node == nullptr) return "";
  const parse::Node* defaults = node->find("defaults");
  const parse::Node* run = defaults != nullptr ? defaults->find("run") : nullptr;
  return run != nullptr ? run->get("working-directory") : "";
}

void add_env(Vars& vars, const std::vector<KeyValue>& env) {
  for (const auto& kv : env) vars["env." + core::to_lower(kv.key)] = {kv.value};
}

void add_matrix(Vars& vars, const parse::Node* job) {
  const parse::Node* strategy = job != nullptr ? job->find("strategy") : nullptr;
  const parse::Node* matrix = strategy != nullptr ? strategy->find("matrix") : nullptr;
  if (matrix == nullptr || !matrix->is_map()) return;
  auto add = [&](const std::string& key, const std::string& value) {
    auto& values = vars["matrix." + core::to_lower(key)];
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  };
  for (const auto& entry : matrix->children) {
    if (entry.key == "include") {
      for (const auto& item : entry.children) {
        for (const auto& field : item.children) {
          if (field.is_scalar()) add(field.key, field.value);
        }
      }
    } else if (entry.key != "exclude" && entry.is_seq()) {
      for (const auto& item : entry.children) {
        if (item.is_scalar()) add(entry.key, item.value);
      }
    }
  }
}

void add_input_defaults(Vars& vars, const parse::Node* inputs) {
  if (inputs == nullptr || !inputs->is_map()) return;
  for (const auto& input : inputs->children) {
    std::string value = input.get("default");
    if (value.empty()) continue;
    auto& values = vars["inputs." + core::to_lower(input.key)];
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
}

std::string strip_local(std::string_view uses) {
  std::string out(uses);
  while (starts_with(out, "./")) out.erase(0, 2);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

bool is_generic_lint_evidence(std::string_view evidence) {
  static const re2::RE2 kRunner(
      R"(\b(make|pre-commit|super-linter|megalinter|mega-linter|trunk|just|task|tox|nox|lefthook)\b|\.ya?ml@)");
  return re2::RE2::PartialMatch(core::to_lower(evidence), kRunner);
}

class Reader {
 public:
  explicit Reader(const RepoModel& model) : model_(model) {
    for (const auto& script : model_.coverage.scripts) {
      scripts_[{script.runner, normalise_directory(script.directory)}].push_back(&script);
    }
  }

  std::vector<CiCommand> read() {
    for (const auto& workflow : model_.workflows) read_workflow(workflow);
    return std::move(out_);
  }

 private:
  const TaskScript* find_script(std::string_view runner, std::string_view directory,
                                std::string_view name) const {
    auto place = scripts_.find({std::string(runner), std::string(directory)});
    if (place == scripts_.end()) return nullptr;
    for (const TaskScript* script : place->second) {
      if (name.empty() || script->name == name) return script;
    }
    return nullptr;
  }

  // What a script text does, run in directories.
  void script_kinds(std::string_view text, const std::vector<std::string>& directories, int depth,
                    std::set<std::string>& visiting, std::vector<StepRecognition>& out) {
    for (std::string_view line : core::split_lines(text)) {
      std::string_view trimmed = core::trim(line);
      if (trimmed.empty() || trimmed.front() == '#') continue;
      std::vector<std::string> current = directories;
      for (const auto& segment : split_segments(trimmed)) {
        auto w = command_words(segment.text);
        if (!w.empty() && (w[0] == "cd" || w[0] == "pushd")) {
          current = resolve_all(current, w.size() > 1 ? w[1] : "~", {});
          continue;
        }
        for (const auto& r : segment_kinds(segment.text, current, depth, visiting, nullptr))
          add_unique(out, r);
      }
    }
  }

  std::vector<StepRecognition> segment_kinds(const std::string& segment,
                                             const std::vector<std::string>& directories, int depth,
                                             std::set<std::string>& visiting,
                                             std::vector<std::string>* effective) {
    std::vector<StepRecognition> base = recognise_step("", segment);  // lower-cases itself
    auto invocation = parse_invocation(command_words(segment));
    if (!invocation) {
      if (effective != nullptr) *effective = directories;
      assign_coverage_ecosystem(base);
      return base;
    }
    std::vector<std::string> where = directories;
    if (!invocation->directory.empty()) where = resolve_all(directories, invocation->directory, {});
    if (effective != nullptr) *effective = where;
    if (invocation->runner == "make" && !invocation->build_like) {
      base.erase(std::remove_if(base.begin(), base.end(),
                                [](const StepRecognition& r) {
                                  return r.kind == StepKind::kBuild && r.ecosystem.empty();
                                }),
                 base.end());
    }
    std::vector<StepRecognition> resolved;
    bool found = false;
    bool all_stubs = true;
    if (depth < 4) {
      std::vector<std::string> names = invocation->names;
      if (names.empty()) names.emplace_back("");  // make's default goal
      for (const auto& directory : where) {
        if (directory == "*" || directory == "/") continue;
        for (const auto& name : names) {
          const TaskScript* script = find_script(invocation->runner, directory, name);
          if (script == nullptr) continue;
          found = true;
          all_stubs = all_stubs && invocation->runner == "npm" && is_stub(script->command);
          resolve(*script, directory, depth, visiting, resolved);
          if (invocation->runner == "npm") {
            for (const char* hook : {"pre", "post"}) {
              if (const TaskScript* extra = find_script("npm", directory, hook + name))
                resolve(*extra, directory, depth, visiting, resolved);
            }
          }
        }
      }
    }
    if (found && all_stubs) {
      base.clear();
    } else if (found) {
      base.erase(std::remove_if(base.begin(), base.end(),
                                [&](const StepRecognition& r) {
                                  return r.ecosystem.empty() &&
                                         std::any_of(resolved.begin(), resolved.end(),
                                                     [&](const StepRecognition& other) {
                                                       return other.kind == r.kind;
                                                     });
                                }),
                 base.end());
    }
    for (const auto& r : resolved) add_unique(base, r);
    assign_coverage_ecosystem(base);
    return base;
  }

  void resolve(const TaskScript& script, const std::string& directory, int depth,
               std::set<std::string>& visiting, std::vector<StepRecognition>& out) {
    std::string key = script.runner + ":" + script.path + ":" + script.name;
    if (!visiting.insert(key).second) return;
    script_kinds(script.command, {directory}, depth + 1, visiting, out);
    for (const auto& prerequisite : script.prerequisites) {
      if (const TaskScript* other = find_script("make", directory, prerequisite))
        resolve(*other, directory, depth + 1, visiting, out);
    }
    visiting.erase(key);
  }

  struct Context {
    const Workflow* workflow = nullptr;
    const Job* job = nullptr;
    const Step* workflow_step = nullptr;
  };

  void add_run(const Context& context, const Step& step, const std::string& path,
               std::vector<std::string>& directories, const Vars& vars) {
    for (const parse::LogicalLine& line : parse::logical_lines(step.run)) {
      const std::string& logical = line.text;
      std::string_view trimmed = logical;
      auto segments = split_segments(logical);
      std::vector<std::string> lowered;
      std::vector<std::string> separators;
      for (const auto& segment : segments) {
        lowered.push_back(core::to_lower(segment.text));
        separators.push_back(segment.separator);
      }
      for (size_t k = 0; k < segments.size(); ++k) {
        const std::string& lower = lowered[k];
        auto w = command_words(segments[k].text);
        if (!w.empty() && (w[0] == "cd" || w[0] == "pushd")) {
          directories = resolve_all(directories, w.size() > 1 ? w[1] : "~", vars);
          continue;
        }
        if (!w.empty() && w[0] == "popd") continue;
        size_t physical = line.physical_line_at(segments[k].offset);
        CiCommand command;
        command.workflow = context.workflow;
        command.job = context.job;
        command.step = &step;
        command.workflow_step = context.workflow_step;
        command.path = path;
        command.line = step.run_line_at(physical);
        command.text = lower;
        command.line_text = std::string(trimmed);
        command.segments = lowered;
        command.separators = separators;
        command.segment = k;
        std::set<std::string> visiting;
        command.kinds =
            segment_kinds(segments[k].text, directories, 0, visiting, &command.directories);
        out_.push_back(std::move(command));
      }
    }
  }

  void add_uses(const Context& context, const Step& step, const std::string& path,
                const Vars& vars) {
    CiCommand command;
    command.workflow = context.workflow;
    command.job = context.job;
    command.step = &step;
    command.workflow_step = context.workflow_step;
    command.path = path;
    command.line = step.uses_line > 0 ? step.uses_line : step.line;
    command.text = core::to_lower(step.uses);
    std::string directory;
    for (const auto& input : step.with) {
      command.text += " " + core::to_lower(input.key) + "=" + core::to_lower(input.value);
      if (input.key == "working-directory" || input.key == "working_directory" ||
          input.key == "workdir" || input.key == "directory")
        directory = input.value;
    }
    command.line_text = step.uses;
    command.segments = {command.text};
    command.separators = {""};
    command.directories =
        directory.empty() ? std::vector<std::string>{"."} : resolve_all({"."}, directory, vars);
    command.kinds = step.kinds;
    command.action = true;
    out_.push_back(std::move(command));
  }

  void add_composite(const Context& context, const CompositeAction& action, const Step& caller,
                     const Vars& caller_vars) {
    const parse::Node* root = document_of(model_, action.path);
    Vars vars;
    add_input_defaults(vars, root != nullptr ? root->find("inputs") : nullptr);
    for (const auto& input : caller.with) {
      std::vector<std::string> values;
      for (const auto& value : expand(input.value, caller_vars)) values.push_back(value);
      vars["inputs." + core::to_lower(input.key)] = values;
    }
    for (const auto& [key, values] : caller_vars) {
      if (starts_with(key, "env.") || starts_with(key, "matrix.")) vars.emplace(key, values);
    }
    vars["github.workspace"] = {"."};
    const parse::Node* runs = root != nullptr ? root->find("runs") : nullptr;
    const parse::Node* steps = runs != nullptr ? runs->find("steps") : nullptr;
    for (const auto& step : action.steps) {
      const parse::Node* node = nullptr;
      if (steps != nullptr) {
        for (const auto& item : steps->children) {
          if (item.mark.line == step.line) node = &item;
        }
      }
      std::string template_directory = node != nullptr ? node->get("working-directory") : "";
      std::vector<std::string> directories = template_directory.empty()
                                                 ? std::vector<std::string>{"."}
                                                 : resolve_all({"."}, template_directory, vars);
      if (!step.uses.empty()) add_uses(context, step, action.path, vars);
      if (!step.run.empty()) add_run(context, step, action.path, directories, vars);
    }
  }

  Vars workflow_vars(const Workflow& workflow, const parse::Node* root) {
    Vars vars;
    vars["github.workspace"] = {"."};
    add_env(vars, workflow.env);
    if (!workflow.is_reusable() || root == nullptr) return vars;
    const parse::Node* on = root->find("on");
    if (on == nullptr) on = root->find("true");
    const parse::Node* call = on != nullptr ? on->find("workflow_call") : nullptr;
    add_input_defaults(vars, call != nullptr ? call->find("inputs") : nullptr);
    for (const auto& caller : model_.workflows) {
      for (const auto& job : caller.jobs) {
        if (job.uses.empty() || strip_local(job.uses) != workflow.path) continue;
        for (const auto& input : job.with) {
          auto& values = vars["inputs." + core::to_lower(input.key)];
          if (std::find(values.begin(), values.end(), input.value) == values.end())
            values.push_back(input.value);
        }
      }
    }
    return vars;
  }

  void add_remote_workflow(const Workflow& workflow, const Job& job) {
    std::string name = core::to_lower(job.uses.substr(0, job.uses.find('@')));
    std::string file(base_name(name));
    CiCommand command;
    command.workflow = &workflow;
    command.job = &job;
    command.path = workflow.path;
    command.line = job.uses_line > 0 ? job.uses_line : job.line;
    command.text = core::to_lower(job.uses);
    command.line_text = job.uses;
    command.segments = {command.text};
    command.separators = {""};
    command.directories = {"*"};
    command.action = true;
    const std::pair<const char*, StepKind> kind_words[] = {{"test", StepKind::kTest},
                                                           {"lint", StepKind::kLint},
                                                           {"build", StepKind::kBuild},
                                                           {"coverage", StepKind::kCoverage}};
    for (const auto& [word, kind] : kind_words) {
      if (file.find(word) != std::string::npos) command.kinds.push_back({kind, "", job.uses});
    }
    if (!command.kinds.empty()) out_.push_back(std::move(command));
  }

  void read_workflow(const Workflow& workflow) {
    const parse::Node* root = document_of(model_, workflow.path);
    bool gitlab = workflow.system == CiSystem::kGitlabCi;
    Vars base_vars = workflow_vars(workflow, root);
    std::string workflow_default = gitlab ? "" : default_directory(root);
    const parse::Node* jobs = root != nullptr && !gitlab ? root->find("jobs") : nullptr;
    for (const auto& job : workflow.jobs) {
      const parse::Node* job_node = gitlab ? (root != nullptr ? root->find(job.id) : nullptr)
                                           : (jobs != nullptr ? jobs->find(job.id) : nullptr);
      if (!job.uses.empty() && !starts_with(job.uses, "./")) add_remote_workflow(workflow, job);
      Vars job_vars = base_vars;
      add_matrix(job_vars, job_node);
      add_env(job_vars, job.env);
      std::string job_default = default_directory(job_node);
      if (job_default.empty()) job_default = workflow_default;
      const parse::Node* steps = job_node != nullptr ? job_node->find("steps") : nullptr;
      std::vector<std::string> shell_directories = {"."};  // GitLab: one shell for the job
      for (const auto& step : job.steps) {
        Context context{&workflow, &job, &step};
        Vars vars = job_vars;
        add_env(vars, step.env);
        if (!gitlab) {
          const parse::Node* node = nullptr;
          if (steps != nullptr) {
            for (const auto& item : steps->children) {
              if (item.mark.line == step.line) node = &item;
            }
          }
          std::string directory = node != nullptr ? node->get("working-directory") : "";
          if (directory.empty()) directory = job_default;
          shell_directories = directory.empty() ? std::vector<std::string>{"."}
                                                : resolve_all({"."}, directory, vars);
        }
        if (!step.uses.empty()) {
          const CompositeAction* action =
              starts_with(step.uses, "./") ? model_.action_at(strip_local(step.uses)) : nullptr;
          if (action != nullptr) {
            add_composite(context, *action, step, vars);
          } else {
            add_uses(context, step, workflow.path, vars);
          }
        }
        if (!step.run.empty()) add_run(context, step, workflow.path, shell_directories, vars);
      }
    }
  }

  const RepoModel& model_;
  std::map<std::pair<std::string, std::string>, std::vector<const TaskScript*>> scripts_;
  std::vector<CiCommand> out_;
};

}  // namespace

const std::vector<CiCommand>& ci_commands(const RepoModel& model) {
  return model.gate_facts.commands;
}

namespace {

// Alphanumeric runs of lower-cased text: every run of a directory a command names is one of them.
std::vector<std::string_view> alnum_runs(std::string_view text) {
  std::vector<std::string_view> runs;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool alnum = i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0;
    if (alnum && start == std::string_view::npos) start = i;
    if (!alnum && start != std::string_view::npos) {
      runs.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return runs;
}

void index_reach(DerivedGateFacts& facts) {
  const auto& projects = facts.projects;
  facts.commands_reaching.assign(projects.size(), {});
  std::map<std::string, std::vector<size_t>, std::less<>> by_run;  // last run of a directory
  for (size_t p = 0; p < projects.size(); ++p) {
    auto runs = alnum_runs(projects[p].directory_lower);
    if (!runs.empty()) by_run[std::string(runs.back())].push_back(p);
  }
  auto reach = [&](size_t project, size_t command) {
    auto& list = facts.commands_reaching[project];
    if (list.empty() || list.back() != command) list.push_back(command);
  };
  for (size_t c = 0; c < facts.commands.size(); ++c) {
    const CiCommand& command = facts.commands[c];
    bool everywhere = false;
    for (const auto& directory : command.directories) {
      if (directory == "*" || directory == "." || directory.empty()) {
        everywhere = true;
        break;
      }
      // Projects at or below the directory sort together, from the directory itself on.
      auto first =
          std::lower_bound(projects.begin(), projects.end(), directory,
                           [](const Project& p, const std::string& d) { return p.directory < d; });
      for (auto it = first;
           it != projects.end() && it->directory.compare(0, directory.size(), directory) == 0;
           ++it) {
        if (within(it->directory, directory)) reach(static_cast<size_t>(it - projects.begin()), c);
      }
    }
    if (everywhere) {
      facts.commands_everywhere.push_back(c);
      continue;
    }
    for (std::string_view run : alnum_runs(command.text)) {
      auto found = by_run.find(run);
      if (found == by_run.end()) continue;
      for (size_t p : found->second) reach(p, c);
    }
  }
  for (auto& list : facts.commands_reaching) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

}  // namespace

void derive_gate_facts(RepoModel& model) {
  model.gate_facts = {};
  DerivedGateFacts facts;
  facts.projects = find_projects(model);
  facts.commands = Reader(model).read();
  index_reach(facts);
  facts.ready = true;
  model.gate_facts = std::move(facts);
}

const CiCommand* find_covering_command(const RepoModel& model, const Project& project,
                                       StepKind kind) {
  const DerivedGateFacts& facts = model.gate_facts;
  const std::vector<CiCommand>& commands = facts.commands;
  auto covers = [&](const CiCommand& command) { return command_covers(command, project, kind); };
  auto slot = std::lower_bound(facts.projects.begin(), facts.projects.end(), project,
                               [](const Project& a, const Project& b) {
                                 return std::tie(a.directory, a.ecosystem) <
                                        std::tie(b.directory, b.ecosystem);
                               });
  bool indexed = slot != facts.projects.end() && slot->directory == project.directory &&
                 slot->ecosystem == project.ecosystem;
  if (!indexed) {
    auto found = std::find_if(commands.begin(), commands.end(), covers);
    return found == commands.end() ? nullptr : &*found;
  }
  // Only these commands can reach the project; in index order, the first match is the same one
  // a scan of every command would find.
  const auto& reaching =
      facts.commands_reaching[static_cast<size_t>(slot - facts.projects.begin())];
  std::vector<size_t> candidates;
  std::merge(facts.commands_everywhere.begin(), facts.commands_everywhere.end(), reaching.begin(),
             reaching.end(), std::back_inserter(candidates));
  for (size_t c : candidates) {
    if (covers(commands[c])) return &commands[c];
  }
  return nullptr;
}

bool any_command_covers(const RepoModel& model, const Project& project, StepKind kind) {
  return find_covering_command(model, project, kind) != nullptr;
}

std::string project_directory(std::string_view file_path) {
  std::string_view directory = core::directory_name(file_path);
  return directory.empty() ? "." : std::string(directory);
}

bool outside_own_projects(walk::PathRole role) {
  switch (role) {
    case walk::PathRole::kProduct:
    case walk::PathRole::kTest:
      return false;
    default:
      return true;
  }
}

bool names_directory(std::string_view text, std::string_view directory) {
  return mentions(text, directory);
}

bool is_gate_kind(StepKind kind) {
  switch (kind) {
    case StepKind::kTest:
    case StepKind::kLint:
    case StepKind::kTypecheck:
    case StepKind::kBuild:
    case StepKind::kCoverage:
    case StepKind::kImageBuild:
      return true;
    default:
      return false;
  }
}

bool command_covers(const CiCommand& command, const Project& project, StepKind kind) {
  bool does =
      std::any_of(command.kinds.begin(), command.kinds.end(), [&](const StepRecognition& r) {
        if (r.kind != kind) return false;
        if (r.ecosystem == project.ecosystem) return true;
        if (!r.ecosystem.empty()) return false;
        if (kind != StepKind::kLint) return true;
        if (is_generic_lint_evidence(r.evidence) || is_generic_lint_evidence(command.text))
          return true;
        static const re2::RE2 kCppLint(R"(\b(clang-tidy|clang-format|cppcheck|cpplint)\b)");
        return project.ecosystem == "cmake" &&
               re2::RE2::PartialMatch(core::to_lower(r.evidence), kCppLint);
      });
  if (!does) return false;
  for (const auto& directory : command.directories) {
    if (directory == "*" || within(project.directory, directory)) return true;
  }
  return mentions(command.text, project.directory_lower.empty() ? core::to_lower(project.directory)
                                                                : project.directory_lower);
}

}  // namespace golive::model
