#include "parse/promql.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <limits>

namespace golive::parse {

std::string_view promql_type_name(PromqlType type) {
  switch (type) {
    case PromqlType::kScalar:
      return "scalar";
    case PromqlType::kString:
      return "string";
    case PromqlType::kInstantVector:
      return "instant vector";
    case PromqlType::kRangeVector:
      return "range vector";
  }
  return "unknown";
}

std::string PromqlError::describe() const {
  return message + " at " + std::to_string(line) + ":" + std::to_string(column);
}

namespace {

using T = PromqlType;

// ---------------------------------------------------------------------------------------------
// Durations

struct DurationUnit {
  std::string_view suffix;
  std::int64_t ms;
};

// Largest first: a duration lists its units in this order, each at most once.
constexpr std::array<DurationUnit, 7> kDurationUnits = {{
    {"y", 365LL * 24 * 3600 * 1000},
    {"w", 7LL * 24 * 3600 * 1000},
    {"d", 24LL * 3600 * 1000},
    {"h", 3600LL * 1000},
    {"m", 60LL * 1000},
    {"s", 1000},
    {"ms", 1},
}};

}  // namespace

std::optional<std::int64_t> parse_promql_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  size_t next_unit = 0;  // units must appear largest first
  size_t i = 0;
  while (i < text.size()) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return std::nullopt;
    std::int64_t amount = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
      if (amount > std::numeric_limits<std::int64_t>::max() / 10 - 10) return std::nullopt;
      amount = amount * 10 + (text[i] - '0');
      ++i;
    }
    size_t start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0) ++i;
    std::string_view suffix = text.substr(start, i - start);
    bool found = false;
    for (size_t u = next_unit; u < kDurationUnits.size(); ++u) {
      if (kDurationUnits[u].suffix != suffix) continue;
      if (amount > std::numeric_limits<std::int64_t>::max() / kDurationUnits[u].ms)
        return std::nullopt;
      total += amount * kDurationUnits[u].ms;
      if (total < 0) return std::nullopt;
      next_unit = u + 1;
      found = true;
      break;
    }
    if (!found) return std::nullopt;
  }
  return total;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Lexer

enum class Tok {
  kEof,
  kError,
  kIdent,
  kNumber,
  kDuration,
  kString,
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kLBracket,
  kRBracket,
  kComma,
  kColon,
  kAt,
  kAssign,
  kEql,
  kNeq,
  kLss,
  kLte,
  kGtr,
  kGte,
  kReMatch,
  kReNot,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
};

struct Token {
  Tok kind = Tok::kEof;
  size_t offset = 0;
  std::string_view text;  // as written
  std::string value;      // decoded string literal, or the error message
  double number = 0;
  std::int64_t duration_ms = 0;
};

bool ident_start(char c, bool in_brackets) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' || (c == ':' && !in_brackets);
}

