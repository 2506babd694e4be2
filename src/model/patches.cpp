#include "model/patches.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/strings.h"

namespace golive::model {
namespace {

// The key Kubernetes merges each list by (its patchMergeKey); lists not named are replaced.
const std::map<std::string, std::string, std::less<>>& merge_keys() {
  static const std::map<std::string, std::string, std::less<>> kMergeKeys = {
      {"containers", "name"},
      {"initContainers", "name"},
      {"ephemeralContainers", "name"},
      {"env", "name"},
      {"volumes", "name"},
      {"volumeMounts", "mountPath"},
      {"volumeDevices", "devicePath"},
      {"ports", "containerPort"},
      {"imagePullSecrets", "name"},
      {"hostAliases", "ip"},
      {"tolerations", "key"},
      {"topologySpreadConstraints", "topologyKey"},
      {"resourceClaims", "name"},
  };
  return kMergeKeys;
}

std::string directive(const parse::Node& node) { return node.is_map() ? node.get("$patch") : ""; }

bool is_directive_key(std::string_view key) { return !key.empty() && key[0] == '$'; }

// A copy of a patch node without its $-directives.
parse::Node clean_copy(const parse::Node& node, unsigned source) {
  parse::Node copy = node;
  if (copy.is_map()) {
    copy.children.erase(
        std::remove_if(copy.children.begin(), copy.children.end(),
                       [](const parse::Node& child) { return is_directive_key(child.key); }),
        copy.children.end());
  }
  mark_source(copy, source);
  return copy;
}

void merge_list(parse::Node& target, const parse::Node& patch, std::string_view merge_key,
                unsigned source) {
  for (const auto& item : patch.children) {
    std::string key_value = item.is_map() ? item.get(merge_key) : "";
    auto match = target.children.end();
    if (!key_value.empty()) {
      match = std::find_if(target.children.begin(), target.children.end(),
                           [&](const parse::Node& existing) {
                             return existing.is_map() && existing.get(merge_key) == key_value;
                           });
    }
    if (directive(item) == "delete") {
      if (match != target.children.end()) target.children.erase(match);
      continue;
    }
    if (match != target.children.end()) {
      strategic_merge(*match, item, source);
    } else {
      target.children.push_back(clean_copy(item, source));
    }
  }
}

}  // namespace

void mark_source(parse::Node& node, unsigned source) {
  node.source = source;
  for (auto& child : node.children) mark_source(child, source);
}

bool is_null_value(const parse::Node& node) {
  if (node.is_null()) return true;
  if (!node.is_scalar() || node.quoted) return false;
  return node.value == "null" || node.value == "~" || node.value == "Null" || node.value == "NULL";
}

void strategic_merge(parse::Node& target, const parse::Node& patch, unsigned source) {
  if (!patch.is_map() || !target.is_map() || directive(patch) == "replace") {
    std::string key = target.key;
    parse::Mark key_mark = patch.key.empty() ? target.key_mark : patch.key_mark;
    target = clean_copy(patch, source);
    target.key = std::move(key);
    target.key_mark = key_mark;
    return;
  }
  for (const auto& entry : patch.children) {
    if (is_directive_key(entry.key)) continue;
    auto existing = std::find_if(target.children.begin(), target.children.end(),
                                 [&](const parse::Node& child) { return child.key == entry.key; });
    if (is_null_value(entry) || directive(entry) == "delete") {
      if (existing != target.children.end()) target.children.erase(existing);
      continue;
    }
    if (existing == target.children.end()) {
      target.children.push_back(clean_copy(entry, source));
      continue;
    }
    auto merge_key = merge_keys().find(entry.key);
    if (entry.is_seq() && existing->is_seq() && merge_key != merge_keys().end() &&
        directive(entry) != "replace") {
      merge_list(*existing, entry, merge_key->second, source);
    } else {
      strategic_merge(*existing, entry, source);
    }
  }
}

namespace {

std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty() || pointer == "/") return tokens;
  for (auto& raw : core::split(pointer.substr(1), '/')) {
    std::string token;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool parse_index(const std::string& token, size_t& index) {
  if (token.empty() || !std::all_of(token.begin(), token.end(), ::isdigit)) return false;
  index = std::stoul(token);
  return true;
}

// The node a pointer names, or nullptr.
parse::Node* resolve(parse::Node& root, const std::vector<std::string>& tokens, size_t count) {
  parse::Node* node = &root;
  for (size_t i = 0; i < count && node != nullptr; ++i) {
    const std::string& token = tokens[i];
    if (node->is_map()) {
      auto it = std::find_if(node->children.begin(), node->children.end(),
                             [&](const parse::Node& child) { return child.key == token; });
      node = it == node->children.end() ? nullptr : &*it;
    } else if (node->is_seq()) {
      size_t index = 0;
      node = parse_index(token, index) && index < node->children.size() ? &node->children[index]
                                                                        : nullptr;
    } else {
      node = nullptr;
    }
  }
  return node;
}

std::string add_at(parse::Node& root, const std::vector<std::string>& tokens, parse::Node value) {
  if (tokens.empty()) {
    root = std::move(value);
    return "";
  }
  parse::Node* parent = resolve(root, tokens, tokens.size() - 1);
  if (parent == nullptr) return "its parent does not exist";
  const std::string& last = tokens.back();
  if (parent->is_map()) {
    value.key = last;
    value.key_mark = value.mark;
    auto it = std::find_if(parent->children.begin(), parent->children.end(),
                           [&](const parse::Node& child) { return child.key == last; });
    if (it != parent->children.end()) {
      *it = std::move(value);
    } else {
      parent->children.push_back(std::move(value));
    }
    return "";
  }
  if (parent->is_seq()) {
    size_t index = 0;
    if (last == "-") {
      parent->children.push_back(std::move(value));
    } else if (parse_index(last, index) && index <= parent->children.size()) {
      parent->children.insert(parent->children.begin() + static_cast<long>(index),
                              std::move(value));
    } else {
      return "index " + last + " is out of range";
    }
    return "";
  }
  return "its parent is a scalar";
}

std::optional<parse::Node> remove_at(parse::Node& root, const std::vector<std::string>& tokens) {
  if (tokens.empty()) return std::nullopt;
  parse::Node* parent = resolve(root, tokens, tokens.size() - 1);
  if (parent == nullptr) return std::nullopt;
  const std::string& last = tokens.back();
  if (parent->is_map()) {
    auto it = std::find_if(parent->children.begin(), parent->children.end(),
                           [&](const parse::Node& child) { return child.key == last; });
    if (it == parent->children.end()) return std::nullopt;
    parse::Node removed = std::move(*it);
    parent->children.erase(it);
    return removed;
  }
  size_t index = 0;
  if (parent->is_seq() && parse_index(last, index) && index < parent->children.size()) {
    parse::Node removed = std::move(parent->children[index]);
    parent->children.erase(parent->children.begin() + static_cast<long>(index));
    return removed;
  }
  return std::nullopt;
}

std::string apply_operation(parse::Node& target, const parse::Node& operation, unsigned source) {
  std::string op = operation.get("op");
  std::string path = operation.get("path");
  auto tokens = pointer_tokens(path);
  const parse::Node* value = operation.find("value");
  if (op == "add" || op == "replace") {
    if (value == nullptr) return op + " " + path + " has no value";
    if (op == "replace" && resolve(target, tokens, tokens.size()) == nullptr)
      return "replace " + path + ": the path does not exist";
    parse::Node copy = *value;
    mark_source(copy, source);
    std::string error = add_at(target, tokens, std::move(copy));
    return error.empty() ? "" : op + " " + path + ": " + error;
  }
  if (op == "remove") {
    return remove_at(target, tokens) ? "" : "remove " + path + ": the path does not exist";
  }
  if (op == "move" || op == "copy") {
    auto from = pointer_tokens(operation.get("from"));
    parse::Node* source_node = resolve(target, from, from.size());
    if (source_node == nullptr) return op + " from " + operation.get("from") + ": no such path";
    parse::Node moved = op == "move" ? *remove_at(target, from) : *source_node;
    std::string error = add_at(target, tokens, std::move(moved));
    return error.empty() ? "" : op + " " + path + ": " + error;
  }
  if (op == "test") return "";  // a failed test aborts kustomize; golive reads on
  return "unknown operation '" + op + "'";
}

}  // namespace

std::string apply_json6902(parse::Node& target, const parse::Node& operations, unsigned source) {
  if (!operations.is_seq()) return "a JSON 6902 patch is a list of operations";
  for (const auto& operation : operations.children) {
    if (!operation.is_map()) return "an operation is not a mapping";
    std::string error = apply_operation(target, operation, source);
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace golive::model
