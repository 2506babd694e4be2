#include "parse/yaml.h"

#include <yaml.h>

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"

namespace golive::parse {
namespace {

Mark to_mark(const yaml_mark_t& mark) {
  return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

size_t count_nodes(const Node& node) {
  size_t total = 1;
  for (const auto& child : node.children) total += count_nodes(child);
  return total;
}

struct Frame {
  Node node;
  std::string anchor;
  bool has_key = false;
  std::string key;
  Mark key_mark;
  std::unordered_set<std::string> seen_keys;
  std::vector<Node> merges;  // values of "<<" keys, applied when the mapping ends
};

struct Anchor {
  Node node;
  size_t size = 0;
};

class Builder {
 public:
  Builder(const YamlOptions& options, YamlFile& out) : options_(options), out_(out) {}

  // Returns false when the parse must stop.
  bool handle(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        anchors_.clear();
        have_root_ = false;
        return true;
      case YAML_DOCUMENT_END_EVENT:
        out_.documents.push_back(have_root_ ? std::move(root_) : Node{});
        return true;
      case YAML_SCALAR_EVENT:
        return on_scalar(event);
      case YAML_ALIAS_EVENT:
        return on_alias(event);
      case YAML_SEQUENCE_START_EVENT:
        return open(Node::Kind::kSequence, event, event.data.sequence_start.anchor,
                    event.data.sequence_start.tag);
      case YAML_MAPPING_START_EVENT:
        return open(Node::Kind::kMapping, event, event.data.mapping_start.anchor,
                    event.data.mapping_start.tag);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        return close();
      default:
        return true;
    }
  }

 private:
  static std::string text(const yaml_char_t* chars) {
    return chars == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(chars));
  }

  void issue(std::string kind, std::string message, Mark mark) {
    out_.issues.push_back({std::move(kind), std::move(message), mark.line, mark.column});
  }

  bool on_scalar(const yaml_event_t& event) {
    Node node;
    node.mark = to_mark(event.start_mark);
    node.value.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                      event.data.scalar.length);
    node.tag = text(event.data.scalar.tag);
    node.quoted = event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    bool null_word = node.value.empty() || node.value == "~" || node.value == "null" ||
                     node.value == "Null" || node.value == "NULL";
    node.kind = (!node.quoted && null_word) ? Node::Kind::kNull : Node::Kind::kScalar;
    std::string anchor = text(event.data.scalar.anchor);
    if (!anchor.empty()) anchors_[anchor] = {node, 1};
    return attach(std::move(node));
  }

  bool on_alias(const yaml_event_t& event) {
    std::string name = text(event.data.alias.anchor);
    auto it = anchors_.find(name);
    Mark mark = to_mark(event.start_mark);
    if (it == anchors_.end()) {
      issue("invalid-yaml", "unknown alias '*" + name + "'", mark);
      out_.valid = false;
      return false;
    }
    if (it->second.size > budget_left_) {
      issue("invalid-yaml",
            "alias expansion exceeds the budget of " +
                std::to_string(options_.alias_expansion_budget) +
                " nodes (a 'billion laughs' document?)",
            mark);
      out_.valid = false;
      return false;
    }
    budget_left_ -= it->second.size;
    Node copy = it->second.node;
    copy.mark = mark;
    return attach(std::move(copy));
  }

  bool open(Node::Kind kind, const yaml_event_t& event, const yaml_char_t* anchor,
            const yaml_char_t* tag) {
    if (stack_.size() >= options_.max_depth) {
      issue("invalid-yaml", "nesting deeper than " + std::to_string(options_.max_depth) + " levels",
            to_mark(event.start_mark));
      out_.valid = false;
      return false;
    }
    auto frame = std::make_unique<Frame>();
    frame->node.kind = kind;
    frame->node.mark = to_mark(event.start_mark);
    frame->node.tag = text(tag);
    frame->anchor = text(anchor);
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    std::unique_ptr<Frame> frame = std::move(stack_.back());
    stack_.pop_back();
    for (auto& merge : frame->merges) apply_merge(*frame, merge);
    if (!frame->anchor.empty()) {
      anchors_[frame->anchor] = {frame->node, count_nodes(frame->node)};
    }
    return attach(std::move(frame->node));
  }

  static void apply_merge(Frame& frame, const Node& merge) {
    if (merge.is_seq()) {
      for (const auto& item : merge.children) apply_merge(frame, item);
      return;
    }
    if (!merge.is_map()) return;
    for (const auto& entry : merge.children) {
      if (frame.seen_keys.insert(entry.key).second) frame.node.children.push_back(entry);
    }
  }

  bool attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      have_root_ = true;
      return true;
    }
    Frame& top = *stack_.back();
    if (top.node.kind == Node::Kind::kSequence) {
      top.node.children.push_back(std::move(node));
      return true;
    }
    if (!top.has_key) {
      top.has_key = true;
      top.key = node.is_scalar() || node.is_null() ? node.value : "<complex key>";
      top.key_mark = node.mark;
      if (top.key == "<<" && !node.quoted) top.key = "\x01merge";
      return true;
    }
    top.has_key = false;
    if (top.key == "\x01merge") {
      top.merges.push_back(std::move(node));
      return true;
    }
    if (!top.seen_keys.insert(top.key).second) {
      issue("duplicate-key", "duplicate key '" + core::excerpt(top.key, 60) + "'", top.key_mark);
      return true;  // the first value stands, as most consumers keep it
    }
    node.key = std::move(top.key);
    node.key_mark = top.key_mark;
    top.node.children.push_back(std::move(node));
    return true;
  }

  const YamlOptions& options_;
  YamlFile& out_;
  std::vector<std::unique_ptr<Frame>> stack_;
  std::unordered_map<std::string, Anchor> anchors_;
  size_t budget_left_ = options_.alias_expansion_budget;
  Node root_;
  bool have_root_ = false;
};

}  // namespace

const Node* Node::find(std::string_view child_key) const {
  if (kind != Kind::kMapping) return nullptr;
  for (const auto& child : children) {
    if (child.key == child_key) return &child;
  }
  return nullptr;
}

std::string Node::get(std::string_view child_key, std::string_view fallback) const {
  const Node* child = find(child_key);
  if (child == nullptr || !child->is_scalar()) return std::string(fallback);
  return child->value;
}

bool Node::truthy() const {
  if (kind != Kind::kScalar) return false;
  std::string lower = core::to_lower(value);
  return lower == "true" || lower == "yes" || lower == "on" || lower == "y";
}

YamlFile parse_yaml(std::string_view text, const YamlOptions& options) {
  YamlFile out;
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    out.valid = false;
    out.issues.push_back({"invalid-yaml", "the YAML parser could not start (out of memory)", 0, 0});
    return out;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Builder builder(options, out);
  while (true) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      std::string message = parser.problem != nullptr ? parser.problem : "syntax error";
      if (parser.context != nullptr) message = std::string(parser.context) + ": " + message;
      Mark mark = to_mark(parser.problem_mark);
      if (parser.problem == nullptr) mark = to_mark(parser.mark);
      out.issues.push_back({"invalid-yaml", message, mark.line, mark.column});
      out.valid = false;
      break;
    }
    bool done = event.type == YAML_STREAM_END_EVENT;
    bool keep_going = builder.handle(event);
    yaml_event_delete(&event);
    if (done || !keep_going) break;
  }
  yaml_parser_delete(&parser);
  return out;
}

}  // namespace golive::parse
