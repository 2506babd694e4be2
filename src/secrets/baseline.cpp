#include "secrets/baseline.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace golive::secrets {

core::Result<Baseline> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{"cannot read the baseline", path};
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json document = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (document.is_discarded()) return core::Error{"the baseline is not valid JSON", path};
  if (!document.is_object() || document.value("schema", "") != kBaselineSchema)
    return core::Error{R"(not a golive secrets baseline (expected "schema": ")" +
                           std::string(kBaselineSchema) + "\")",
                       path};
  Baseline baseline;
  const auto& findings = document["findings"];
  if (!findings.is_array()) return core::Error{"\"findings\" must be a list", path};
  for (const auto& entry : findings) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string())
      return core::Error{"every finding needs a \"fingerprint\" string", path};
    baseline.fingerprints.insert(entry["fingerprint"].get<std::string>());
  }
  return baseline;
}

std::string baseline_json(const std::vector<SecretFinding>& findings) {
  nlohmann::json list = nlohmann::json::array();
  std::unordered_set<std::string> written;
  for (const auto& finding : findings) {
    if (!written.insert(finding.fingerprint).second) continue;
    nlohmann::json entry = {{"fingerprint", finding.fingerprint},
                            {"rule", finding.rule_id},
                            {"path", finding.path},
                            {"line", finding.line},
                            {"secret", finding.redacted}};
    if (!finding.commit.empty()) entry["commit"] = finding.commit;
    list.push_back(std::move(entry));
  }
  nlohmann::json document = {{"schema", kBaselineSchema}, {"findings", std::move(list)}};
  return document.dump(2) + "\n";
}

}  // namespace golive::secrets
