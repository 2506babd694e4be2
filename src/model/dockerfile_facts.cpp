#include "model/dockerfile_facts.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"
#include "model/image_ref.h"

namespace golive::model {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_shell(std::string_view word) {
  return word == "sh" || word == "bash" || word == "/bin/sh" || word == "/bin/bash" ||
         word == "/usr/bin/env";
}

// NAME=value, the shape of a shell variable assignment.
bool is_assignment(std::string_view word) {
  size_t eq = word.find('=');
  if (eq == 0 || eq == std::string_view::npos) return false;
  if (std::isdigit(static_cast<unsigned char>(word[0]))) return false;
  return std::all_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(eq), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Blank-separated words with quotes removed ("a 'b c'" -> {a, b c}); a backslash escapes the
// next character outside single quotes; a $( ... ) command substitution stays one word.
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = '\0';
  int substitution = 0;  // depth of $( ... ), kept whole with its blanks
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (substitution > 0 && quote == '\0') {
      if (c == '(') ++substitution;
      if (c == ')') --substitution;
      word += c;
      continue;
    }
    if (quote != '\0') {
      if (c == quote) {
        quote = '\0';
      } else if (c == '\\' && quote == '"' && i + 1 < text.size()) {
        word += text[++i];
      } else {
        word += c;
      }
      continue;
    }
    if (is_blank(c) || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '(') {
      ++substitution;
      word += "$(";
      ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

// The strings of a JSON array as Dockerfiles write exec forms: ["a", "b"].
std::vector<std::string> json_strings(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = text.find('"', i)) != std::string_view::npos) {
    std::string value;
    ++i;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      value += text[i++];
    }
    ++i;
    out.push_back(std::move(value));
  }
  return out;
}

void drop_prefix_words(std::vector<std::string>& words) {
  size_t skip = 0;
  while (skip < words.size()) {
    const std::string& word = words[skip];
    if (is_assignment(word) || word == "sudo" || word == "env" || word == "then" || word == "do" ||
        word == "else" || word == "{" || word == "}" || word == "!" || word == "exec" ||
        word == "time") {
      ++skip;
      continue;
    }
    break;
  }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(skip));
  while (!words.empty() && (words.back() == "}" || words.back() == "{")) words.pop_back();
}

}  // namespace

std::vector<const parse::DockerInstruction*> stage_instructions(const parse::Dockerfile& file,
                                                                size_t stage) {
  std::vector<const parse::DockerInstruction*> out;
  if (stage >= file.stages.size()) return out;
  for (size_t index : file.stages[stage].instructions)
    if (index < file.instructions.size()) out.push_back(&file.instructions[index]);
  return out;
}

std::optional<size_t> parent_stage(const parse::Dockerfile& file, size_t stage) {
  if (stage >= file.stages.size()) return std::nullopt;
  const std::string& image = file.stages[stage].image;
  if (image.empty()) return std::nullopt;
  // The latest earlier stage with that name wins, as BuildKit resolves it.
  for (size_t i = stage; i-- > 0;) {
    if (!file.stages[i].name.empty() && core::iequals(file.stages[i].name, image)) return i;
  }
  return std::nullopt;
}

std::vector<size_t> stage_chain(const parse::Dockerfile& file, size_t stage) {
  std::vector<size_t> chain;
  if (stage >= file.stages.size()) return chain;
  chain.push_back(stage);
  while (auto parent = parent_stage(file, chain.back())) chain.push_back(*parent);
  return chain;
}

const parse::DockerInstruction* inherited_instruction(const parse::Dockerfile& file, size_t stage,
                                                      std::string_view keyword) {
  for (size_t index : stage_chain(file, stage)) {
    const parse::DockerInstruction* last = nullptr;
    for (const auto* instruction : stage_instructions(file, index))
      if (instruction->keyword == keyword) last = instruction;
    if (last != nullptr) return last;
  }
  return nullptr;
}

std::vector<const parse::DockerInstruction*> chain_instructions(const parse::Dockerfile& file,
                                                                size_t stage,
                                                                std::string_view keyword) {
  std::vector<const parse::DockerInstruction*> out;
  for (size_t index : stage_chain(file, stage))
    for (const auto* instruction : stage_instructions(file, index))
      if (instruction->keyword == keyword) out.push_back(instruction);
  return out;
}

