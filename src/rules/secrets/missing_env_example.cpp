#include "rules/rule.h"

namespace golive::rules::secrets {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (model.env_expectations.empty()) return context.not_applicable("nothing loads a .env file");
  for (const auto& env : model.env_files) {
    if (env.is_template) return;
  }
  const auto& evidence = model.env_expectations.front();
  context.report("the code loads a .env file (" + evidence.reason +
                     ") but no .env.example documents its variables",
                 evidence.path, evidence.line);
}

}  // namespace

extern const Rule kMissingEnvExample;
const Rule kMissingEnvExample{
    {.id = "secrets/missing-env-example",
     .section = "secrets",
     .title = "A .env.example documents the environment",
     .severity = Severity::kWarning,
     .seeds = "001 T111, 002 §1, 004 T013",
     .rationale = "Operators must provide every variable the service reads in each environment; a "
                  ".env.example is the list they check the deploy config against.",
     .remediation =
         "Commit .env.example listing every variable the service reads, with placeholder "
         "values and a comment on where the real value lives (vault path, Secret name).",
     .also = ""},
    check};

}  // namespace golive::rules::secrets
