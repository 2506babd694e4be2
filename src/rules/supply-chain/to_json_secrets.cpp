#include <re2/re2.h>

#include <algorithm>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

void scan(RuleContext& context, Once& once, const std::string& path, const parse::Node& node) {
  if (node.is_scalar()) {
    static const RE2 kAllSecrets(R"((?i)(tojson\s*\(\s*secrets\s*\)))");
    re2::StringPiece match;
    if (!RE2::PartialMatch(node.value, kAllSecrets, &match)) return;
    auto offset = static_cast<size_t>(match.data() - node.value.data());
    int line = node.mark.line;
    // A block scalar ("run: |") starts on the line after its key.
    if (node.value.find('\n') != std::string::npos && node.mark.line == node.key_mark.line) {
      line += 1 + static_cast<int>(std::count(
                      node.value.begin(), node.value.begin() + static_cast<long>(offset), '\n'));
    }
    if (!once.first(path, line)) return;
    std::string where = node.key.empty() ? "" : " in '" + node.key + "'";
    context.report(
        "workflow " + path + " passes every secret at once with 'toJSON(secrets)'" + where, path,
        line, 0, core::excerpt(core::trim(node.value), 120));
    return;
  }
  for (const auto& child : node.children) scan(context, once, path, child);
}

void check(RuleContext& context) {
  bool any = false;
  Once once;
  const auto& model = context.model();
  for (const auto* file : model.files_of(walk::FileKind::kGithubWorkflow)) {
    const model::YamlDocumentSet* set = model.yaml_file(file->path);
    if (set == nullptr) continue;
    any = true;
    for (const auto& document : set->documents) scan(context, once, set->path, document);
  }
  if (!any) context.not_applicable("no GitHub workflows");
}

}  // namespace

extern const Rule kToJsonSecrets;
const Rule kToJsonSecrets{
    {.id = "supply-chain/to-json-secrets",
     .section = "supply-chain",
     .title = "Workflows never hand over all secrets with toJSON(secrets)",
     .severity = Severity::kWarning,
     .seeds = "004 T016",
     .rationale =
         "toJSON(secrets) serialises every secret the workflow can see into one value, so the "
         "step that receives it (and anything it runs or logs) holds all of them, well beyond "
         "the ones it needs; GitHub masks each secret in logs, not every encoding of the JSON.",
     .remediation =
         "Pass each secret the step needs by name, e.g. 'env: { NPM_TOKEN: ${{ "
         "secrets.NPM_TOKEN }} }'; for a dynamic lookup use a matrix or the secrets of a "
         "deployment environment scoped to that job.",
     .also = "zizmor overprovisioned-secrets"},
    check};

}  // namespace golive::rules::supply_chain
