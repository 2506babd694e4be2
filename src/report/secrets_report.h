#pragma once
// Reports of `golive secrets`: text, JSON and SARIF. Secrets appear only redacted.
#include <string>
#include <string_view>
#include <vector>

#include "secrets/detector.h"
#include "secrets/sources.h"

namespace golive::report {

struct SecretsReport {
  std::string mode;  // "tree", "history" or "staged"
  std::string root;
  std::vector<secrets::SecretFinding> findings;   // new findings
  std::vector<secrets::SecretFinding> baselined;  // accepted in the baseline
  std::vector<std::string> problems;
  uint64_t files = 0;
  uint64_t bytes = 0;
  uint64_t commits = 0;
  bool color = false;
};

bool is_secrets_format(std::string_view format);
std::string render_secrets(std::string_view format, const SecretsReport& report);

}  // namespace golive::report
