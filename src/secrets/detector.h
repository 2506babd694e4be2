#pragma once
// Finds committed secrets in bytes: every rule's pattern in one Vectorscan database (a single
// pass over the text), then RE2 on the lines that matched to extract the secret, then filters.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct hs_database;
namespace re2 {
class RE2;
}
#include "secrets/finding.h"
#include "secrets/secret_rule.h"

namespace golive::secrets {

class Detector {
 public:
  // Compiles the rules into one database; fails with the rule id when a pattern does not compile.
  // The rules must outlive the detector.
  static core::Result<std::shared_ptr<const Detector>> compile(std::span<const SecretRule> rules);
  // The built-in table, compiled once per process on first use.
  static const Detector& builtin();

  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  // Every finding in the text, in order of position. Binary content yields nothing. Lines with a
  // "golive:ignore secrets/<id> -- reason" comment on them or the line above are skipped.
  // Thread-safe: each thread gets its own scratch space.
  [[nodiscard]] std::vector<SecretFinding> scan(std::string_view text, std::string_view path) const;
  // As above, with the caller's judgement of whether path holds tests or fixtures (whose
  // findings are warnings); the overload above judges by path conventions (walk/roles.h).
  [[nodiscard]] std::vector<SecretFinding> scan(std::string_view text, std::string_view path,
                                                bool test_path) const;

  [[nodiscard]] std::span<const SecretRule> rules() const { return rules_; }

 private:
  struct Compiled;
  Detector(std::span<const SecretRule> rules, hs_database* database);
  [[nodiscard]] const re2::RE2& extractor(unsigned rule) const;
  std::span<const SecretRule> rules_;
  std::unique_ptr<Compiled> compiled_;
};

// "ghp_… (40 chars)": enough to recognise a secret in a report without revealing it.
std::string redact(std::string_view secret);
// Hex SHA-256 of rule id, path and secret (truncated to 32 characters).
std::string fingerprint(std::string_view rule_id, std::string_view path, std::string_view secret);
// True when the first bytes hold a NUL, as compiled and image files do.
bool looks_binary(std::string_view text);

}  // namespace golive::secrets
