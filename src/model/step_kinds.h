#pragma once
// What a CI step does, recognised from the action it uses or the commands it runs.
// The knowledge is a data table (step_kinds.cpp), not conditions spread through rules.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace golive::model {

enum class StepKind : std::uint8_t {
  kTest,
  kLint,
  kTypecheck,
  kBuild,
  kCoverage,
  kSca,
  kSast,
  kSecretScan,
  kContainerScan,
  kSbom,
  kSign,
  kVerifySignature,
  kProvenance,
  kHelmLint,
  kManifestValidation,
  kDeploy,
  kSmokeTest,
  kLoadTest,
  kImageBuild,
  kCheckout,
  kCache,
  kRelease,  // release and changelog automation: release-please, semantic-release, ...
};

std::string_view step_kind_name(StepKind kind);

struct StepRecognition {
  StepKind kind;
  std::string ecosystem;  // for tests, lint, build: npm, python, go, ...; "" when generic
  std::string evidence;   // the action or command that revealed it
};

// Recognises kinds from a `uses:` reference (owner/repo[/path]@ref) and a `run:` script.
std::vector<StepRecognition> recognise_step(std::string_view uses, std::string_view run);

}  // namespace golive::model
