#include "model/coverage.h"

#include <re2/re2.h>

#include <array>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "core/paths.h"
#include "core/strings.h"
#include "model/model.h"
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

// A shell script CI may run by its path ('./scripts/test.sh', 'bash hack/e2e.sh'): kept whole,
// as the recipe of a task named by its path, so what CI calls is followed into it. Large
// files are not scripts anyone runs from CI; they are skipped.
void learn_shell_script(const std::string& path, std::string_view content, RepoModel& model) {
  constexpr size_t kMaxScript = size_t{64} * 1024;
  if (content.size() > kMaxScript) return;
  TaskScript script;
  script.runner = "sh";
  script.path = path;
  script.directory = project_directory(path);
  script.name = std::string(base_name(path));
  script.command = std::string(content);
  script.line = 1;
  // Thresholds its commands set ('coverage report --fail-under=90'), as for make recipes.
  int line = 0;
  for (std::string_view text : core::split_lines(content)) {
    ++line;
    std::string_view trimmed = core::trim(text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    add_command_thresholds(core::to_lower(trimmed), path, line, script.directory, model);
  }
  model.coverage.scripts.push_back(std::move(script));
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
  } else if (name == "Makefile" || name == "makefile" || name == "GNUmakefile" ||
             starts_with(name, "Makefile.")) {
    // Makefile.common, Makefile.inc: included by the Makefile beside them, whose targets they
    // define (the Prometheus projects' 'make docker' lives in Makefile.common).
    learn_makefile(path, text, model);
  } else if (ends_with(name, ".sh") || ends_with(name, ".bash")) {
    learn_shell_script(path, content, model);
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

}  // namespace golive::model
