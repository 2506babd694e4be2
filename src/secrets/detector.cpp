#include "secrets/detector.h"

#include <hs/hs.h>
#include <openssl/evp.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "core/strings.h"
#include "parse/suppressions.h"
#include "secrets/database.h"
#include "secrets/filters.h"
#include "secrets/rules.h"

namespace golive::secrets {

struct Detector::Compiled {
  hs_database_t* database = nullptr;
  // RE2 for a rule is compiled the first time that rule matches: most never do in a given run.
  std::vector<std::unique_ptr<RE2>> extractors;
  std::unique_ptr<std::once_flag[]> extractor_once;
  ~Compiled() { hs_free_database(database); }
};

namespace {

constexpr size_t kBinarySniffBytes = 8000;
constexpr size_t kMultilineWindow = 2048;  // a PEM block's header and first body line fit
constexpr size_t kLongLineWindow = 2048;   // each side of a match on a minified line
constexpr size_t kKeywordReach = 80;

// Each thread keeps one scratch space, grown to fit every database it has scanned with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  const hs_database_t* sized_for = nullptr;
  ~ThreadScratch() { hs_free_scratch(scratch); }
};

hs_scratch_t* scratch_for(const hs_database_t* database) {
  thread_local ThreadScratch cache;
  if (cache.sized_for != database) {
    if (hs_alloc_scratch(database, &cache.scratch) != HS_SUCCESS)
      throw std::runtime_error("cannot allocate Vectorscan scratch space");
    cache.sized_for = database;
  }
  return cache.scratch;
}

struct Window {
  unsigned rule = 0;
  size_t begin = 0;
  size_t end = 0;
};

size_t line_begin(std::string_view text, size_t pos) {
  size_t found = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  if (pos == 0 || found == std::string_view::npos) return 0;
  return found + 1;
}

size_t line_end(std::string_view text, size_t pos) {
  size_t found = text.find('\n', pos);
  return found == std::string_view::npos ? text.size() : found;
}

// Collects, per rule, the windows where Vectorscan saw a match end; one window per line.
struct MatchCollector {
  std::string_view text;
  std::span<const SecretRule> rules;
  std::vector<size_t> covered_until;
  std::vector<Window> windows;

