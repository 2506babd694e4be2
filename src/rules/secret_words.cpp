#include "rules/secret_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/strings.h"
#include "secrets/filters.h"

namespace golive::rules {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

// "dbPassword", "DB_PASSWORD", "db-password", "db.password" -> {"DB", "PASSWORD"}.
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!is_alnum(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    if (is_upper(c) && i > 0 && is_lower(name[i - 1]) && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Words that make a name secret wherever they are, also at the end of a fused word (DBPASSWORD).
constexpr std::array<std::string_view, 10> kSecretWords = {
    "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET",    "SECRETS",
    "TOKEN",    "APIKEY", "PRIVATEKEY", "ACCESSKEY", "SALT"};

// Words after the secret word that say what the secret is about rather than holding it.
constexpr std::array<std::string_view, 65> kDescriptiveWords = {
    "ID",        "IDS",      "PATH",     "FILE",       "FILES",    "DIR",      "DIRECTORY",
    "URL",       "URI",      "URLS",     "ENDPOINT",   "HOST",     "PORT",     "NAME",
    "NAMES",     "USER",     "USERNAME", "LENGTH",     "LEN",      "SIZE",     "TTL",
    "EXPIRY",    "EXPIRES",  "EXPIRE",   "EXPIRATION", "LIFETIME", "AGE",      "TIMEOUT",
    "HEADER",    "TYPE",     "KIND",     "ENABLED",    "DISABLED", "REQUIRED", "POLICY",
    "ALGORITHM", "ALG",      "FORMAT",   "PREFIX",     "SUFFIX",   "MIN",      "MAX",
    "COUNT",     "VERSION",  "LOCATION", "REF",        "ARN",      "MODE",     "FIELD",
    "PARAM",     "INTERVAL", "PROVIDER", "ISSUER",     "AUDIENCE", "SCOPE",    "ROUNDS",
    "ROTATION",  "SECONDS",  "MINUTES",  "HOURS",      "DAYS",     "MS",       "LIMIT",
    "STRENGTH",  "COST"};

// Words that make the name a flag about a secret (MYSQL_ALLOW_EMPTY_PASSWORD=yes).
constexpr std::array<std::string_view, 8> kFlagWords = {"ALLOW", "EMPTY",   "RANDOM", "GENERATE",
                                                        "SKIP",  "DISABLE", "ENABLE", "REQUIRE"};

// Words before KEY that make it something other than a credential.
constexpr std::array<std::string_view, 12> kNonSecretKeyPrefixes = {
    "PUBLIC",  "PUBLISHABLE", "CACHE",   "SORT", "PARTITION", "RANGE",
    "PRIMARY", "FOREIGN",     "ROUTING", "GPG",  "PGP",       "IDEMPOTENCY"};

// The next n characters after at are all in the set described by accept.
template <typename Accept>
size_t run_length(std::string_view text, size_t at, Accept accept) {
  size_t end = at;
  while (end < text.size() && accept(text[end])) ++end;
  return end - at;
}

bool token_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }
bool upper_or_digit(char c) { return is_upper(c) || std::isdigit(static_cast<unsigned char>(c)); }

// A prefix at a word boundary followed by at least min_length characters accept allows.
template <typename Accept>
bool has_prefixed_token(std::string_view value, std::string_view prefix, size_t min_length,
                        Accept accept) {
  for (size_t at = value.find(prefix); at != std::string_view::npos;
       at = value.find(prefix, at + 1)) {
    if (at > 0 && token_char(value[at - 1])) continue;
    if (run_length(value, at + prefix.size(), accept) >= min_length) return true;
  }
  return false;
}

// scheme://user:password@host with a literal password.
bool has_url_password(std::string_view value) {
  for (size_t scheme = value.find("://"); scheme != std::string_view::npos;
       scheme = value.find("://", scheme + 3)) {
    std::string_view rest = value.substr(scheme + 3);
    size_t end = rest.find_first_of("/?# \t");
    std::string_view authority = rest.substr(0, end);
    size_t at = authority.rfind('@');
    if (at == std::string_view::npos) continue;
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view password = userinfo.substr(colon + 1);
    if (password.empty() || password.front() == '$' || password.find("{{") != password.npos)
      continue;
    return true;
  }
  return false;
}

// A PEM private key with a body the size of a real key: a test stub such as
// "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----" is not one
// (the smallest real key, a 256-bit EC key, holds over 160 base64 characters).
bool has_private_key_block(std::string_view value) {
  size_t pem = value.find("-----BEGIN");
  if (pem == std::string_view::npos) return false;
  size_t label = value.find("PRIVATE KEY-----", pem);
  if (label == std::string_view::npos) return false;
  size_t body = label + 16;
  size_t end = value.find("-----END", body);
  if (end == std::string_view::npos) return true;  // the body continues past what is seen
  std::string_view text = value.substr(body, end - body);
  size_t base64 = 0;
  for (char c : text) {
    if (is_alnum(c) || c == '+' || c == '/') ++base64;
  }
  return base64 >= 100;
}

}  // namespace

bool looks_like_secret_name(std::string_view name) {
  std::vector<std::string> words = words_of(name);
  if (words.empty()) return false;
  if (words.size() == 1 && words[0] == "PWD") return false;
  for (const auto& word : words)
    if (one_of(word, kFlagWords)) return false;
  // The last word that holds a secret; what follows it may describe it instead (TOKEN_TTL).
  size_t last_secret = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    bool secret = std::any_of(kSecretWords.begin(), kSecretWords.end(),
                              [&](std::string_view s) { return word == s || ends_with(word, s); });
    bool last = i + 1 == words.size();
    if (!secret && words.size() > 1 && last && (word == "PASS" || word == "PWD")) secret = true;
    if (!secret && (word == "KEY" || word == "KEYS"))
      secret = i == 0 ? words.size() == 1 : !one_of(words[i - 1], kNonSecretKeyPrefixes);
    if (secret) last_secret = i;
  }
  if (last_secret == words.size()) return false;
  for (size_t i = last_secret + 1; i < words.size(); ++i)
    if (one_of(words[i], kDescriptiveWords)) return false;
  return true;
}

