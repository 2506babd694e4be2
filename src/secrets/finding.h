#pragma once
// A committed secret as every layer above secrets sees it: the model carries these for the scan,
// and reports print them. Kept apart from detector.h so that including a finding does not pull
// in the detector.
#include <string>

#include "secrets/secret_rule.h"

namespace golive::secrets {

struct SecretFinding {
  std::string rule_id;  // "secrets/aws-access-key-id"
  std::string description;
  std::string path;
  int line = 0;             // 1-based
  int column = 0;           // 1-based, in bytes
  std::string redacted;     // first four characters and the length; never the secret itself
  std::string fingerprint;  // hash of rule, path and secret: stable when lines move
  SecretSeverity severity = SecretSeverity::kError;
  bool in_test_path = false;
  // Another secret scanner's marker on the line ("gitleaks:allow", detect-secrets' "pragma:
  // allowlist secret"): the team already accepted this one.
  std::string suppressed_by;
  // The file says its keys are made up: a header such as "TEST-ONLY KEYS, NOT REAL
  // CREDENTIALS", or a name such as localhost.key or snakeoil.pem.
  bool declared_fake = false;
  // Set for findings from history: where the secret first appeared.
  std::string commit;
  std::string author;
  std::string date;  // ISO 8601, UTC
};

}  // namespace golive::secrets