bool is_root_user(std::string_view user) {
  user = core::trim(user);
  std::string_view name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

bool from_earlier_stage(const parse::Dockerfile& file, size_t stage) {
  return parent_stage(file, stage).has_value();
}

bool from_scratch(const parse::DockerStage& stage) { return core::iequals(stage.image, "scratch"); }

bool from_unresolved_arg(const parse::Dockerfile& file, const parse::DockerStage& stage) {
  if (!parse_image_ref(stage.raw_image).templated) return false;
  // Each ${NAME} or $NAME in the FROM needs a non-empty default among the global ARGs.
  std::string_view raw = stage.raw_image;
  for (size_t i = raw.find('$'); i != std::string_view::npos; i = raw.find('$', i + 1)) {
    size_t start = i + 1;
    bool braced = start < raw.size() && raw[start] == '{';
    if (braced) ++start;
    size_t end = start;
    while (end < raw.size() &&
           (std::isalnum(static_cast<unsigned char>(raw[end])) || raw[end] == '_'))
      ++end;
    std::string name(raw.substr(start, end - start));
    // ${NAME:-default} has its own default.
    if (braced && end + 1 < raw.size() && raw[end] == ':' && raw[end + 1] == '-') continue;
    auto it = file.global_args.find(name);
    if (it == file.global_args.end() || it->second.empty()) return true;
  }
  return stage.image.empty();
}

RunScript run_script(const parse::DockerInstruction& run) {
  RunScript out;
  out.line = run.line;
  std::string_view rest = core::trim(run.arguments);
  while (rest.substr(0, 2) == "--") {
    size_t end = rest.find_first_of(" \t");
    out.flags.emplace_back(rest.substr(0, end));
    rest = end == std::string_view::npos ? "" : core::trim(rest.substr(end));
  }
  if (!rest.empty() && rest.front() == '[') {
    std::vector<std::string> words = json_strings(rest);
    if (words.size() >= 3 && is_shell(words[0]) && words[1] == "-c") {
      out.script = words[2];
    } else {
      out.script = core::join(words, " ");
    }
    return out;
  }
  if (!run.heredocs.empty()) {
    std::vector<std::string> words = split_words(rest);
    bool shell_heredoc = !words.empty() &&
                         (words[0].rfind("<<", 0) == 0 ||
                          (is_shell(words[0]) && words.size() > 1 && words[1].rfind("<<", 0) == 0));
    if (shell_heredoc) {
      out.script = core::join(run.heredocs, "\n");
      return out;
    }
  }
  out.script = std::string(rest);
  return out;
}

std::vector<std::vector<std::string>> shell_commands(std::string_view script) {
  std::vector<std::vector<std::string>> commands;
  std::string current;
  auto flush = [&] {
    std::vector<std::string> words = split_words(current);
    current.clear();
    drop_prefix_words(words);
    if (!words.empty()) commands.push_back(std::move(words));
  };
  char quote = '\0';
  int substitution = 0;  // depth of $( ... )
  bool word_start = true;
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (quote != '\0') {
      current += c;
      if (c == '\\' && quote == '"' && i + 1 < script.size()) {
        current += script[++i];
      } else if (c == quote) {
        quote = '\0';
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      current += c;
      word_start = false;
      continue;
    }
    if (c == '\\' && i + 1 < script.size()) {
      if (script[i + 1] == '\n') {
        ++i;
        current += ' ';
        continue;
      }
      current += c;
      current += script[++i];
      word_start = false;
      continue;
    }
    if (c == '$' && i + 1 < script.size() && script[i + 1] == '(') {
      ++substitution;
      current += "$(";
      ++i;
      word_start = false;
      continue;
    }
    if (substitution > 0) {
      if (c == '(') ++substitution;
      if (c == ')') --substitution;
      current += c;
      continue;
    }
    if (c == '#' && word_start) {
      while (i < script.size() && script[i] != '\n') ++i;
      flush();
      continue;
    }
    if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
      flush();
      word_start = true;
      continue;
    }
    word_start = is_blank(c);
    current += c;
  }
  flush();
  return commands;
}

std::vector<DockerKeyValue> key_values(const parse::DockerInstruction& instruction) {
  std::vector<DockerKeyValue> out;
  std::string_view arguments = core::trim(instruction.arguments);
  std::vector<std::string> words = split_words(arguments);
  if (words.empty()) return out;
  bool legacy = instruction.keyword == "ENV" && words[0].find('=') == std::string::npos;
  if (legacy) {
    // ENV NAME value with spaces: everything after the name is the value.
    size_t name_end = arguments.find_first_of(" \t");
    std::string value = name_end == std::string_view::npos
                            ? ""
                            : std::string(core::trim(arguments.substr(name_end)));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    out.push_back({words[0], value, name_end != std::string_view::npos});
    return out;
  }
  for (const auto& word : words) {
    size_t eq = word.find('=');
    if (eq == std::string::npos) {
      out.push_back({word, "", false});
    } else {
      out.push_back({word.substr(0, eq), word.substr(eq + 1), true});
    }
  }
  return out;
}

std::vector<std::string> command_words(std::string_view arguments) {
  arguments = core::trim(arguments);
  if (!arguments.empty() && arguments.front() == '[') return json_strings(arguments);
  return split_words(arguments);
}

}  // namespace golive::model
