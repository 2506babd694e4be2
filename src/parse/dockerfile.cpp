#include "parse/dockerfile.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/strings.h"

namespace golive::parse {
namespace {

constexpr std::array kKeywords = {"ADD",        "ARG",     "CMD",    "COPY",        "ENTRYPOINT",
                                  "ENV",        "EXPOSE",  "FROM",   "HEALTHCHECK", "LABEL",
                                  "MAINTAINER", "ONBUILD", "RUN",    "SHELL",       "STOPSIGNAL",
                                  "USER",       "VOLUME",  "WORKDIR"};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Heredoc delimiters named on an instruction line: "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"".
std::vector<std::pair<std::string, bool>> heredoc_delimiters(std::string_view args) {
  std::vector<std::pair<std::string, bool>> found;
  size_t pos = 0;
  while ((pos = args.find("<<", pos)) != std::string_view::npos) {
    // As in BuildKit, "<<" opens a heredoc only at the start of a word (after an optional file
    // descriptor), so "$((1<<2))" or "cat<<EOF" is not one.
    size_t word = pos;
    while (word > 0 && std::isdigit(static_cast<unsigned char>(args[word - 1]))) --word;
    bool starts_word = word == 0 || args[word - 1] == ' ' || args[word - 1] == '\t';
    pos += 2;
    if (!starts_word) continue;
    bool strip_tabs = pos < args.size() && args[pos] == '-';
    if (strip_tabs) ++pos;
    char quote = pos < args.size() && (args[pos] == '\'' || args[pos] == '"') ? args[pos] : '\0';
    if (quote != '\0') ++pos;
    size_t start = pos;
    while (pos < args.size() && is_name_char(args[pos])) ++pos;
    if (pos > start) found.emplace_back(std::string(args.substr(start, pos - start)), strip_tabs);
    if (quote != '\0' && pos < args.size() && args[pos] == quote) ++pos;
  }
  return found;
}

void parse_from(const DockerInstruction& instruction, Dockerfile& file, size_t index) {
  DockerStage stage;
  stage.line = instruction.line;
  std::vector<std::string> words;
  for (auto& word : core::split(instruction.arguments, ' ')) {
    if (!word.empty()) words.push_back(word);
  }
  size_t i = 0;
  while (i < words.size() && words[i].rfind("--", 0) == 0) {
    if (words[i].rfind("--platform=", 0) == 0) stage.platform = words[i].substr(11);
    ++i;
  }
  if (i >= words.size()) {
    file.issues.push_back({"invalid-dockerfile", "FROM names no image", instruction.line, 1});
  } else {
    stage.raw_image = words[i];
    stage.image = substitute_args(words[i], file.global_args);
    if (i + 2 < words.size() && core::iequals(words[i + 1], "as")) stage.name = words[i + 2];
  }
  stage.instructions.push_back(index);
  file.stages.push_back(std::move(stage));
}

void record_global_arg(std::string_view arguments, Dockerfile& file) {
  for (const auto& word : core::split(core::trim(arguments), ' ')) {
    if (word.empty()) continue;
    size_t eq = word.find('=');
    std::string name = word.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : word.substr(eq + 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    file.global_args[name] = value;
  }
}

}  // namespace

std::string substitute_args(std::string_view text, const std::map<std::string, std::string>& args) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '$' || i + 1 >= text.size()) {
      out += text[i++];
      continue;
    }
    std::string name;
    std::string modifier;
    std::string word;
    if (text[i + 1] == '{') {
      size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += text.substr(i);
        break;
      }
      std::string_view inner = text.substr(i + 2, close - i - 2);
      size_t op = inner.find(':');
      name = std::string(inner.substr(0, op));
      if (op != std::string_view::npos && op + 1 < inner.size()) {
        modifier = std::string(1, inner[op + 1]);
        word = std::string(inner.substr(op + 2));
      }
      i = close + 1;
    } else {
      size_t start = i + 1;
      size_t end = start;
      while (end < text.size() && is_name_char(text[end])) ++end;
      if (end == start) {
        out += text[i++];
        continue;
      }
      name = std::string(text.substr(start, end - start));
      i = end;
    }
    auto it = args.find(name);
    bool set = it != args.end() && !it->second.empty();
    if (modifier == "-") {
      out += set ? it->second : word;
    } else if (modifier == "+") {
      out += set ? word : "";
    } else if (set) {
      out += it->second;
    }
  }
  return out;
}

