#pragma once
// Accepted findings. Entries are keyed by fingerprint (rule, path and secret), never by line, so
// a baseline survives edits above the secret; the other fields are there for reviewers.
#include <string>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "secrets/detector.h"

namespace golive::secrets {

inline constexpr std::string_view kBaselineSchema = "golive-secrets-baseline/1";

struct Baseline {
  std::unordered_set<std::string> fingerprints;
  [[nodiscard]] bool accepts(const SecretFinding& finding) const {
    return fingerprints.count(finding.fingerprint) > 0;
  }
};

core::Result<Baseline> read_baseline(const std::string& path);
std::string baseline_json(const std::vector<SecretFinding>& findings);

}  // namespace golive::secrets
