#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parse/diagnostics.h"

namespace golive::parse {

struct DockerInstruction {
  std::string keyword;    // upper case: FROM, RUN, ...
  std::string arguments;  // continuations joined with a space
  int line = 0;           // where the instruction starts
  int end_line = 0;
  std::vector<std::string> heredocs;  // bodies of <<EOF documents that follow the line
};

struct DockerStage {
  std::string image;      // after substitution of global ARGs, e.g. "node:20-alpine"
  std::string raw_image;  // as written, e.g. "node:${NODE_VERSION}"
  std::string name;       // the AS alias, if any
  std::string platform;
  int line = 0;
  std::vector<size_t> instructions;  // indexes into Dockerfile::instructions, FROM included
};

struct Dockerfile {
  std::map<std::string, std::string> directives;   // syntax, escape, check
  std::map<std::string, std::string> global_args;  // ARGs before the first FROM, with defaults
  std::vector<DockerInstruction> instructions;
  std::vector<DockerStage> stages;
  ParseIssues issues;
};

Dockerfile parse_dockerfile(std::string_view text);

// Expands $NAME, ${NAME}, ${NAME:-default} and ${NAME:+alt} from args; unknown names become "".
std::string substitute_args(std::string_view text, const std::map<std::string, std::string>& args);

}  // namespace golive::parse
