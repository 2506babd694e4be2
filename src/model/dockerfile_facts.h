#pragma once
// Queries over a parsed Dockerfile that several container rules share: stages and what they
// inherit from earlier stages, the effective USER, RUN scripts split into simple commands.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dockerfile.h"

namespace golive::model {

// The instructions of a stage, its FROM first.
std::vector<const parse::DockerInstruction*> stage_instructions(const parse::Dockerfile& file,
                                                                size_t stage);

// The earlier stage whose AS name this stage's FROM names (FROM build AS test), if any.
std::optional<size_t> parent_stage(const parse::Dockerfile& file, size_t stage);

// The stage and the earlier stages it builds on, the stage itself first and the one that
// starts from an external image (or scratch) last.
std::vector<size_t> stage_chain(const parse::Dockerfile& file, size_t stage);

// The last instruction with keyword in the stage or, when it has none, in the stages it builds
// on (USER, HEALTHCHECK, CMD are inherited that way); nullptr when none has one.
const parse::DockerInstruction* inherited_instruction(const parse::Dockerfile& file, size_t stage,
                                                      std::string_view keyword);

// Every instruction with keyword in the stage and the stages it builds on.
std::vector<const parse::DockerInstruction*> chain_instructions(const parse::Dockerfile& file,
                                                                size_t stage,
                                                                std::string_view keyword);

// "root", "0", "root:root", "0:0", "0:1000": the user part names uid 0.
bool is_root_user(std::string_view user);

// The image of a FROM is an earlier stage, scratch, or an ARG with no default (so unknown).
bool from_earlier_stage(const parse::Dockerfile& file, size_t stage);
bool from_scratch(const parse::DockerStage& stage);
bool from_unresolved_arg(const parse::Dockerfile& file, const parse::DockerStage& stage);

// A RUN instruction split into its flags (--mount=..., --network=...) and its shell script: the
// shell form as written, the command of an exec form, or the bodies of its heredocs.
struct RunScript {
  std::vector<std::string> flags;
  std::string script;
  int line = 0;
};
RunScript run_script(const parse::DockerInstruction& run);

// The simple commands of a shell script: split at &&, ||, ;, |, & and newlines, each a list of
// words with quotes removed. Leading VAR=value assignments, sudo, and subshell parentheses or
// braces are dropped; comments are skipped.
std::vector<std::vector<std::string>> shell_commands(std::string_view script);

// The words of an ENV, ARG or LABEL instruction as name/value pairs: "A=1 B='two words'", the
// legacy "ENV NAME value with spaces", or "ARG NAME" with no value.
struct DockerKeyValue {
  std::string name;
  std::string value;
  bool has_value = false;
};
std::vector<DockerKeyValue> key_values(const parse::DockerInstruction& instruction);

// The words of a CMD or ENTRYPOINT: the exec form's strings or the shell form split on blanks.
std::vector<std::string> command_words(std::string_view arguments);

}  // namespace golive::model
