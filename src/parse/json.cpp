#include "parse/json.h"

#include <nlohmann/json.hpp>

#include "core/strings.h"

namespace golive::parse {
namespace {

// Checks syntax and depth without building anything and without exceptions.
class Validator : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit Validator(size_t max_depth) : max_depth_(max_depth) {}

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*raw*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override { return enter(); }
  bool key(string_t& /*value*/) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t /*size*/) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    error_position = position;
    error_message = error.what();
    // nlohmann prefixes its messages with "[json.exception.parse_error.101] parse error at ...".
    size_t colon = error_message.find(": ");
    if (colon != std::string::npos) error_message = error_message.substr(colon + 2);
    return false;
  }

  size_t error_position = 0;
  std::string error_message;
  bool too_deep = false;

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep = true;
      return false;
    }
    return true;
  }
  bool leave() {
    --depth_;
    return true;
  }
  size_t depth_ = 0;
  size_t max_depth_;
};

Node from_dom(const nlohmann::json& value) {
  Node node;
  node.mark = {1, 1};
  if (value.is_object()) {
    node.kind = Node::Kind::kMapping;
    for (const auto& [key, child] : value.items()) {
      Node entry = from_dom(child);
      entry.key = key;
      entry.key_mark = {1, 1};
      node.children.push_back(std::move(entry));
    }
  } else if (value.is_array()) {
    node.kind = Node::Kind::kSequence;
    for (const auto& child : value) node.children.push_back(from_dom(child));
  } else if (value.is_null()) {
    node.kind = Node::Kind::kNull;
  } else {
    node.kind = Node::Kind::kScalar;
    node.value = value.is_string() ? value.get<std::string>() : value.dump();
    node.quoted = value.is_string();
  }
  return node;
}

int hex_value(std::string_view text, size_t at) {
  if (at + 4 > text.size()) return -1;
  int value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    char c = text[i];
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// RFC 8259 allows a \u escape of a lone surrogate ("\uD83D"); nlohmann rejects it because it
// cannot be UTF-8. Each lone surrogate becomes \uFFFD, the same length, so positions hold.
std::string with_lone_surrogates_replaced(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '\\') continue;
    if (out[i + 1] != 'u') {
      ++i;  // an escaped character, possibly a backslash
      continue;
    }
    int value = hex_value(out, i + 2);
    if (value < 0xD800 || value > 0xDFFF) continue;
    bool high = value <= 0xDBFF;
    if (high && i + 7 < out.size() && out[i + 6] == '\\' && out[i + 7] == 'u') {
      int low = hex_value(out, i + 8);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 11;
        continue;
      }
    }
    out.replace(i + 2, 4, "FFFD");
    i += 5;
  }
  return out;
}

bool has_surrogate_escape(std::string_view text) {
  for (size_t at = text.find("\\u"); at != std::string_view::npos; at = text.find("\\u", at + 2)) {
    int value = hex_value(text, at + 2);
    if (value >= 0xD800 && value <= 0xDFFF) return true;
  }
  return false;
}

}  // namespace

YamlFile parse_json(std::string_view original, size_t max_depth) {
  std::string replaced;
  std::string_view text = original;
  if (has_surrogate_escape(original)) {
    replaced = with_lone_surrogates_replaced(original);
    text = replaced;
  }
  Validator validator(max_depth);
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &validator,
                                      nlohmann::json::input_format_t::json, true, true);
  if (!ok) {
    YamlFile out;
    out.valid = false;
    if (validator.too_deep) {
      out.issues.push_back(
          {"invalid-json", "nesting deeper than " + std::to_string(max_depth) + " levels", 0, 0});
      return out;
    }
    size_t offset = validator.error_position > 0 ? validator.error_position - 1 : 0;
    int line = core::line_of_offset(text, offset);
    size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    int column =
        static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    out.issues.push_back({"invalid-json", validator.error_message, line, column});
    return out;
  }
  YamlOptions options;
  options.max_depth = max_depth;
  YamlFile positioned = parse_yaml(text, options);
  if (positioned.valid && positioned.documents.size() == 1) return positioned;
  // Valid JSON that libyaml reads differently: keep the values, without positions.
  YamlFile out;
  out.documents.push_back(
      from_dom(nlohmann::json::parse(text.begin(), text.end(), nullptr, false, true)));
  out.issues = std::move(positioned.issues);
  std::erase_if(out.issues, [](const ParseIssue& issue) { return issue.kind != "duplicate-key"; });
  return out;
}

}  // namespace golive::parse