bool ident_char(char c, bool in_brackets) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || (c == ':' && !in_brackets);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      Token token = next();
      Tok kind = token.kind;
      if (kind == Tok::kLBracket) in_brackets_ = true;
      if (kind == Tok::kRBracket) in_brackets_ = false;
      tokens.push_back(std::move(token));
      if (kind == Tok::kEof || kind == Tok::kError) break;
    }
    return tokens;
  }

 private:
  Token make(Tok kind, size_t start) {
    Token token;
    token.kind = kind;
    token.offset = start;
    token.text = src_.substr(start, pos_ - start);
    return token;
  }

  Token error(size_t at, std::string message) {
    Token token;
    token.kind = Tok::kError;
    token.offset = at;
    token.value = std::move(message);
    return token;
  }

  [[nodiscard]] char peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  void skip_space_and_comments() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token next() {
    skip_space_and_comments();
    size_t start = pos_;
    if (pos_ >= src_.size()) return make(Tok::kEof, start);
    char c = src_[pos_];
    if (ident_start(c, in_brackets_)) return identifier(start);
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
      return number(start);
    }
    if (c == '"' || c == '\'' || c == '`') return string(start);
    ++pos_;
    switch (c) {
      case '(':
        return make(Tok::kLParen, start);
      case ')':
        return make(Tok::kRParen, start);
      case '{':
        return make(Tok::kLBrace, start);
      case '}':
        return make(Tok::kRBrace, start);
      case '[':
        return make(Tok::kLBracket, start);
      case ']':
        return make(Tok::kRBracket, start);
      case ',':
        return make(Tok::kComma, start);
      case ':':
        return make(Tok::kColon, start);
      case '@':
        return make(Tok::kAt, start);
      case '+':
        return make(Tok::kAdd, start);
      case '-':
        return make(Tok::kSub, start);
      case '*':
        return make(Tok::kMul, start);
      case '/':
        return make(Tok::kDiv, start);
      case '%':
        return make(Tok::kMod, start);
      case '^':
        return make(Tok::kPow, start);
      case '=':
        if (peek() == '=') return ++pos_, make(Tok::kEql, start);
        if (peek() == '~') return ++pos_, make(Tok::kReMatch, start);
        return make(Tok::kAssign, start);
      case '!':
        if (peek() == '=') return ++pos_, make(Tok::kNeq, start);
        if (peek() == '~') return ++pos_, make(Tok::kReNot, start);
        return error(start, "unexpected character '!'");
      case '<':
        if (peek() == '=') return ++pos_, make(Tok::kLte, start);
        return make(Tok::kLss, start);
      case '>':
        if (peek() == '=') return ++pos_, make(Tok::kGte, start);
        return make(Tok::kGtr, start);
      default:
        break;
    }
    if ((static_cast<unsigned char>(c) & 0x80) != 0) {
      return error(start, "unexpected non-ascii character");
    }
    return error(start, std::string("unexpected character '") + c + "'");
  }

  Token identifier(size_t start) {
    while (pos_ < src_.size() && ident_char(src_[pos_], in_brackets_)) ++pos_;
    Token token = make(Tok::kIdent, start);
    if (iequals(token.text, "inf")) {
      token.kind = Tok::kNumber;
      token.number = std::numeric_limits<double>::infinity();
    } else if (iequals(token.text, "nan")) {
      token.kind = Tok::kNumber;
      token.number = std::numeric_limits<double>::quiet_NaN();
    }
    return token;
  }

  Token number(size_t start) {
    bool plain_integer = true;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X') &&
        std::isxdigit(static_cast<unsigned char>(peek(2))) != 0) {
      pos_ += 2;
      while (std::isxdigit(static_cast<unsigned char>(peek())) != 0) ++pos_;
      plain_integer = false;
    } else {
      while (std::isdigit(static_cast<unsigned char>(peek())) != 0) ++pos_;
      if (peek() == '.') {
        plain_integer = false;
        ++pos_;
        while (std::isdigit(static_cast<unsigned char>(peek())) != 0) ++pos_;
      }
      if ((peek() == 'e' || peek() == 'E') &&
          (std::isdigit(static_cast<unsigned char>(peek(1))) != 0 ||
           ((peek(1) == '+' || peek(1) == '-') &&
            std::isdigit(static_cast<unsigned char>(peek(2))) != 0))) {
        plain_integer = false;
        pos_ += 2;
        while (std::isdigit(static_cast<unsigned char>(peek())) != 0) ++pos_;
      }
    }
    char after = peek();
    if (std::isalpha(static_cast<unsigned char>(after)) != 0 || after == '_') {
      // A number run straight into letters: a duration such as 5m or 1h30m, or a typo.
      while (std::isalnum(static_cast<unsigned char>(peek())) != 0 || peek() == '_' ||
             peek() == '.')
        ++pos_;
      Token token = make(Tok::kDuration, start);
      if (plain_integer) {
        if (auto ms = parse_promql_duration(token.text)) {
          token.duration_ms = *ms;
          return token;
        }
      }
      bool unit_like =
          plain_integer || std::string_view("smhdwy").find(after) != std::string_view::npos;
      return error(start, std::string(unit_like ? "bad duration '" : "bad number '") +
                              std::string(token.text) + "'");
    }
    Token token = make(Tok::kNumber, start);
    std::string copy(token.text);
    if (copy.size() > 2 && copy[0] == '0' && (copy[1] == 'x' || copy[1] == 'X')) {
      token.number = static_cast<double>(std::strtoull(copy.c_str() + 2, nullptr, 16));
    } else {
      token.number = std::strtod(copy.c_str(), nullptr);
    }
    return token;
  }

  Token string(size_t start) {
    char quote = src_[pos_++];
    std::string value;
    while (true) {
      if (pos_ >= src_.size()) return error(start, "unterminated string");
      char c = src_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (quote == '`') {
        value += c;
        ++pos_;
        continue;
      }
      if (c == '\n') return error(start, "unterminated string");
      if (c != '\\') {
        value += c;
        ++pos_;
        continue;
      }
      size_t escape_at = pos_;
      ++pos_;
      if (pos_ >= src_.size()) return error(start, "unterminated string");
      char e = src_[pos_++];
      switch (e) {
        case 'a':
          value += '\a';
          break;
        case 'b':
          value += '\b';
          break;
        case 'f':
          value += '\f';
          break;
        case 'n':
          value += '\n';
          break;
        case 'r':
          value += '\r';
          break;
        case 't':
          value += '\t';
          break;
        case 'v':
          value += '\v';
          break;
        case '\\':
        case '\'':
        case '"':
          value += e;
          break;
        case 'x':
        case 'u':
        case 'U': {
          size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          std::uint32_t code = 0;
          for (size_t k = 0; k < digits; ++k) {
            char h = peek();
            if (std::isxdigit(static_cast<unsigned char>(h)) == 0)
              return error(escape_at, "invalid escape sequence in string");
            code = code * 16 + static_cast<std::uint32_t>(
                                   std::isdigit(static_cast<unsigned char>(h)) != 0
                                       ? h - '0'
                                       : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
            ++pos_;
          }
          if (e == 'x') {
            value += static_cast<char>(code);
          } else {
            if (code > 0x10FFFF) return error(escape_at, "invalid escape sequence in string");
            append_utf8(value, code);
          }
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            auto code = static_cast<std::uint32_t>(e - '0');
            for (int k = 0; k < 2; ++k) {
              char o = peek();
              if (o < '0' || o > '7') return error(escape_at, "invalid escape sequence in string");
              code = code * 8 + static_cast<std::uint32_t>(o - '0');
              ++pos_;
            }
            if (code > 255) return error(escape_at, "invalid escape sequence in string");
            value += static_cast<char>(code);
            break;
          }
          return error(escape_at, std::string("unknown escape sequence '\\") + e + "'");
      }
    }
    Token token = make(Tok::kString, start);
    token.value = std::move(value);
    return token;
  }

  std::string_view src_;
  size_t pos_ = 0;
  bool in_brackets_ = false;
};

