#include <algorithm>
#include <array>

#include "core/strings.h"
#include "rules/rule.h"

namespace golive::rules::supply_chain {
namespace {

constexpr std::array<std::string_view, 10> kScanners = {
    "gitleaks", "detect-secrets", "trufflehog",  "ggshield",   "ripsecrets",
    "talisman", "secretlint",     "git-secrets", "kingfisher", "noseyparker"};

bool names_scanner(std::string_view text) {
  std::string lower = core::to_lower(text);
  return std::any_of(kScanners.begin(), kScanners.end(), [&](std::string_view scanner) {
    return lower.find(scanner) != std::string::npos;
  });
}

// Any scalar in the tree names a secret scanner.
bool mentions_scanner(const parse::Node& node) {
  if (node.is_scalar()) return names_scanner(node.value);
  return std::any_of(node.children.begin(), node.children.end(),
                     [](const parse::Node& child) { return mentions_scanner(child); });
}

bool pre_commit_scans(const parse::Node& root) {
  const parse::Node* repos = root.find("repos");
  if (repos == nullptr) return false;
  for (const auto& repo : repos->children) {
    if (names_scanner(repo.get("repo"))) return true;
    const parse::Node* hooks = repo.find("hooks");
    if (hooks == nullptr) continue;
    for (const auto& hook : hooks->children) {
      for (const char* key : {"id", "entry", "name", "alias"}) {
        if (names_scanner(hook.get(key))) return true;
      }
    }
  }
  return false;
}

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.files.empty()) return context.not_applicable("the repository is empty");
  const model::SourceFile* config = model.file(".pre-commit-config.yaml");
  if (config == nullptr) config = model.file(".pre-commit-config.yml");
  for (std::string_view lefthook : {"lefthook.yml", ".lefthook.yml", "lefthook.yaml"}) {
    const auto* set = model.yaml_file(lefthook);
    if (set == nullptr || set->documents.empty()) continue;
    const parse::Node* hook = set->documents.front().find("pre-commit");
    if (hook != nullptr && mentions_scanner(*hook)) return;
  }
  if (config == nullptr) {
    for (std::string_view script : {".husky/pre-commit", ".githooks/pre-commit"}) {
      if (model.file(script) != nullptr) {
        return context.not_applicable(std::string(script) +
                                      " is a shell script golive does not read");
      }
    }
    context.report(
        "no pre-commit hook scans for secrets: there is no .pre-commit-config.yaml running "
        "gitleaks or detect-secrets");
    return;
  }
  const auto* set = model.yaml_file(config->path);
  if (set == nullptr || set->documents.empty() || !set->documents.front().is_map()) {
    return context.not_applicable(config->path + " does not parse");
  }
  const parse::Node& root = set->documents.front();
  if (pre_commit_scans(root)) return;
  const parse::Node* repos = root.find("repos");
  context.report(config->path +
                     " runs no secret-scanning hook (gitleaks, detect-secrets, trufflehog, "
                     "ggshield)",
                 config->path, repos != nullptr ? repos->key_mark.line : root.mark.line);
}

}  // namespace

extern const Rule kMissingPrecommitSecretScan;
const Rule kMissingPrecommitSecretScan{
    {.id = "supply-chain/missing-precommit-secret-scan",
     .section = "supply-chain",
     .title = "Secrets are caught before commit",
     .severity = Severity::kInfo,
     .seeds = "003 P2-05, 000 T010",
     .rationale =
         "A secret found by CI is already in the history of a pushed branch and must be "
         "rotated; a pre-commit hook stops it on the developer's machine, before it leaves. It "
         "complements the CI scan, which still catches commits made without the hook.",
     .remediation =
         "Add to .pre-commit-config.yaml: '- repo: https://github.com/gitleaks/gitleaks / rev: "
         "v8.24.2 / hooks: [{ id: gitleaks }]' (or Yelp/detect-secrets with a baseline), and "
         "have contributors run 'pre-commit install'.",
     .also = "pre-commit gitleaks, detect-secrets"},
    check};

}  // namespace golive::rules::supply_chain
