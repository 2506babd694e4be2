#include "parse/hcl.h"

#include <algorithm>
#include <array>

namespace golive::parse {
namespace {

constexpr std::string_view kIssueKind = "invalid-hcl";
constexpr size_t kMaxIssues = 25;  // a file of garbage says so without flooding the report
constexpr int kMaxNesting = 64;    // blocks, brackets and templates nested deeper are skipped

enum class Tok { kIdent, kNumber, kString, kHeredoc, kPunct, kNewline, kEof };

struct Token {
  Tok type = Tok::kEof;
  size_t begin = 0;
  size_t end = 0;
  int line = 0;
  int column = 0;
  std::string value;       // strings and heredocs: the unescaped text
  bool template_ = false;  // strings and heredocs: holds ${...} or %{...}
  std::string_view text;   // the source bytes
};

bool is_ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Issues {
 public:
  explicit Issues(ParseIssues& out) : out_(out) {}
  void add(int line, int column, std::string message) {
    if (out_.size() >= kMaxIssues) return;
    out_.push_back({std::string(kIssueKind), std::move(message), line, column});
  }

 private:
  ParseIssues& out_;
};

// Splits the text into tokens; a quoted string or heredoc, templates included, is one token.
class Lexer {
 public:
  Lexer(std::string_view text, Issues& issues) : text_(text), issues_(issues) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skip_blank_and_comments();
      Token token;
      token.begin = pos_;
      token.line = line_;
      token.column = column();
      if (pos_ >= text_.size()) {
        token.type = Tok::kEof;
        token.end = pos_;
        tokens.push_back(token);
        break;
      }
      char c = text_[pos_];
      if (c == '\n') {
        bump();
        token.type = Tok::kNewline;
      } else if (is_ident_start(c)) {
        while (pos_ < text_.size() && is_ident_char(text_[pos_])) bump();
        token.type = Tok::kIdent;
      } else if (is_digit(c)) {
        lex_number();
        token.type = Tok::kNumber;
      } else if (c == '"') {
        token.type = Tok::kString;
        lex_quoted(token.value, token.template_, 0);
      } else if (c == '<' && peek(1) == '<' && (peek(2) == '-' || is_ident_start(peek(2)))) {
        token.type = Tok::kHeredoc;
        lex_heredoc(token);
      } else if (!lex_punct()) {
        issues_.add(line_, column(), describe_char(c));
        bump();
        continue;
      } else {
        token.type = Tok::kPunct;
      }
      token.end = pos_;
      token.text = text_.substr(token.begin, token.end - token.begin);
      if (token.type == Tok::kNewline && !tokens.empty() && tokens.back().type == Tok::kNewline)
        continue;
      tokens.push_back(std::move(token));
    }
    return tokens;
  }