  void add(unsigned rule, size_t match_end) {
    if (match_end <= covered_until[rule]) return;
    size_t last = match_end == 0 ? 0 : match_end - 1;
    if (rules[rule].multiline) {
      // A block (a PEM key) may start lines before its match ends: look both ways.
      size_t begin = line_begin(text, last > kMultilineWindow ? last - kMultilineWindow : 0);
      size_t end = std::min(text.size(), last + kMultilineWindow);
      covered_until[rule] = end;
      windows.push_back({rule, begin, end});
      return;
    }
    size_t begin = line_begin(text, last);
    size_t end = line_end(text, last);
    if (end - begin > 2 * kLongLineWindow) {
      begin = std::max(begin, last > kLongLineWindow ? last - kLongLineWindow : 0);
      end = std::min(end, last + kLongLineWindow);
    }
    covered_until[rule] = end;
    windows.push_back({rule, begin, end});
  }
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to,
             unsigned int /*flags*/, void* context) {
  static_cast<MatchCollector*>(context)->add(id, static_cast<size_t>(to));
  return 0;
}

struct RawHit {
  unsigned rule = 0;
  size_t offset = 0;
  std::string_view secret;
};

bool keyword_near(std::string_view text, size_t match_begin, size_t match_end,
                  const SecretRule& rule) {
  if (rule.keywords.size() == 0) return true;
  size_t begin = std::min(line_begin(text, match_begin),
                          match_begin > kKeywordReach ? match_begin - kKeywordReach : 0);
  begin = std::max(begin, match_begin > kLongLineWindow ? match_begin - kLongLineWindow : 0);
  size_t end = std::min(line_end(text, match_end), match_end + kLongLineWindow);
  return contains_keyword(text.substr(begin, end - begin), rule.keywords);
}

bool passes_filters(std::string_view text, const SecretRule& rule, std::string_view secret,
                    size_t match_begin, size_t match_end) {
  if (secret.empty() || is_placeholder(secret)) return false;
  if (rule.min_entropy > 0 && shannon_entropy(secret) < rule.min_entropy) return false;
  return keyword_near(text, match_begin, match_end, rule);
}

void extract(std::string_view text, const Window& window, const SecretRule& rule, const RE2& re,
             std::vector<RawHit>& hits) {
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> captured(static_cast<size_t>(groups) + 1);
  // The window is its own text, so ^ and $ in a pattern mean the edges of the line.
  re2::StringPiece line(text.data() + window.begin, window.end - window.begin);
  size_t pos = 0;
  while (pos < line.size() &&
         re.Match(line, pos, line.size(), RE2::UNANCHORED, captured.data(), groups + 1)) {
    const re2::StringPiece& match = captured[0];
    auto match_begin = static_cast<size_t>(match.data() - text.data());
    size_t match_end = match_begin + match.size();
    const re2::StringPiece& group = captured[static_cast<size_t>(rule.secret_group)];
    if (group.data() != nullptr) {
      std::string_view secret(group.data(), group.size());
      // A block is reported where it starts (the BEGIN line), anything else at the secret.
      size_t at = rule.multiline ? match_begin : static_cast<size_t>(group.data() - text.data());
      if (passes_filters(text, rule, secret, match_begin, match_end))
        hits.push_back({window.rule, at, secret});
    }
    pos = (match.empty() ? match_end + 1 : match_end) - window.begin;
  }
}

// Whether the hit's line or the line above carries "golive:ignore <rule_id> -- reason". Only
// those two lines are read: most files with a hit have no suppression at all.
bool suppressed(std::string_view text, size_t offset, std::string_view rule_id) {
  size_t begin = line_begin(text, offset);
  if (begin > 0) begin = line_begin(text, begin - 1);
  std::string_view lines = text.substr(begin, line_end(text, offset) - begin);
  if (lines.find("golive:ignore") == std::string_view::npos) return false;
  for (const auto& suppression : parse::find_suppressions(lines)) {
    if (suppression.rule_id == rule_id && !suppression.reason.empty()) return true;
  }
  return false;
}

// Another secret scanner's marker on the hit's line (or detect-secrets' on the line above).
std::string scanner_marker(std::string_view text, size_t offset) {
  size_t begin = line_begin(text, offset);
  std::string_view line = text.substr(begin, line_end(text, offset) - begin);
  std::string_view previous;
  if (begin > 0) {
    size_t previous_begin = line_begin(text, begin - 1);
    previous = text.substr(previous_begin, begin - 1 - previous_begin);
  }
  return parse::secret_scanner_marker(line, previous);
}

// Whether a PEM certificate in the text names localhost (as its subject or an alternative
// name): a key pair for a server on the developer's own machine or a test cluster's fake ACME
// server, which nobody can use against anyone else. Reads at most four certificates.
bool certifies_localhost(std::string_view text) {
  constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
  constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
  constexpr size_t kMaxCertificate = size_t{16} * 1024;
  size_t at = text.find(kBegin);
  for (int seen = 0; at != std::string_view::npos && seen < 4; ++seen) {
    size_t body = at + kBegin.size();
    size_t end = text.find(kEnd, body);
    if (end == std::string_view::npos || end - body > kMaxCertificate) return false;
    std::string base64;
    for (char c : text.substr(body, end - body)) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '=')
        base64 += c;
    }
    if (base64.size() % 4 == 0 && !base64.empty()) {
      std::string der(base64.size() / 4 * 3 + 1, '\0');
      int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(der.data()),
                                    reinterpret_cast<const unsigned char*>(base64.data()),
                                    static_cast<int>(base64.size()));
      if (decoded > 0 &&
          core::contains(std::string_view(der).substr(0, static_cast<size_t>(decoded)),
                         "localhost"))
        return true;
    }
    at = text.find(kBegin, end + kEnd.size());
  }
  return false;
}

// Whether the file declares its keys made up, in its name or in the first lines of its text,
// or holds a certificate for localhost beside them.
bool declares_fake(std::string_view text, std::string_view path) {
  std::string name = core::to_lower(path.substr(path.rfind('/') + 1));
  for (std::string_view word : {"localhost", "snakeoil", "dummy", "fake"}) {
    if (core::contains(name, word)) return true;
  }
  std::string head = core::to_lower(text.substr(0, 2048));
  for (std::string_view phrase :
       {"not real credentials", "not real keys", "not real secrets", "test-only key",
        "test only key", "fake key", "dummy key", "for testing only", "for tests only",
        "never used in production", "do not use in production"}) {
    if (core::contains(head, phrase)) return true;
  }
  return certifies_localhost(text);
}

}  // namespace

namespace {

std::unique_ptr<RE2> make_extractor(const SecretRule& rule) {
  RE2::Options options;
  options.set_log_errors(false);
  // Patterns with bounded repeats make large DFAs; room for them avoids rebuilding the cache.
  options.set_max_mem(64 << 20);
  return std::make_unique<RE2>(re2::StringPiece(rule.pattern.data(), rule.pattern.size()), options);
}

}  // namespace

Detector::Detector(std::span<const SecretRule> rules, hs_database_t* database)
    : rules_(rules), compiled_(std::make_unique<Compiled>()) {
  compiled_->database = database;
  compiled_->extractors.resize(rules.size());
  compiled_->extractor_once = std::make_unique<std::once_flag[]>(rules.size());
}

const RE2& Detector::extractor(unsigned rule) const {
  std::call_once(compiled_->extractor_once[rule],
                 [&] { compiled_->extractors[rule] = make_extractor(rules_[rule]); });
  return *compiled_->extractors[rule];
}