// ---------------------------------------------------------------------------------------------
// Functions and aggregations, as data

struct FunctionSpec {
  std::string_view name;
  std::vector<T> args;
  size_t min_args;
  bool variadic;  // the last argument type repeats
  T result;
};

const std::vector<FunctionSpec>& functions() {
  static const std::vector<FunctionSpec> kFunctions = [] {
    const T v = T::kInstantVector;
    const T m = T::kRangeVector;
    const T s = T::kScalar;
    const T str = T::kString;
    std::vector<FunctionSpec> list = {
        {"absent", {v}, 1, false, v},
        {"absent_over_time", {m}, 1, false, v},
        {"clamp", {v, s, s}, 3, false, v},
        {"clamp_max", {v, s}, 2, false, v},
        {"clamp_min", {v, s}, 2, false, v},
        {"double_exponential_smoothing", {m, s, s}, 3, false, v},
        {"histogram_fraction", {s, s, v}, 3, false, v},
        {"histogram_quantile", {s, v}, 2, false, v},
        {"holt_winters", {m, s, s}, 3, false, v},
        {"info", {v, v}, 1, false, v},
        {"label_join", {v, str, str, str}, 3, true, v},
        {"label_replace", {v, str, str, str, str}, 5, false, v},
        {"pi", {}, 0, false, s},
        {"predict_linear", {m, s}, 2, false, v},
        {"quantile_over_time", {s, m}, 2, false, v},
        {"round", {v, s}, 1, false, v},
        {"scalar", {v}, 1, false, s},
        {"sort_by_label", {v, str}, 1, true, v},
        {"sort_by_label_desc", {v, str}, 1, true, v},
        {"time", {}, 0, false, s},
        {"vector", {s}, 1, false, v},
    };
    // One instant vector in, one out.
    for (std::string_view name : {"abs",
                                  "acos",
                                  "acosh",
                                  "asin",
                                  "asinh",
                                  "atan",
                                  "atanh",
                                  "ceil",
                                  "cos",
                                  "cosh",
                                  "deg",
                                  "exp",
                                  "floor",
                                  "histogram_avg",
                                  "histogram_count",
                                  "histogram_stddev",
                                  "histogram_stdvar",
                                  "histogram_sum",
                                  "ln",
                                  "log10",
                                  "log2",
                                  "rad",
                                  "sgn",
                                  "sin",
                                  "sinh",
                                  "sort",
                                  "sort_desc",
                                  "sqrt",
                                  "tan",
                                  "tanh",
                                  "timestamp"}) {
      list.push_back({name, {v}, 1, false, v});
    }
    // Date functions default to time() when called without an argument.
    for (std::string_view name : {"day_of_month", "day_of_week", "day_of_year", "days_in_month",
                                  "hour", "minute", "month", "year"}) {
      list.push_back({name, {v}, 0, false, v});
    }
    // One range vector in, an instant vector out.
    for (std::string_view name :
         {"avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase",
          "irate", "last_over_time", "mad_over_time", "max_over_time", "min_over_time",
          "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time",
          "sum_over_time"}) {
      list.push_back({name, {m}, 1, false, v});
    }
    return list;
  }();
  return kFunctions;
}