 private:
  [[nodiscard]] char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  [[nodiscard]] int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  void bump() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  static std::string describe_char(char c) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      static constexpr std::array<char, 17> kHex = {"0123456789abcdef"};
      return std::string("unexpected control character 0x") + kHex[u >> 4] + kHex[u & 15];
    }
    return std::string("unexpected character '") + c + "'";
  }

  void skip_blank_and_comments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        bump();
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos_ < text_.size() && text_[pos_] != '\n') bump();
      } else if (c == '/' && peek(1) == '*') {
        int line = line_;
        int col = column();
        bump();
        bump();
        while (pos_ < text_.size() && !(text_[pos_] == '*' && peek(1) == '/')) bump();
        if (pos_ >= text_.size()) {
          issues_.add(line, col, "comment '/*' is never closed");
        } else {
          bump();
          bump();
        }
      } else {
        return;
      }
    }
  }

  void lex_number() {
    while (is_digit(peek())) bump();
    if (peek() == '.' && is_digit(peek(1))) {
      bump();
      while (is_digit(peek())) bump();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      bump();
      bump();
      while (is_digit(peek())) bump();
    }
  }

  bool lex_punct() {
    static constexpr std::array<std::string_view, 9> kOperators = {
        "...", "==", "!=", "<=", ">=", "&&", "||", "=>", "::"};
    for (std::string_view op : kOperators) {
      if (text_.substr(pos_, op.size()) == op) {
        for (size_t i = 0; i < op.size(); ++i) bump();
        return true;
      }
    }
    static constexpr std::string_view kSingle = "{}[]()=,.?:!+-*/%<>~";
    if (kSingle.find(text_[pos_]) == std::string_view::npos) return false;
    bump();
    return true;
  }

  void append_hex_escape(std::string& value, int digits) {
    unsigned long code = 0;
    for (int i = 0; i < digits; ++i) {
      char h = peek();
      int v = is_digit(h)              ? h - '0'
              : (h >= 'a' && h <= 'f') ? h - 'a' + 10
              : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                       : -1;
      if (v < 0) {
        issues_.add(line_, column(), "invalid unicode escape in string");
        return;
      }
      code = code * 16 + static_cast<unsigned long>(v);
      bump();
    }
    if (code > 0x10FFFF) code = 0xFFFD;
    // UTF-8 encoding of the code point.
    if (code < 0x80) {
      value += static_cast<char>(code);
    } else if (code < 0x800) {
      value += static_cast<char>(0xC0 | (code >> 6));
      value += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      value += static_cast<char>(0xE0 | (code >> 12));
      value += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      value += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      value += static_cast<char>(0xF0 | (code >> 18));
      value += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      value += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      value += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  // At '"': reads to the closing quote. Interpolations may hold nested strings and braces.
  void lex_quoted(std::string& value, bool& has_template, int depth) {
    int line = line_;
    int col = column();
    bump();
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        bump();
        return;
      }
      if (c == '\n') {
        issues_.add(line, col, "string is not closed before the end of the line");
        return;
      }
      if (c == '\\') {
        int escape_column = column();
        bump();
        char e = peek();
        bump();
        switch (e) {
          case 'n':
            value += '\n';
            break;
          case 't':
            value += '\t';
            break;
          case 'r':
            value += '\r';
            break;
          case '"':
          case '\\':
            value += e;
            break;
          case 'u':
            append_hex_escape(value, 4);
            break;
          case 'U':
            append_hex_escape(value, 8);
            break;
          default:
            issues_.add(line_, escape_column,
                        std::string("invalid escape sequence '\\") +
                            (e == '\0' ? std::string() : std::string(1, e)) + "' in string");
            break;
        }
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        value += c;
        value += '{';
        bump();
        bump();
        bump();
        continue;
      }
      if ((c == '$' || c == '%') && peek(1) == '{') {
        has_template = true;
        size_t start = pos_;
        skip_interpolation(depth + 1);
        value.append(text_.substr(start, pos_ - start));
        continue;
      }
      value += c;
      bump();
    }
    issues_.add(line, col, "string is not closed before the end of the file");
  }

  // At "${" or "%{": skips to the matching '}', through nested braces and strings.
  void skip_interpolation(int depth) {
    int line = line_;
    int col = column();
    bump();
    bump();
    int braces = 1;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '{') {
        ++braces;
      } else if (c == '}') {
        if (--braces == 0) {
          bump();
          return;
        }
      } else if (c == '"' && depth < kMaxNesting) {
        std::string ignored;
        bool nested = false;
        lex_quoted(ignored, nested, depth);
        continue;
      }
      bump();
    }
    issues_.add(line, col, "interpolation is never closed: expected '}'");
  }

  // At "<<": reads the marker line, then lines up to the one that holds only the marker.
  void lex_heredoc(Token& token) {
    bump();
    bump();
    bool indented = peek() == '-';
    if (indented) bump();
    size_t marker_start = pos_;
    while (pos_ < text_.size() && is_ident_char(text_[pos_])) bump();
    std::string marker(text_.substr(marker_start, pos_ - marker_start));
    while (peek() == ' ' || peek() == '\t' || peek() == '\r') bump();
    if (marker.empty() || (pos_ < text_.size() && text_[pos_] != '\n')) {
      issues_.add(token.line, token.column, "a heredoc marker must end its line");
      while (pos_ < text_.size() && text_[pos_] != '\n') bump();
    }
    bump();  // the newline after the marker
    std::vector<std::string_view> lines;
    bool closed = false;
    while (pos_ < text_.size()) {
      size_t start = pos_;
      size_t newline = text_.find('\n', pos_);
      size_t stop = newline == std::string_view::npos ? text_.size() : newline;
      std::string_view line = text_.substr(start, stop - start);
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
        trimmed.remove_prefix(1);
      while (!trimmed.empty() &&
             (trimmed.back() == ' ' || trimmed.back() == '\t' || trimmed.back() == '\r'))
        trimmed.remove_suffix(1);
      if (trimmed == marker) {
        while (pos_ < stop) bump();  // leave the newline: it ends the attribute
        closed = true;
        break;
      }
      lines.push_back(line);
      while (pos_ < stop) bump();
      bump();
    }
    if (!closed) {
      issues_.add(token.line, token.column, "heredoc <<" + marker + " is never closed");
    }
    size_t strip = 0;
    if (indented) {
      strip = std::string_view::npos;
      for (std::string_view line : lines) {
        size_t lead = line.find_first_not_of(" \t");
        if (lead == std::string_view::npos) continue;
        strip = std::min(strip, lead);
      }
      if (strip == std::string_view::npos) strip = 0;
    }
    for (std::string_view line : lines) {
      std::string_view kept = line.size() >= strip ? line.substr(strip) : std::string_view();
      if (!kept.empty() && kept.back() == '\r') kept.remove_suffix(1);
      for (size_t i = 0; i < kept.size(); ++i) {
        char c = kept[i];
        if ((c == '$' || c == '%') && i + 2 < kept.size() && kept[i + 1] == c &&
            kept[i + 2] == '{') {
          token.value += c;
          token.value += '{';
          i += 2;
          continue;
        }
        if ((c == '$' || c == '%') && i + 1 < kept.size() && kept[i + 1] == '{')
          token.template_ = true;
        token.value += c;
      }
      token.value += '\n';
    }
  }

  std::string_view text_;
  Issues& issues_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
};