Dockerfile parse_dockerfile(std::string_view text) {
  Dockerfile file;
  std::vector<std::string_view> lines = core::split_lines(text);
  char escape = '\\';
  size_t i = 0;

  // Parser directives are comments of the form "# name=value" at the very top.
  for (; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    if (line.empty() || line.front() != '#') break;
    std::string_view body = core::trim(line.substr(1));
    size_t eq = body.find('=');
    if (eq == std::string_view::npos || body.substr(0, eq).find(' ') != std::string_view::npos)
      break;
    std::string name = core::to_lower(core::trim(body.substr(0, eq)));
    std::string value(core::trim(body.substr(eq + 1)));
    if (name != "syntax" && name != "escape" && name != "check") break;
    if (name == "escape" && (value == "`" || value == "\\")) escape = value.front();
    file.directives[name] = value;
  }

  while (i < lines.size()) {
    std::string_view first = core::trim(lines[i]);
    if (first.empty() || first.front() == '#') {
      ++i;
      continue;
    }
    DockerInstruction instruction;
    instruction.line = static_cast<int>(i) + 1;
    std::string joined;
    while (i < lines.size()) {
      std::string_view line = core::trim(lines[i]);
      ++i;
      if (!joined.empty() && !line.empty() && line.front() == '#')
        continue;  // comment in a continuation
      if (!line.empty() && line.back() == escape) {
        joined += line.substr(0, line.size() - 1);
        joined += ' ';
        continue;
      }
      joined += line;
      break;
    }
    instruction.end_line = static_cast<int>(i);
    std::string_view body = core::trim(joined);
    size_t space = body.find_first_of(" \t");
    instruction.keyword = upper(body.substr(0, space));
    instruction.arguments =
        space == std::string_view::npos ? "" : std::string(core::trim(body.substr(space)));

    for (const auto& [delimiter, strip_tabs] : heredoc_delimiters(instruction.arguments)) {
      std::string heredoc;
      while (i < lines.size()) {
        std::string_view line = lines[i++];
        std::string_view compare = strip_tabs ? core::trim(line) : line;
        if (compare == delimiter) break;
        // "<<-" strips leading tabs from the body as well as from the delimiter line.
        while (strip_tabs && !line.empty() && line.front() == '\t') line.remove_prefix(1);
        heredoc += line;
        heredoc += '\n';
      }
      instruction.heredocs.push_back(std::move(heredoc));
      instruction.end_line = static_cast<int>(i);
    }

    if (std::find(kKeywords.begin(), kKeywords.end(), instruction.keyword) == kKeywords.end()) {
      file.issues.push_back({"invalid-dockerfile",
                             "unknown instruction '" + core::excerpt(instruction.keyword, 40) + "'",
                             instruction.line, 1});
    }
    size_t index = file.instructions.size();
    if (instruction.keyword == "FROM") {
      file.instructions.push_back(instruction);
      parse_from(file.instructions.back(), file, index);
      continue;
    }
    if (file.stages.empty()) {
      if (instruction.keyword == "ARG") {
        record_global_arg(instruction.arguments, file);
      } else {
        file.issues.push_back({"invalid-dockerfile", instruction.keyword + " before the first FROM",
                               instruction.line, 1});
      }
    } else {
      file.stages.back().instructions.push_back(index);
    }
    file.instructions.push_back(std::move(instruction));
  }
  if (file.stages.empty() && !file.instructions.empty()) {
    file.issues.push_back({"invalid-dockerfile", "no FROM instruction", 1, 1});
  }
  return file;
}

}  // namespace golive::parse