core::Result<std::shared_ptr<const Detector>> Detector::compile(std::span<const SecretRule> rules) {
  for (const SecretRule& rule : rules) {
    auto re = make_extractor(rule);
    if (!re->ok())
      return core::Error{"secret rule '" + std::string(rule.id) + "': " + re->error(), ""};
    if (rule.secret_group < 0 || rule.secret_group > re->NumberOfCapturingGroups())
      return core::Error{"secret rule '" + std::string(rule.id) + "': no capture group " +
                             std::to_string(rule.secret_group),
                         ""};
  }
  auto database = compile_database(rules);
  if (!database.ok()) return database.error();
  return std::shared_ptr<const Detector>(new Detector(rules, *database));
}

const Detector& Detector::builtin() {
  static const std::shared_ptr<const Detector> kDetector = [] {
    // The database compiled at build time loads in a millisecond; compiling takes half a second.
    std::string_view embedded = embedded_database();
    hs_database_t* database = nullptr;
    if (!embedded.empty() &&
        hs_deserialize_database(embedded.data(), embedded.size(), &database) == HS_SUCCESS)
      return std::shared_ptr<const Detector>(new Detector(builtin_rules(), database));
    auto compiled = compile(builtin_rules());
    if (!compiled.ok()) throw std::logic_error("built-in " + compiled.error().message);
    return compiled.value();
  }();
  return *kDetector;
}

Detector::~Detector() = default;

std::vector<SecretFinding> Detector::scan(std::string_view text, std::string_view path) const {
  return scan(text, path, is_test_path(path));
}

std::vector<SecretFinding> Detector::scan(std::string_view text, std::string_view path,
                                          bool test_path) const {
  std::vector<SecretFinding> findings;
  if (text.empty() || looks_binary(text)) return findings;
  MatchCollector collector{text, rules_, std::vector<size_t>(rules_.size(), 0), {}};
  hs_scan(compiled_->database, text.data(), static_cast<unsigned>(text.size()), 0,
          scratch_for(compiled_->database), on_match, &collector);
  if (collector.windows.empty()) return findings;

  std::vector<RawHit> hits;
  for (const Window& window : collector.windows)
    extract(text, window, rules_[window.rule], extractor(window.rule), hits);
  // Among rules that found the same secret, the specific ones (errors) come before the generic
  // ones (warnings), then table order.
  auto rank = [this](const RawHit& hit) {
    return std::make_tuple(hit.offset, rules_[hit.rule].severity != SecretSeverity::kError,
                           hit.rule);
  };
  std::sort(hits.begin(), hits.end(),
            [&](const RawHit& a, const RawHit& b) { return rank(a) < rank(b); });
  // One secret, one finding: where formats overlap (a postgres:// URL is also a DATABASE_URL),
  // the first in that order reports it.
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const RawHit& a, const RawHit& b) { return a.offset == b.offset; }),
             hits.end());

  int line = 1;
  size_t counted_to = 0;
  const bool fake = !hits.empty() && declares_fake(text, path);
  for (const RawHit& hit : hits) {
    line +=
        static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                    text.begin() + static_cast<std::ptrdiff_t>(hit.offset), '\n'));
    counted_to = hit.offset;
    const SecretRule& rule = rules_[hit.rule];
    std::string rule_id = "secrets/" + std::string(rule.id);
    if (suppressed(text, hit.offset, rule_id)) continue;
    SecretFinding finding;
    finding.rule_id = std::move(rule_id);
    finding.description = rule.description;
    finding.path = path;
    finding.line = line;
    finding.column = static_cast<int>(hit.offset - line_begin(text, hit.offset)) + 1;
    finding.redacted = redact(hit.secret);
    finding.fingerprint = fingerprint(finding.rule_id, path, hit.secret);
    finding.in_test_path = test_path;
    finding.severity = test_path ? SecretSeverity::kWarning : rule.severity;
    finding.suppressed_by = scanner_marker(text, hit.offset);
    finding.declared_fake = fake;
    findings.push_back(std::move(finding));
  }
  return findings;
}

std::string redact(std::string_view secret) {
  size_t shown = secret.size() >= 16 ? 4 : secret.size() / 4;
  return std::string(secret.substr(0, shown)) + "... (" + std::to_string(secret.size()) + " chars)";
}

std::string fingerprint(std::string_view rule_id, std::string_view path, std::string_view secret) {
  std::string input;
  input.reserve(rule_id.size() + path.size() + secret.size() + 2);
  input.append(rule_id).push_back('\0');
  input.append(path).push_back('\0');
  input.append(secret);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < 16 && i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

bool looks_binary(std::string_view text) {
  return std::memchr(text.data(), '\0', std::min(text.size(), kBinarySniffBytes)) != nullptr;
}

}  // namespace golive::secrets
