#include "secrets/filters.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>

#include "core/strings.h"
#include "walk/roles.h"

namespace golive::secrets {
namespace {

constexpr std::array<std::string_view, 17> kPlaceholderWords = {
    "example", "xxxx",   "placeholder", "your", "changeme", "change_me",
    "dummy",   "sample", "redacted",    "****", "...",      "<",
    ">",       "${",     "{{",          "%s",   "insert"};

constexpr std::array<std::string_view, 8> kLookupPrefixes = {
    "process.env", "os.environ", "os.getenv", "env(", "getenv(", "$", "settings.", "config."};

// Keys vendors publish for their local emulators: everyone has them and they unlock nothing.
constexpr std::array<std::string_view, 1> kPublishedEmulatorKeys = {
    // Azurite, the Azure Storage emulator (account devstoreaccount1).
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
};

bool one_repeated_character(std::string_view text) {
  return text.find_first_not_of(text.front()) == std::string_view::npos;
}

// "123456789", "abcdefgh", "987654321": keyboard runs people type as stand-ins.
bool has_long_sequential_run(std::string_view text) {
  constexpr int kRun = 6;
  int up = 1;
  int down = 1;
  for (size_t i = 1; i < text.size(); ++i) {
    int step = static_cast<unsigned char>(text[i]) - static_cast<unsigned char>(text[i - 1]);
    up = step == 1 ? up + 1 : 1;
    down = step == -1 ? down + 1 : 1;
    if (up >= kRun || down >= kRun) return true;
  }
  return false;
}

// "priceOrderHandler", "export_sort-key": words joined like a name in code, no digit at all.
// A generated secret of that length almost always holds a digit (a 16-character base-62 string
// has none with probability 6%; 32 characters, 0.4%).
bool looks_like_identifier(std::string_view text) {
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  }
  return true;
}

}  // namespace

double shannon_entropy(std::string_view text) {
  if (text.empty()) return 0.0;
  std::array<int, 256> counts{};
  for (unsigned char c : text) ++counts[c];
  double entropy = 0.0;
  const auto total = static_cast<double>(text.size());
  for (int count : counts) {
    if (count == 0) continue;
    double p = count / total;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

bool is_placeholder(std::string_view secret) {
  if (secret.empty() || one_repeated_character(secret)) return true;
  for (std::string_view key : kPublishedEmulatorKeys) {
    if (secret == key) return true;
  }
  std::string text = core::to_lower(secret);
  for (std::string_view word : kPlaceholderWords) {
    if (text.find(word) != std::string::npos) return true;
  }
  for (std::string_view prefix : kLookupPrefixes) {
    if (text.starts_with(prefix)) return true;
  }
  return has_long_sequential_run(text) || looks_like_identifier(secret) || names_a_credential(text);
}

// "Database:Password", "password_hash_b64", "SET_A_PASSWORD_HERE_123",
// "pm-27086-update-authentication-apis-for-input-password": a name with the word for a
// credential among its parts names a setting, a parameter or a flag; it is not the credential.
bool names_a_credential(std::string_view lower) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "password", "passwd", "pwd", "secret", "token", "apikey", "credential", "credentials"};
  size_t parts = 0;
  bool named = false;
  size_t start = 0;
  for (size_t i = 0; i <= lower.size(); ++i) {
    bool separator = i == lower.size() || lower[i] == '_' || lower[i] == '-' || lower[i] == ':' ||
                     lower[i] == '.' || lower[i] == '/' || lower[i] == ' ';
    if (!separator) continue;
    if (i > start) {
      ++parts;
      std::string_view part = lower.substr(start, i - start);
      for (std::string_view word : kWords) named = named || part == word;
      // A long run of letters and digits is a key, not a word of a name ("AGE-SECRET-KEY-1M8A...").
      bool letters =
          std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!letters && part.size() > 8) return false;
    }
    start = i + 1;
  }
  return named && parts >= 2;
}

bool is_test_path(std::string_view path) { return walk::has_test_convention(path); }

bool contains_keyword(std::string_view text, std::initializer_list<std::string_view> keywords) {
  for (std::string_view keyword : keywords) {
    if (core::contains_ci(text, keyword)) return true;
  }
  return false;
}

}  // namespace golive::secrets
