#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/diagnostics.h"

namespace golive::parse {

struct Mark {
  int line = 0;  // 1-based
  int column = 0;
};

// An owned YAML (or JSON) node with its position. A mapping keeps its entries in order as
// children whose key and key_mark say where the key was written.
struct Node {
  enum class Kind { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  std::string value;  // scalar text
  bool quoted = false;
  std::string tag;
  Mark mark;
  std::string key;  // set on mapping children
  Mark key_mark;
  // Which file of a rendered object wrote this node: 0 for the object's own document; kustomize
  // patches number theirs (model::RenderedObject::sources).
  unsigned source = 0;
  std::vector<Node> children;

  [[nodiscard]] bool is_map() const { return kind == Kind::kMapping; }
  [[nodiscard]] bool is_seq() const { return kind == Kind::kSequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::kScalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::kNull; }
  // The child under key, or nullptr; only for mappings.
  [[nodiscard]] const Node* find(std::string_view child_key) const;
  // The scalar under key, or fallback.
  [[nodiscard]] std::string get(std::string_view child_key, std::string_view fallback = "") const;
  // A scalar read as YAML 1.1/1.2 booleans (true/yes/on).
  [[nodiscard]] bool truthy() const;
};

struct YamlOptions {
  // Nodes an alias may add by expansion, per file; past it the file is an error (billion laughs).
  size_t alias_expansion_budget = 100000;
  size_t max_depth = 256;
};

struct YamlFile {
  std::vector<Node> documents;
  ParseIssues issues;
  bool valid = true;  // false when a syntax error stopped the parse
};

YamlFile parse_yaml(std::string_view text, const YamlOptions& options = {});

}  // namespace golive::parse