bool looks_like_secret_value(std::string_view value) {
  auto alnum = [](char c) { return is_alnum(c); };
  auto alnum_underscore = [](char c) { return is_alnum(c) || c == '_'; };
  if (has_prefixed_token(value, "AKIA", 16, upper_or_digit)) return true;
  if (has_prefixed_token(value, "ASIA", 16, upper_or_digit)) return true;
  for (std::string_view prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    if (has_prefixed_token(value, prefix, 30, alnum)) return true;
  if (has_prefixed_token(value, "github_pat_", 22, alnum_underscore)) return true;
  if (has_prefixed_token(value, "glpat-", 20, token_char)) return true;
  for (std::string_view prefix : {"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"})
    if (has_prefixed_token(value, prefix, 10, token_char)) return true;
  if (has_prefixed_token(value, "sk_live_", 16, alnum)) return true;
  if (has_prefixed_token(value, "rk_live_", 16, alnum)) return true;
  if (has_prefixed_token(value, "AIza", 35, token_char)) return true;
  if (has_prefixed_token(value, "npm_", 36, alnum)) return true;
  if (has_private_key_block(value)) return true;
  // A JSON web token: base64url header and payload, both JSON objects ("eyJ" is '{"').
  for (size_t at = value.find("eyJ"); at != std::string_view::npos;
       at = value.find("eyJ", at + 1)) {
    if (at > 0 && token_char(value[at - 1])) continue;
    size_t header = run_length(value, at, token_char);
    if (header >= 10 && at + header + 4 < value.size() && value[at + header] == '.' &&
        value.substr(at + header + 1, 3) == "eyJ")
      return true;
  }
  return has_url_password(value);
}

bool is_local_connection_url(std::string_view value) {
  size_t scheme = value.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = value.substr(scheme + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?# \t"));
  size_t at = authority.rfind('@');
  std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
  if (host.starts_with('[')) return host.starts_with("[::1]");
  host = host.substr(0, host.find(':'));
  if (host.empty()) return false;
  for (std::string_view local : {"localhost", "127.0.0.1", "0.0.0.0", "host.docker.internal"}) {
    if (host == local) return true;
  }
  return false;
}

bool is_indirect_value(std::string_view value) {
  value = core::trim(value);
  if (value.empty()) return true;
  if (value.front() == '$' || value.find("${") != std::string_view::npos) return true;
  if (value.find("{{") != std::string_view::npos) return true;
  return value.substr(0, 13) == "/run/secrets/";
}

namespace {

std::string unquoted_lower(std::string_view value) {
  std::string lower = core::to_lower(core::trim(value));
  if (lower.size() >= 2 && (lower.front() == '"' || lower.front() == '\'') &&
      lower.back() == lower.front())
    lower = lower.substr(1, lower.size() - 2);
  return lower;
}

}  // namespace

bool declares_placeholder(std::string_view value) {
  std::string lower = unquoted_lower(value);
  if (lower.empty()) return true;
  if (lower.front() == '<' && lower.back() == '>') return true;
  if (std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower.front(); }))
    return true;  // "xxxxxx", "******"
  for (std::string_view word :
       {"changethis", "changeme",     "change_me",  "change-me",    "replace_me",
        "replace-me", "replaceme",    "your_",      "your-",        "placeholder",
        "example",    "dummy",        "todo",       "fixme",        "redacted",
        "fake",       "not-a-secret", "notasecret", "not_a_secret", "replace_",
        "replace-",   "_here",        "-here",      "insert_",      "insert-"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  // The metasyntactic words: a value nobody would choose for a credential they meant to keep.
  for (std::string_view word : {"foobar", "foo", "bar", "baz", "foobarbaz"}) {
    if (lower == word) return true;
  }
  return false;
}

bool is_placeholder_value(std::string_view value) {
  if (declares_placeholder(value)) return true;
  std::string lower = unquoted_lower(value);
  // The stand-ins every tutorial and seed script uses: no one's credential, whoever reads them.
  for (std::string_view word : {"secret", "s3cret", "password", "passw0rd", "p@ssw0rd", "pass",
                                "admin", "root", "test", "demo", "changeit", "default"}) {
    if (lower == word) return true;
  }
  return golive::secrets::names_a_credential(lower);
}

std::string redact(std::string_view value) {
  size_t shown = std::min<size_t>(4, value.size() / 4);
  return std::string(value.substr(0, shown)) + "\u2026(" + std::to_string(value.size()) + " chars)";
}

}  // namespace golive::rules