bool is_punct(const Token& token, std::string_view text) {
  return token.type == Tok::kPunct && token.text == text;
}

bool is_opener(const Token& token) {
  return is_punct(token, "{") || is_punct(token, "[") || is_punct(token, "(");
}

bool is_closer(const Token& token) {
  return is_punct(token, "}") || is_punct(token, "]") || is_punct(token, ")");
}

char closer_for(const Token& opener) {
  return opener.text == "{" ? '}' : opener.text == "[" ? ']' : ')';
}

// Tokens that may end an operand and tokens that may start one: two in a row at the top
// level of an attribute's value mean something was left out (a newline, an operator).
bool ends_operand(const Token& token) {
  return token.type == Tok::kIdent || token.type == Tok::kNumber || token.type == Tok::kString ||
         token.type == Tok::kHeredoc || is_closer(token);
}

bool starts_operand(const Token& token) {
  return token.type == Tok::kIdent || token.type == Tok::kNumber || token.type == Tok::kString ||
         token.type == Tok::kHeredoc;
}

bool is_binary_operator(const Token& token) {
  static constexpr std::array<std::string_view, 14> kOps = {
      "==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "?"};
  if (token.type != Tok::kPunct) return false;
  return std::find(kOps.begin(), kOps.end(), token.text) != kOps.end();
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, Issues& issues)
      : text_(text), tokens_(std::move(tokens)), issues_(issues) {}

  HclBody parse_file() {
    HclBody body;
    parse_body(body, nullptr, 0);
    return body;
  }

 private:
  const Token& at(size_t index) const { return tokens_[std::min(index, tokens_.size() - 1)]; }
  const Token& peek(size_t ahead = 0) const { return at(pos_ + ahead); }
  void advance() {
    if (pos_ + 1 < tokens_.size()) ++pos_;
  }
  bool at_eof() const { return peek().type == Tok::kEof; }
  void skip_newlines() {
    while (peek().type == Tok::kNewline) advance();
  }

  static std::string show(const Token& token) {
    switch (token.type) {
      case Tok::kEof:
        return "the end of the file";
      case Tok::kNewline:
        return "a newline";
      case Tok::kString:
        return "a string";
      case Tok::kHeredoc:
        return "a heredoc";
      default:
        return "'" + std::string(token.text.substr(0, 40)) + "'";
    }
  }

  // Skips the rest of a statement: up to a newline outside brackets, or a '}' that closes
  // the enclosing block (left for the caller).
  void recover() {
    int depth = 0;
    while (!at_eof()) {
      const Token& token = peek();
      if (depth == 0 && (token.type == Tok::kNewline || is_punct(token, "}"))) return;
      if (is_opener(token)) ++depth;
      if (is_closer(token) && depth > 0) --depth;
      advance();
    }
  }

  // Skips a balanced {...} starting at the current '{'.
  void skip_balanced() {
    int depth = 0;
    while (!at_eof()) {
      if (is_opener(peek())) ++depth;
      if (is_closer(peek())) {
        --depth;
        if (depth <= 0) {
          advance();
          return;
        }
      }
      advance();
    }
  }

  void parse_body(HclBody& body, const Token* open, int depth) {
    while (true) {
      skip_newlines();
      const Token& token = peek();
      if (token.type == Tok::kEof) {
        if (open != nullptr) {
          issues_.add(open->line, open->column,
                      "block opened here is never closed: expected '}' before the end of the "
                      "file");
        }
        return;
      }
      if (is_punct(token, "}")) {
        if (open != nullptr) return;
        issues_.add(token.line, token.column, "unexpected '}' with no block to close");
        advance();
        continue;
      }
      if (token.type != Tok::kIdent) {
        issues_.add(token.line, token.column,
                    "expected an attribute name or a block type, found " + show(token));
        size_t before = pos_;
        recover();
        if (pos_ == before) advance();
        continue;
      }
      if (is_punct(peek(1), "=")) {
        parse_attribute(body, open != nullptr);
      } else {
        parse_block(body, depth);
      }
    }
  }

  // After a statement: a newline, the end of the file or the '}' closing a one-line block.
  void expect_statement_end(const std::string& what) {
    const Token& token = peek();
    if (token.type == Tok::kNewline || token.type == Tok::kEof || is_punct(token, "}")) return;
    issues_.add(token.line, token.column,
                "unexpected " + show(token) + " after " + what + "; expected a newline");
    recover();
  }

  void parse_attribute(HclBody& body, bool /*nested*/) {
    const Token& name = peek();
    HclAttribute attribute;
    attribute.name = std::string(name.text);
    attribute.line = name.line;
    attribute.column = name.column;
    const Token& equals = peek(1);
    advance();
    advance();
    size_t begin = pos_;
    size_t end = scan_expression(true);
    if (begin == end) {
      issues_.add(equals.line, equals.column,
                  "expected a value after '" + attribute.name + " =', found " + show(peek()));
      expect_statement_end("'" + attribute.name + " ='");
      return;
    }
    attribute.expression = classify(begin, end, 0);
    for (const auto& existing : body.attributes) {
      if (existing.name == attribute.name) {
        issues_.add(attribute.line, attribute.column,
                    "attribute '" + attribute.name + "' is already defined at line " +
                        std::to_string(existing.line));
        break;
      }
    }
    body.attributes.push_back(std::move(attribute));
    expect_statement_end("the value of '" + body.attributes.back().name + "'");
  }

  void parse_block(HclBody& body, int depth) {
    const Token& type = peek();
    HclBlock block;
    block.type = std::string(type.text);
    block.line = type.line;
    block.column = type.column;
    advance();
    while (peek().type == Tok::kIdent || peek().type == Tok::kString) {
      const Token& label = peek();
      if (label.type == Tok::kString && label.template_) {
        issues_.add(label.line, label.column,
                    "block labels must be literal strings, not templates");
      }
      block.labels.push_back(label.type == Tok::kString ? label.value : std::string(label.text));
      advance();
    }
    if (!is_punct(peek(), "{")) {
      const Token& token = peek();
      std::string expected = block.labels.empty() ? "'=' or '{'" : "'{'";
      issues_.add(token.line, token.column,
                  "expected " + expected + " after '" + block.type + "', found " + show(token));
      recover();
      return;
    }
    const Token& open = peek();
    if (depth >= kMaxNesting) {
      issues_.add(open.line, open.column, "blocks are nested too deeply; the rest is skipped");
      skip_balanced();
      return;
    }
    advance();
    parse_body(block.body, &open, depth + 1);
    bool closed = is_punct(peek(), "}");
    if (closed) advance();
    body.blocks.push_back(std::move(block));
    if (closed) expect_statement_end("the block '" + body.blocks.back().type + "'");
  }

  // Finds where an expression ends: at a newline, ',' or unmatched closer outside brackets
  // (for an attribute's value, only at a newline or closer). Returns the end token index.
  size_t scan_expression(bool attribute_value, bool stop_at_key_separator = false) {
    std::vector<const Token*> stack;
    const Token* previous = nullptr;
    while (true) {
      const Token& token = peek();
      if (token.type == Tok::kEof) {
        if (!stack.empty()) {
          issues_.add(stack.back()->line, stack.back()->column,
                      "'" + std::string(stack.back()->text) + "' is never closed");
        }
        break;
      }
      if (stack.empty()) {
        if (token.type == Tok::kNewline) break;
        if (!attribute_value && is_punct(token, ",")) break;
        if (stop_at_key_separator && (is_punct(token, "=") || is_punct(token, ":"))) break;
        if (is_closer(token)) break;
        if (previous != nullptr && ends_operand(*previous) && starts_operand(token)) break;
      }
      if (is_opener(token)) {
        if (stack.size() >= static_cast<size_t>(kMaxNesting)) {
          issues_.add(token.line, token.column, "brackets are nested too deeply");
          skip_balanced();
          previous = nullptr;
          continue;
        }
        stack.push_back(&token);
      } else if (is_closer(token)) {
        if (token.text[0] != closer_for(*stack.back())) {
          issues_.add(token.line, token.column,
                      "'" + std::string(token.text) + "' does not match '" +
                          std::string(stack.back()->text) + "' opened at line " +
                          std::to_string(stack.back()->line));
        }
        stack.pop_back();
      }
      if (token.type != Tok::kNewline) previous = &token;
      advance();
    }
    if (previous != nullptr && stack.empty() && is_binary_operator(*previous)) {
      issues_.add(previous->line, previous->column,
                  "expression ends with '" + std::string(previous->text) + "'");
    }
    return pos_;
  }

  // Index of the token that closes the opener at index, or end when it is not closed before.
  size_t matching(size_t index, size_t end) const {
    int depth = 0;
    for (size_t i = index; i < end; ++i) {
      if (is_opener(at(i))) ++depth;
      if (is_closer(at(i)) && --depth == 0) return i;
    }
    return end;
  }

  size_t skip_newline_tokens(size_t index, size_t end) const {
    while (index < end && at(index).type == Tok::kNewline) ++index;
    return index;
  }

  bool has_top_level_question(size_t begin, size_t end) const {
    int depth = 0;
    for (size_t i = begin; i < end; ++i) {
      if (is_opener(at(i))) ++depth;
      if (is_closer(at(i))) --depth;
      if (depth == 0 && is_punct(at(i), "?")) return true;
    }
    return false;
  }

  // A name followed only by .attr, .0, .*, [index] and [*] steps.
  bool is_traversal(size_t begin, size_t end) const {
    if (at(begin).type != Tok::kIdent) return false;
    size_t i = begin + 1;
    while (i < end) {
      if (is_punct(at(i), ".") && i + 1 < end &&
          (at(i + 1).type == Tok::kIdent || at(i + 1).type == Tok::kNumber ||
           is_punct(at(i + 1), "*"))) {
        i += 2;
      } else if (is_punct(at(i), "[")) {
        size_t close = matching(i, end);
        if (close >= end) return false;
        i = close + 1;
      } else {
        return false;
      }
    }
    return true;
  }

  // name(...), ns::name(...) or provider::p::name(...), with the ')' last.
  bool is_call(size_t begin, size_t end) const {
    size_t i = begin;
    if (at(i).type != Tok::kIdent) return false;
    ++i;
    while (i + 1 < end && is_punct(at(i), "::") && at(i + 1).type == Tok::kIdent) i += 2;
    if (i >= end || !is_punct(at(i), "(")) return false;
    return matching(i, end) == end - 1;
  }

  std::string source(size_t begin, size_t end) const {
    size_t from = at(begin).begin;
    size_t to = at(end - 1).end;
    return std::string(text_.substr(from, to > from ? to - from : 0));
  }

  HclExpression classify(size_t begin, size_t end, int depth) {
    HclExpression expression;
    begin = skip_newline_tokens(begin, end);
    while (end > begin && at(end - 1).type == Tok::kNewline) --end;
    if (begin >= end) return expression;
    const Token& first = at(begin);
    expression.line = first.line;
    expression.column = first.column;
    expression.text = source(begin, end);
    size_t count = end - begin;
    if (count == 1) {
      switch (first.type) {
        case Tok::kString:
        case Tok::kHeredoc:
          expression.kind = first.template_ ? HclExprKind::kTemplate : HclExprKind::kString;
          expression.value = first.value;
          return expression;
        case Tok::kNumber:
          expression.kind = HclExprKind::kNumber;
          expression.value = std::string(first.text);
          return expression;
        case Tok::kIdent:
          if (first.text == "true" || first.text == "false") {
            expression.kind = HclExprKind::kBool;
            expression.value = std::string(first.text);
          } else if (first.text == "null") {
            expression.kind = HclExprKind::kNull;
          } else {
            expression.kind = HclExprKind::kReference;
          }
          return expression;
        default:
          return expression;
      }
    }
    if (count == 2 && is_punct(first, "-") && at(begin + 1).type == Tok::kNumber) {
      expression.kind = HclExprKind::kNumber;
      expression.value = expression.text;
      return expression;
    }
    bool bracketed =
        (is_punct(first, "[") || is_punct(first, "{")) && matching(begin, end) == end - 1;
    if (bracketed) {
      size_t inner = skip_newline_tokens(begin + 1, end - 1);
      if (inner < end - 1 && at(inner).type == Tok::kIdent && at(inner).text == "for") {
        expression.kind = HclExprKind::kFor;
        return expression;
      }
      expression.kind = is_punct(first, "[") ? HclExprKind::kTuple : HclExprKind::kObject;
      if (depth < kMaxNesting) {
        if (expression.kind == HclExprKind::kTuple) {
          split_tuple(begin + 1, end - 1, depth + 1, expression);
        } else {
          split_object(begin + 1, end - 1, depth + 1, expression);
        }
      }
      return expression;
    }
    if (has_top_level_question(begin, end)) {
      expression.kind = HclExprKind::kConditional;
      return expression;
    }
    if (is_call(begin, end)) {
      expression.kind = HclExprKind::kFunctionCall;
      return expression;
    }
    if (is_traversal(begin, end)) {
      expression.kind = HclExprKind::kReference;
      return expression;
    }
    if (is_punct(first, "(") && matching(begin, end) == end - 1 && depth < kMaxNesting) {
      HclExpression inner = classify(begin + 1, end - 1, depth + 1);
      expression.kind = inner.kind;
      expression.value = inner.value;
      expression.elements = std::move(inner.elements);
      expression.items = std::move(inner.items);
      return expression;
    }
    return expression;
  }

  // Separates [a, b, c] (the brackets excluded) into elements, noting a missing comma.
  void split_tuple(size_t begin, size_t end, int depth, HclExpression& tuple) {
    size_t saved = pos_;
    pos_ = begin;
    while (pos_ < end) {
      pos_ = skip_newline_tokens(pos_, end);
      if (pos_ >= end) break;
      size_t start = pos_;
      // Newlines inside brackets are not separators: an element may span lines.
      size_t stop = std::min(scan_in_range(end, false, false, false), end);
      while (stop > start && at(stop - 1).type == Tok::kNewline) --stop;
      if (stop == start) {
        issues_.add(at(start).line, at(start).column,
                    "unexpected " + show(at(start)) + " in a list");
        ++pos_;
        continue;
      }
      tuple.elements.push_back(classify(start, stop, depth));
      pos_ = stop;
      size_t next = skip_newline_tokens(pos_, end);
      if (next < end && is_punct(at(next), ",")) {
        pos_ = next + 1;
      } else if (next < end) {
        issues_.add(at(next).line, at(next).column, "missing ',' between the elements of a list");
        pos_ = next;
      }
    }
    pos_ = saved;
  }

  // Separates {k = v, k2: v2} (the braces excluded) into items.
  void split_object(size_t begin, size_t end, int depth, HclExpression& object) {
    size_t saved = pos_;
    pos_ = begin;
    while (pos_ < end) {
      pos_ = skip_newline_tokens(pos_, end);
      if (pos_ >= end) break;
      size_t key_start = pos_;
      size_t key_end = std::min(scan_in_range(end, false, true), end);
      if (key_end >= end || !(is_punct(at(key_end), "=") || is_punct(at(key_end), ":")) ||
          key_end == key_start) {
        const Token& where = at(std::min(key_end, end - 1));
        issues_.add(where.line, where.column, "expected 'key = value' in an object");
        // Skip this item.
        pos_ = std::min(scan_in_range(end, false), end);
        if (pos_ == key_start) ++pos_;
        continue;
      }
      std::string key;
      if (key_end - key_start == 1 && at(key_start).type == Tok::kString) {
        key = at(key_start).value;
      } else {
        key = source(key_start, key_end);
      }
      pos_ = key_end + 1;
      size_t value_start = pos_;
      size_t value_end = std::min(scan_in_range(end, false), end);
      if (value_end == value_start) {
        issues_.add(at(key_end).line, at(key_end).column,
                    "expected a value after '" + key + " " + std::string(at(key_end).text) + "'");
      } else {
        object.items.push_back(HclItem{key, classify(value_start, value_end, depth)});
      }
      pos_ = value_end;
      if (pos_ < end && (is_punct(at(pos_), ",") || at(pos_).type == Tok::kNewline)) ++pos_;
    }
    pos_ = saved;
  }

  // scan_expression limited to the tokens before end, reporting nothing twice: issues inside
  // collections were reported when the attribute's value was scanned.
  size_t scan_in_range(size_t end, bool attribute_value, bool key = false,
                       bool newline_ends = true) {
    int depth = 0;
    const Token* previous = nullptr;
    while (pos_ < end) {
      const Token& token = at(pos_);
      if (depth == 0) {
        if (newline_ends && token.type == Tok::kNewline) break;
        if (!attribute_value && is_punct(token, ",")) break;
        if (key && (is_punct(token, "=") || is_punct(token, ":"))) break;
        if (is_closer(token)) break;
        if (previous != nullptr && ends_operand(*previous) && starts_operand(token) &&
            !(previous->type == Tok::kIdent && is_keyword_glue(*previous))) {
          break;
        }
      }
      if (is_opener(token)) ++depth;
      if (is_closer(token)) --depth;
      if (token.type != Tok::kNewline) previous = &token;
      ++pos_;
    }
    return pos_;
  }

  static bool is_keyword_glue(const Token& token) {
    return token.text == "for" || token.text == "in" || token.text == "if";
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  Issues& issues_;
  size_t pos_ = 0;
};

}  // namespace