const FunctionSpec* find_function(std::string_view name) {
  for (const auto& spec : functions()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

struct AggregationSpec {
  std::string_view name;
  std::optional<T> parameter;  // topk's k, quantile's phi, count_values' label
};

const std::array<AggregationSpec, 14> kAggregations = {{
    {"avg", std::nullopt},
    {"bottomk", T::kScalar},
    {"count", std::nullopt},
    {"count_values", T::kString},
    {"group", std::nullopt},
    {"limit_ratio", T::kScalar},
    {"limitk", T::kScalar},
    {"max", std::nullopt},
    {"min", std::nullopt},
    {"quantile", T::kScalar},
    {"stddev", std::nullopt},
    {"stdvar", std::nullopt},
    {"sum", std::nullopt},
    {"topk", T::kScalar},
}};

const AggregationSpec* find_aggregation(std::string_view lowered) {
  for (const auto& spec : kAggregations) {
    if (spec.name == lowered) return &spec;
  }
  return nullptr;
}

// Words that are never a metric name in expression position.
constexpr std::array<std::string_view, 12> kKeywords = {
    "and",      "atan2",  "bool", "by", "group_left", "group_right",
    "ignoring", "offset", "on",   "or", "unless",     "without"};

bool is_keyword(std::string_view lowered) {
  return std::find(kKeywords.begin(), kKeywords.end(), lowered) != kKeywords.end();
}

// ---------------------------------------------------------------------------------------------
// Binary operators and precedence

constexpr int kPrecOr = 1;
constexpr int kPrecAnd = 2;
constexpr int kPrecCompare = 3;
constexpr int kPrecAdd = 4;
constexpr int kPrecMul = 5;
constexpr int kPrecPow = 6;

struct BinaryOp {
  std::string name;
  int precedence = 0;
  bool comparison = false;
  bool set = false;
};

std::optional<BinaryOp> binary_op(const Token& token) {
  switch (token.kind) {
    case Tok::kAdd:
      return BinaryOp{"+", kPrecAdd};
    case Tok::kSub:
      return BinaryOp{"-", kPrecAdd};
    case Tok::kMul:
      return BinaryOp{"*", kPrecMul};
    case Tok::kDiv:
      return BinaryOp{"/", kPrecMul};
    case Tok::kMod:
      return BinaryOp{"%", kPrecMul};
    case Tok::kPow:
      return BinaryOp{"^", kPrecPow};
    case Tok::kEql:
      return BinaryOp{"==", kPrecCompare, true};
    case Tok::kNeq:
      return BinaryOp{"!=", kPrecCompare, true};
    case Tok::kLss:
      return BinaryOp{"<", kPrecCompare, true};
    case Tok::kLte:
      return BinaryOp{"<=", kPrecCompare, true};
    case Tok::kGtr:
      return BinaryOp{">", kPrecCompare, true};
    case Tok::kGte:
      return BinaryOp{">=", kPrecCompare, true};
    case Tok::kIdent: {
      std::string word = lower(token.text);
      if (word == "and" || word == "unless") return BinaryOp{word, kPrecAnd, false, true};
      if (word == "or") return BinaryOp{word, kPrecOr, false, true};
      if (word == "atan2") return BinaryOp{word, kPrecMul};
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

bool matches_empty(const PromqlMatcher& matcher) {
  bool anything = matcher.value.empty() || matcher.value == ".*" || matcher.value == "^.*$";
  if (matcher.op == "=") return matcher.value.empty();
  if (matcher.op == "!=") return !matcher.value.empty();
  if (matcher.op == "=~") return anything;
  return !anything;  // !~
}

// ---------------------------------------------------------------------------------------------
// Parser

constexpr int kMaxDepth = 200;

class Parser {
 public:
  Parser(std::string_view src, std::vector<Token> tokens) : tokens_(std::move(tokens)) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < src.size(); ++i) {
      if (src[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  std::optional<PromqlNode> parse() {
    if (peek().kind == Tok::kEof) {
      fail(peek().offset, "empty expression");
      return std::nullopt;
    }
    PromqlNode root;
    if (!parse_expr(0, root)) return std::nullopt;
    if (peek().kind != Tok::kEof) {
      unexpected(peek());
      return std::nullopt;
    }
    return root;
  }

  std::optional<PromqlError> error;

 private:
  [[nodiscard]] const Token& peek(size_t ahead = 0) const {
    size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[index];
  }
  const Token& advance() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  [[nodiscard]] bool peek_word(std::string_view word, size_t ahead = 0) const {
    return peek(ahead).kind == Tok::kIdent && iequals(peek(ahead).text, word);
  }

  void place(PromqlNode& node, size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(it - line_starts_.begin());
    node.line = static_cast<int>(line);
    node.column = static_cast<int>(offset - line_starts_[line - 1]) + 1;
  }

  bool fail(size_t offset, std::string message) {
    if (error) return false;
    PromqlNode where;
    place(where, offset);
    error = PromqlError{std::move(message), where.line, where.column};
    return false;
  }
  bool fail_at(const PromqlNode& node, std::string message) {
    if (error) return false;
    error = PromqlError{std::move(message), node.line, node.column};
    return false;
  }

  bool unexpected(const Token& token, std::string_view context = "") {
    if (token.kind == Tok::kError) return fail(token.offset, token.value);
    std::string message = token.kind == Tok::kEof ? "unexpected end of input"
                                                  : "unexpected '" + std::string(token.text) + "'";
    if (!context.empty()) message += std::string(", ") + std::string(context);
    return fail(token.offset, std::move(message));
  }

  // Expects a closing token; at the end of the input the opener is what went wrong.
  bool close(Tok kind, std::string_view closer, const Token& opener) {
    if (peek().kind == kind) {
      advance();
      return true;
    }
    if (peek().kind == Tok::kEof)
      return fail(opener.offset, "unclosed '" + std::string(opener.text) + "'");
    return unexpected(peek(), "expected '" + std::string(closer) + "'");
  }

  bool parse_expr(int min_precedence, PromqlNode& out) {
    if (++depth_ > kMaxDepth) return fail(peek().offset, "expression nests too deeply");
    bool ok = parse_binary(min_precedence, out);
    --depth_;
    return ok;
  }

  bool parse_binary(int min_precedence, PromqlNode& out) {
    if (!parse_unary(out)) return false;
    while (true) {
      std::optional<BinaryOp> op = binary_op(peek());
      if (!op || op->precedence < min_precedence) return true;
      const Token& op_token = advance();
      PromqlNode node;
      node.kind = PromqlNode::Kind::kBinary;
      node.name = op->name;
      node.line = out.line;
      node.column = out.column;
      PromqlNode op_place;
      place(op_place, op_token.offset);
      if (peek_word("bool")) {
        if (!op->comparison) {
          return fail(peek().offset, "bool modifier can only be used on comparison operators");
        }
        advance();
        node.return_bool = true;
      }
      if (peek_word("on") || peek_word("ignoring")) {
        node.matching = lower(advance().text);
        if (!parse_label_list(node.matching_labels)) return false;
        if (peek_word("group_left") || peek_word("group_right")) {
          node.group_side = lower(advance().text);
          if (peek().kind == Tok::kLParen && !parse_label_list(node.include_labels)) return false;
        }
      }
      // ^ is right-associative; every other operator is left-associative.
      int next = op->precedence == kPrecPow ? op->precedence : op->precedence + 1;
      PromqlNode right;
      if (!parse_expr(next, right)) return false;
      if (!check_binary(*op, out, right, node, op_place)) return false;
      node.children.push_back(std::move(out));
      node.children.push_back(std::move(right));
      out = std::move(node);
    }
  }

  bool check_binary(const BinaryOp& op, const PromqlNode& left, const PromqlNode& right,
                    PromqlNode& node, const PromqlNode& op_place) {
    for (const PromqlNode* side : {&left, &right}) {
      if (side->type == T::kRangeVector || side->type == T::kString) {
        return fail_at(*side,
                       "binary expression must contain only scalar and instant vector "
                       "types, got " +
                           std::string(promql_type_name(side->type)));
      }
    }
    bool both_vectors = left.type == T::kInstantVector && right.type == T::kInstantVector;
    if (op.set && !both_vectors) {
      return fail_at(op_place,
                     "set operator '" + op.name + "' not allowed in binary scalar expression");
    }
    if (op.set && !node.group_side.empty()) {
      return fail_at(op_place, "no grouping allowed for '" + op.name + "' operation");
    }
    if (!node.matching.empty() && !both_vectors) {
      return fail_at(op_place, "vector matching only allowed between instant vectors");
    }
    bool both_scalars = left.type == T::kScalar && right.type == T::kScalar;
    if (op.comparison && both_scalars && !node.return_bool) {
      return fail_at(op_place, "comparisons between scalars must use bool modifier");
    }
    node.type = both_scalars ? T::kScalar : T::kInstantVector;
    return true;
  }

  bool parse_unary(PromqlNode& out) {
    if (peek().kind == Tok::kAdd || peek().kind == Tok::kSub) {
      const Token& sign = advance();
      PromqlNode node;
      node.kind = PromqlNode::Kind::kUnary;
      node.name = std::string(sign.text);
      place(node, sign.offset);
      PromqlNode operand;
      // -a ^ b is -(a ^ b); -a * b is (-a) * b.
      if (!parse_expr(kPrecPow, operand)) return false;
      if (operand.type != T::kScalar && operand.type != T::kInstantVector) {
        return fail_at(operand,
                       "unary expression only allowed on expressions of type scalar or "
                       "instant vector, got " +
                           std::string(promql_type_name(operand.type)));
      }
      node.type = operand.type;
      node.children.push_back(std::move(operand));
      out = std::move(node);
      return true;
    }
    return parse_postfix(out);
  }

  // A duration, or a number of seconds as Prometheus 3 also accepts.
  bool parse_duration(std::int64_t& ms, std::string_view what) {
    const Token& token = peek();
    if (token.kind == Tok::kDuration) {
      ms = token.duration_ms;
      advance();
      return true;
    }
    if (token.kind == Tok::kNumber && token.number >= 0 && token.number < 1e15) {
      ms = static_cast<std::int64_t>(token.number * 1000);
      advance();
      return true;
    }
    return unexpected(token, "expected a duration for the " + std::string(what));
  }

  static bool takes_modifiers(const PromqlNode& node) {
    return node.kind == PromqlNode::Kind::kVectorSelector ||
           node.kind == PromqlNode::Kind::kMatrixSelector ||
           node.kind == PromqlNode::Kind::kSubquery;
  }

  bool parse_postfix(PromqlNode& out) {
    if (!parse_primary(out)) return false;
    while (true) {
      if (peek().kind == Tok::kLBracket) {
        if (!parse_range(out)) return false;
      } else if (peek_word("offset")) {
        const Token& word = advance();
        if (!takes_modifiers(out)) {
          return fail(word.offset,
                      "offset modifier must be preceded by an instant vector selector or range "
                      "vector selector or a subquery");
        }
        if (out.offset_ms) return fail(word.offset, "offset may not be set multiple times");
        bool negative = false;
        if (peek().kind == Tok::kSub || peek().kind == Tok::kAdd) {
          negative = advance().kind == Tok::kSub;
        }
        std::int64_t ms = 0;
        if (!parse_duration(ms, "offset")) return false;
        out.offset_ms = negative ? -ms : ms;
      } else if (peek().kind == Tok::kAt) {
        const Token& at = advance();
        if (!takes_modifiers(out)) {
          return fail(at.offset,
                      "@ modifier must be preceded by an instant vector selector or range vector "
                      "selector or a subquery");
        }
        if (!out.at.empty()) return fail(at.offset, "@ <timestamp> may not be set multiple times");
        if ((peek_word("start") || peek_word("end")) && peek(1).kind == Tok::kLParen &&
            peek(2).kind == Tok::kRParen) {
          out.at = lower(advance().text) + "()";
          advance();
          advance();
        } else {
          std::string sign;
          if (peek().kind == Tok::kSub || peek().kind == Tok::kAdd) sign = advance().text;
          if (peek().kind != Tok::kNumber) {
            return unexpected(peek(), "expected a timestamp, start() or end() after @");
          }
          out.at = sign + std::string(advance().text);
        }
      } else {
        return true;
      }
    }
  }

  bool parse_range(PromqlNode& out) {
    const Token& open = advance();
    PromqlNode open_place;
    place(open_place, open.offset);
    const Token& range_token = peek();
    std::int64_t range = 0;
    if (!parse_duration(range, "range")) return false;
    if (range <= 0) return fail(range_token.offset, "duration must be greater than 0");
    if (peek().kind == Tok::kColon) {
      advance();
      std::int64_t step = 0;
      if (peek().kind != Tok::kRBracket) {
        const Token& step_token = peek();
        if (!parse_duration(step, "subquery step")) return false;
        if (step <= 0) return fail(step_token.offset, "duration must be greater than 0");
      }
      if (!close(Tok::kRBracket, "]", open)) return false;
      if (out.type != T::kInstantVector) {
        return fail_at(open_place, "subquery is only allowed on instant vector, got " +
                                       std::string(promql_type_name(out.type)));
      }
      PromqlNode node;
      node.kind = PromqlNode::Kind::kSubquery;
      node.type = T::kRangeVector;
      node.line = out.line;
      node.column = out.column;
      node.range_ms = range;
      node.step_ms = step;
      node.children.push_back(std::move(out));
      out = std::move(node);
      return true;
    }
    if (!close(Tok::kRBracket, "]", open)) return false;
    if (out.kind != PromqlNode::Kind::kVectorSelector) {
      return fail_at(open_place, "ranges only allowed for vector selectors");
    }
    if (out.offset_ms || !out.at.empty()) {
      return fail_at(open_place, "a range must come before offset and @ modifiers");
    }
    PromqlNode node;
    node.kind = PromqlNode::Kind::kMatrixSelector;
    node.type = T::kRangeVector;
    node.line = out.line;
    node.column = out.column;
    node.range_ms = range;
    node.children.push_back(std::move(out));
    out = std::move(node);
    return true;
  }

  bool parse_primary(PromqlNode& out) {
    const Token& token = peek();
    place(out, token.offset);
    switch (token.kind) {
      case Tok::kNumber:
        out.kind = PromqlNode::Kind::kNumber;
        out.type = T::kScalar;
        out.number = token.number;
        advance();
        return true;
      case Tok::kString:
        out.kind = PromqlNode::Kind::kString;
        out.type = T::kString;
        out.text = token.value;
        advance();
        return true;
      case Tok::kDuration:
        return fail(token.offset, "unexpected duration '" + std::string(token.text) + "'");
      case Tok::kLParen: {
        const Token& open = advance();
        PromqlNode inner;
        if (!parse_expr(0, inner)) return false;
        if (!close(Tok::kRParen, ")", open)) return false;
        out.kind = PromqlNode::Kind::kParen;
        out.type = inner.type;
        out.children.push_back(std::move(inner));
        return true;
      }
      case Tok::kLBrace:
        out.kind = PromqlNode::Kind::kVectorSelector;
        out.type = T::kInstantVector;
        return parse_matchers(out);
      case Tok::kIdent:
        return parse_identifier(out);
      default:
        return unexpected(token);
    }
  }

  bool parse_identifier(PromqlNode& out) {
    const Token& token = peek();
    std::string word = lower(token.text);
    if (const AggregationSpec* spec = find_aggregation(word)) {
      if (peek(1).kind == Tok::kLParen || peek_word("by", 1) || peek_word("without", 1)) {
        return parse_aggregation(*spec, out);
      }
      advance();
      return unexpected(peek(), "expected '(' after aggregation operator '" + word + "'");
    }
    if (peek(1).kind == Tok::kLParen) {
      if (is_keyword(word)) return unexpected(token);
      return parse_call(out);
    }
    if (is_keyword(word)) return unexpected(token);
    advance();
    out.kind = PromqlNode::Kind::kVectorSelector;
    out.type = T::kInstantVector;
    out.name = std::string(token.text);
    if (peek().kind == Tok::kLBrace) return parse_matchers(out);
    return true;
  }

  bool parse_matchers(PromqlNode& out) {
    const Token& open = advance();
    while (peek().kind != Tok::kRBrace) {
      const Token& label = peek();
      if (label.kind == Tok::kEof) return fail(open.offset, "unclosed '{'");
      if (label.kind == Tok::kString &&
          (peek(1).kind == Tok::kComma || peek(1).kind == Tok::kRBrace)) {
        // {"metric.name"}: a quoted metric name (Prometheus 3).
        if (!out.name.empty())
          return fail(label.offset, "metric name must not be set twice: '" + out.name + "' or '" +
                                        label.value + "'");
        out.name = label.value;
        advance();
      } else {
        if (label.kind != Tok::kIdent && label.kind != Tok::kString) {
          return unexpected(label, "expected a label name in label matching");
        }
        advance();
        const Token& op = peek();
        if (op.kind != Tok::kAssign && op.kind != Tok::kNeq && op.kind != Tok::kReMatch &&
            op.kind != Tok::kReNot) {
          if (op.kind == Tok::kEof) return fail(open.offset, "unclosed '{'");
          return unexpected(op, "expected a label matching operator");
        }
        advance();
        const Token& value = peek();
        if (value.kind != Tok::kString) {
          if (value.kind == Tok::kEof) return fail(open.offset, "unclosed '{'");
          return unexpected(value, "expected a quoted label value");
        }
        advance();
        PromqlMatcher matcher{label.kind == Tok::kString ? label.value : std::string(label.text),
                              std::string(op.text), value.value};
        if (matcher.label == "__name__" && matcher.op == "=" && !out.name.empty()) {
          return fail(label.offset, "metric name must not be set twice: '" + out.name + "' or '" +
                                        matcher.value + "'");
        }
        out.matchers.push_back(std::move(matcher));
      }
      if (peek().kind == Tok::kComma) {
        advance();
      } else if (peek().kind == Tok::kEof) {
        return fail(open.offset, "unclosed '{'");
      } else if (peek().kind != Tok::kRBrace) {
        return unexpected(peek(), "expected ',' or '}' in label matching");
      }
    }
    advance();
    bool selects = !out.name.empty();
    for (const auto& matcher : out.matchers) selects = selects || !matches_empty(matcher);
    if (!selects) {
      return fail(open.offset, "vector selector must contain at least one non-empty matcher");
    }
    return true;
  }

  bool parse_label_list(std::vector<std::string>& labels) {
    if (peek().kind != Tok::kLParen) return unexpected(peek(), "expected '(' and a label list");
    const Token& open = advance();
    while (peek().kind != Tok::kRParen) {
      const Token& label = peek();
      if (label.kind == Tok::kEof) return fail(open.offset, "unclosed '('");
      if (label.kind == Tok::kIdent) {
        labels.emplace_back(label.text);
      } else if (label.kind == Tok::kString) {
        labels.push_back(label.value);
      } else {
        return unexpected(label, "expected a label name in grouping");
      }
      advance();
      if (peek().kind == Tok::kComma) {
        advance();
      } else if (peek().kind != Tok::kRParen) {
        if (peek().kind == Tok::kEof) return fail(open.offset, "unclosed '('");
        return unexpected(peek(), "expected ',' or ')' in grouping");
      }
    }
    advance();
    return true;
  }

  bool parse_arguments(std::vector<PromqlNode>& args) {
    const Token& open = advance();
    if (peek().kind == Tok::kRParen) {
      advance();
      return true;
    }
    while (true) {
      PromqlNode arg;
      if (peek().kind == Tok::kEof) return fail(open.offset, "unclosed '('");
      if (!parse_expr(0, arg)) return false;
      args.push_back(std::move(arg));
      if (peek().kind == Tok::kComma) {
        advance();
        continue;
      }
      return close(Tok::kRParen, ")", open);
    }
  }

  bool parse_aggregation(const AggregationSpec& spec, PromqlNode& out) {
    const Token& name = advance();
    out.kind = PromqlNode::Kind::kAggregate;
    out.type = T::kInstantVector;
    out.name = std::string(spec.name);
    bool grouped = false;
    if (peek_word("by") || peek_word("without")) {
      out.without = lower(advance().text) == "without";
      if (!parse_label_list(out.grouping)) return false;
      grouped = true;
    }
    if (peek().kind != Tok::kLParen) return unexpected(peek(), "expected '(' in aggregation");
    std::vector<PromqlNode> args;
    if (!parse_arguments(args)) return false;
    if (!grouped && (peek_word("by") || peek_word("without"))) {
      out.without = lower(advance().text) == "without";
      if (!parse_label_list(out.grouping)) return false;
    }
    size_t expected = spec.parameter ? 2 : 1;
    if (args.size() != expected) {
      return fail(name.offset, "wrong number of arguments for aggregation '" + out.name +
                                   "', expected " + std::to_string(expected) + ", got " +
                                   std::to_string(args.size()));
    }
    if (spec.parameter && args[0].type != *spec.parameter) {
      return fail_at(args[0], "expected type " + std::string(promql_type_name(*spec.parameter)) +
                                  " in aggregation parameter, got " +
                                  std::string(promql_type_name(args[0].type)));
    }
    const PromqlNode& vector = args.back();
    if (vector.type != T::kInstantVector) {
      return fail_at(vector, "expected type instant vector in aggregation expression, got " +
                                 std::string(promql_type_name(vector.type)));
    }
    out.children = std::move(args);
    return true;
  }

  bool parse_call(PromqlNode& out) {
    const Token& name = advance();
    const FunctionSpec* spec = find_function(name.text);
    if (spec == nullptr) {
      return fail(name.offset, "unknown function '" + std::string(name.text) + "'");
    }
    out.kind = PromqlNode::Kind::kCall;
    out.name = std::string(spec->name);
    out.type = spec->result;
    std::vector<PromqlNode> args;
    if (!parse_arguments(args)) return false;
    size_t max_args = spec->variadic ? std::numeric_limits<size_t>::max() : spec->args.size();
    if (args.size() < spec->min_args || args.size() > max_args) {
      std::string expected =
          spec->min_args == spec->args.size() && !spec->variadic ? std::to_string(spec->min_args)
          : args.size() < spec->min_args ? "at least " + std::to_string(spec->min_args)
                                         : "at most " + std::to_string(spec->args.size());
      return fail(name.offset, "wrong number of arguments in call to '" + out.name +
                                   "': expected " + expected + ", got " +
                                   std::to_string(args.size()));
    }
    for (size_t i = 0; i < args.size(); ++i) {
      T wanted = spec->args[std::min(i, spec->args.size() - 1)];
      if (args[i].type != wanted) {
        return fail_at(args[i], "expected type " + std::string(promql_type_name(wanted)) +
                                    " in call to function '" + out.name + "', got " +
                                    std::string(promql_type_name(args[i].type)));
      }
    }
    out.children = std::move(args);
    return true;
  }

  std::vector<Token> tokens_;
  std::vector<size_t> line_starts_;
  size_t pos_ = 0;
  int depth_ = 0;
};

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

void collect(const PromqlNode& node, PromqlFacts& facts) {
  using K = PromqlNode::Kind;
  switch (node.kind) {
    case K::kVectorSelector:
      if (!node.name.empty()) add_unique(facts.metrics, node.name);
      for (const auto& matcher : node.matchers) {
        if (matcher.label == "__name__" && matcher.op == "=") {
          add_unique(facts.metrics, matcher.value);
        } else {
          facts.matchers.push_back(matcher);
        }
      }
      break;
    case K::kMatrixSelector:
      facts.ranges_ms.push_back(node.range_ms);
      break;
    case K::kSubquery:
      facts.ranges_ms.push_back(node.range_ms);
      facts.uses_subquery = true;
      break;
    case K::kCall:
      add_unique(facts.functions, node.name);
      break;
    case K::kAggregate:
      add_unique(facts.aggregations, node.name);
      break;
    case K::kBinary:
      add_unique(facts.binary_operators, node.name);
      break;
    default:
      break;
  }
  if (node.offset_ms) facts.uses_offset = true;
  if (!node.at.empty()) facts.uses_at = true;
  for (const auto& child : node.children) collect(child, facts);
}

}  // namespace

PromqlParse parse_promql(std::string_view text) {
  PromqlParse result;
  Parser parser(text, Lexer(text).run());
  result.root = parser.parse();
  if (parser.error) {
    result.error = std::move(parser.error);
    result.root.reset();
    return result;
  }
  collect(*result.root, result.facts);
  std::sort(result.facts.metrics.begin(), result.facts.metrics.end());
  std::sort(result.facts.functions.begin(), result.facts.functions.end());
  std::sort(result.facts.aggregations.begin(), result.facts.aggregations.end());
  return result;
}

}  // namespace golive::parse
