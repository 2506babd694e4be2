#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::docs {
namespace {

void check(RuleContext& context) {
  require_topic_doc(context, {"threat-model", "threat_model", "threatmodel", "threat-modeling"},
                    {"Threat model", "Threat modeling", "Threat modelling"}, "threat model");
}

}  // namespace

extern const Rule kMissingThreatModel;
const Rule kMissingThreatModel{
    {.id = "docs/missing-threat-model",
     .section = "docs",
     .title = "A threat model exists",
     .severity = Severity::kWarning,
     .seeds = "001 T113",
     .rationale = "A threat model lists what an attacker wants, how they could get it and what "
                  "stops them; without one, security work is guesswork.",
     .remediation = "Add docs/threat-model.md: assets, trust boundaries, threats (for example "
                    "STRIDE) and the mitigations in place.",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::docs