std::string_view hcl_expr_kind_name(HclExprKind kind) {
  switch (kind) {
    case HclExprKind::kString:
      return "string";
    case HclExprKind::kNumber:
      return "number";
    case HclExprKind::kBool:
      return "bool";
    case HclExprKind::kNull:
      return "null";
    case HclExprKind::kReference:
      return "reference";
    case HclExprKind::kFunctionCall:
      return "function-call";
    case HclExprKind::kTemplate:
      return "template";
    case HclExprKind::kTuple:
      return "tuple";
    case HclExprKind::kObject:
      return "object";
    case HclExprKind::kConditional:
      return "conditional";
    case HclExprKind::kFor:
      return "for";
    case HclExprKind::kOther:
      return "other";
  }
  return "other";
}

const HclExpression* HclExpression::item(std::string_view key) const {
  for (const auto& [name, value] : items) {
    if (name == key) return &value;
  }
  return nullptr;
}

const HclAttribute* HclBody::attribute(std::string_view name) const {
  for (const auto& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

const HclBlock* HclBody::block(std::string_view type) const {
  for (const auto& block : blocks) {
    if (block.type == type) return &block;
  }
  return nullptr;
}

std::vector<const HclBlock*> HclBody::blocks_of(std::string_view type) const {
  std::vector<const HclBlock*> found;
  for (const auto& block : blocks) {
    if (block.type == type) found.push_back(&block);
  }
  return found;
}

HclFile parse_hcl(std::string_view text) {
  HclFile file;
  Issues issues(file.issues);
  Lexer lexer(text, issues);
  std::vector<Token> tokens = lexer.run();
  Parser parser(text, std::move(tokens), issues);
  file.body = parser.parse_file();
  std::stable_sort(file.issues.begin(), file.issues.end(),
                   [](const ParseIssue& a, const ParseIssue& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return file;
}

}  // namespace golive::parse
