#include "model/step_kinds.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/strings.h"

namespace golive::model {
namespace {

struct ActionPattern {
  std::string_view prefix;  // matched against the lower-cased `uses:` value without the @ref
  StepKind kind;
  std::string_view ecosystem;
};

// Actions by name. Prefixes end where the repository or path name ends.
constexpr std::array kActions = {
    ActionPattern{"actions/checkout", StepKind::kCheckout, ""},
    ActionPattern{"actions/cache", StepKind::kCache, ""},
    ActionPattern{"github/codeql-action/analyze", StepKind::kSast, ""},
    ActionPattern{"github/codeql-action/init", StepKind::kSast, ""},
    ActionPattern{"returntocorp/semgrep-action", StepKind::kSast, ""},
    ActionPattern{"semgrep/semgrep-action", StepKind::kSast, ""},
    ActionPattern{"securego/gosec", StepKind::kSast, "go"},
    ActionPattern{"pycqa/bandit-action", StepKind::kSast, "python"},
    ActionPattern{"actions/dependency-review-action", StepKind::kSca, ""},
    ActionPattern{"snyk/actions", StepKind::kSca, ""},
    ActionPattern{"google/osv-scanner-action", StepKind::kSca, ""},
    ActionPattern{"pypa/gh-action-pip-audit", StepKind::kSca, "python"},
    ActionPattern{"gitleaks/gitleaks-action", StepKind::kSecretScan, ""},
    ActionPattern{"trufflesecurity/trufflehog", StepKind::kSecretScan, ""},
    ActionPattern{"aquasecurity/trivy-action", StepKind::kContainerScan, ""},
    ActionPattern{"anchore/scan-action", StepKind::kContainerScan, ""},
    ActionPattern{"anchore/sbom-action", StepKind::kSbom, ""},
    ActionPattern{"sigstore/cosign-installer", StepKind::kSign, ""},
    ActionPattern{"actions/attest-build-provenance", StepKind::kProvenance, ""},
    ActionPattern{"actions/attest-sbom", StepKind::kSbom, ""},
    ActionPattern{"slsa-framework/slsa-github-generator", StepKind::kProvenance, ""},
    ActionPattern{"actions/attest", StepKind::kProvenance, ""},
    ActionPattern{"golang/govulncheck-action", StepKind::kSca, "go"},
    ActionPattern{"pyupio/safety-action", StepKind::kSca, "python"},
    ActionPattern{"rustsec/audit-check", StepKind::kSca, "cargo"},
    ActionPattern{"actions-rs/audit-check", StepKind::kSca, "cargo"},
    ActionPattern{"dependency-check/dependency-check_action", StepKind::kSca, ""},
    ActionPattern{"sonarsource/sonarcloud-github-action", StepKind::kSast, ""},
    ActionPattern{"sonarsource/sonarqube-scan-action", StepKind::kSast, ""},
    ActionPattern{"zricethezav/gitleaks-action", StepKind::kSecretScan, ""},
    ActionPattern{"gitguardian/ggshield-action", StepKind::kSecretScan, ""},
    ActionPattern{"gitguardian/ggshield", StepKind::kSecretScan, ""},
    ActionPattern{"docker/scout-action", StepKind::kContainerScan, ""},
    ActionPattern{"cyclonedx/gh-node-module-generatebom", StepKind::kSbom, "npm"},
    ActionPattern{"cyclonedx/gh-python-generate-sbom", StepKind::kSbom, "python"},
    ActionPattern{"cyclonedx/gh-gomod-generate-sbom", StepKind::kSbom, "go"},
    ActionPattern{"sigstore/gh-action-sigstore-python", StepKind::kSign, ""},
    ActionPattern{"docker/bake-action", StepKind::kImageBuild, "docker"},
    ActionPattern{"redhat-actions/buildah-build", StepKind::kImageBuild, "docker"},
    ActionPattern{"docker/build-push-action", StepKind::kImageBuild, "docker"},
    // Drop-in replacements that take the same inputs (file, context) on other runners.
    ActionPattern{"useblacksmith/build-push-action", StepKind::kImageBuild, "docker"},
    ActionPattern{"depot/build-push-action", StepKind::kImageBuild, "docker"},
    ActionPattern{"azure/k8s-deploy", StepKind::kDeploy, ""},
    ActionPattern{"azure/webapps-deploy", StepKind::kDeploy, ""},
    ActionPattern{"aws-actions/amazon-ecs-deploy-task-definition", StepKind::kDeploy, ""},
    ActionPattern{"google-github-actions/deploy-cloudrun", StepKind::kDeploy, ""},
    ActionPattern{"google-github-actions/deploy-appengine", StepKind::kDeploy, ""},
    ActionPattern{"aws-actions/aws-cloudformation-github-deploy", StepKind::kDeploy, ""},
    ActionPattern{"azure/container-apps-deploy-action", StepKind::kDeploy, ""},
    ActionPattern{"azure/functions-action", StepKind::kDeploy, ""},
    ActionPattern{"cloudflare/wrangler-action", StepKind::kDeploy, ""},
    ActionPattern{"akhileshns/heroku-deploy", StepKind::kDeploy, ""},
    ActionPattern{"amondnet/vercel-action", StepKind::kDeploy, ""},
    ActionPattern{"deliverybot/helm", StepKind::kDeploy, ""},
    ActionPattern{"bitovi/github-actions-deploy-eks-helm", StepKind::kDeploy, ""},
    ActionPattern{"jtalk/url-health-check-action", StepKind::kSmokeTest, ""},
    ActionPattern{"googleapis/release-please-action", StepKind::kRelease, ""},
    ActionPattern{"google-github-actions/release-please-action", StepKind::kRelease, ""},
    ActionPattern{"softprops/action-gh-release", StepKind::kRelease, ""},
    ActionPattern{"release-drafter/release-drafter", StepKind::kRelease, ""},
    ActionPattern{"goreleaser/goreleaser-action", StepKind::kRelease, ""},
    ActionPattern{"changesets/action", StepKind::kRelease, ""},
    ActionPattern{"cycjimmy/semantic-release-action", StepKind::kRelease, ""},
    ActionPattern{"ncipollo/release-action", StepKind::kRelease, ""},
    ActionPattern{"actions/create-release", StepKind::kRelease, ""},
    ActionPattern{"orhun/git-cliff-action", StepKind::kRelease, ""},
    ActionPattern{"taiki-e/create-gh-release-action", StepKind::kRelease, ""},
    ActionPattern{"mikepenz/release-changelog-builder-action", StepKind::kRelease, ""},
    ActionPattern{"codecov/codecov-action", StepKind::kCoverage, ""},
    ActionPattern{"coverallsapp/github-action", StepKind::kCoverage, ""},
    ActionPattern{"golangci/golangci-lint-action", StepKind::kLint, "go"},
    ActionPattern{"github/super-linter", StepKind::kLint, ""},
    ActionPattern{"super-linter/super-linter", StepKind::kLint, ""},
    // Quality gates (ci section): linters, type checkers and coverage reporters.
    ActionPattern{"pre-commit/action", StepKind::kLint, ""},
    ActionPattern{"oxsecurity/megalinter", StepKind::kLint, ""},
    ActionPattern{"trunk-io/trunk-action", StepKind::kLint, ""},
    ActionPattern{"astral-sh/ruff-action", StepKind::kLint, "python"},
    ActionPattern{"chartboost/ruff-action", StepKind::kLint, "python"},
    ActionPattern{"psf/black", StepKind::kLint, "python"},
    ActionPattern{"dominikh/staticcheck-action", StepKind::kLint, "go"},
    ActionPattern{"actions-rs/clippy-check", StepKind::kLint, "cargo"},
    ActionPattern{"cpp-linter/cpp-linter-action", StepKind::kLint, "cmake"},
    ActionPattern{"jakebailey/pyright-action", StepKind::kTypecheck, "python"},
    ActionPattern{"vladopajic/go-test-coverage", StepKind::kCoverage, "go"},
    ActionPattern{"irongut/codecoveragesummary", StepKind::kCoverage, ""},
    ActionPattern{"5monkeys/cobertura-action", StepKind::kCoverage, ""},
    ActionPattern{"grafana/k6-action", StepKind::kLoadTest, ""},
    ActionPattern{"grafana/run-k6-action", StepKind::kLoadTest, ""},
};

struct CommandPattern {
  std::string_view regex;  // RE2 syntax, searched in each lower-cased command line
  StepKind kind;
  std::string_view ecosystem;
};

// Commands by shape. A word boundary keeps "go test" from matching "cargo test".
constexpr std::array kCommands = {
    CommandPattern{
        R"(\bnpm (run )?test\b|\byarn (run )?test\b|\bpnpm (run )?test\b|\bjest\b|\bvitest\b|\bmocha\b)",
        StepKind::kTest, "npm"},
    CommandPattern{R"(\bpytest\b|\bpython3? -m (pytest|unittest)\b|\btox\b|\bnox\b)",
                   StepKind::kTest, "python"},
    CommandPattern{R"((^|[^\w-])go test\b)", StepKind::kTest, "go"},
    CommandPattern{R"(\bmvnw? .*\b(test|verify|install)\b)", StepKind::kTest, "maven"},
    CommandPattern{R"(\bgradlew? .*\b(test|check|build)\b)", StepKind::kTest, "gradle"},
    CommandPattern{R"(\bcargo (test|nextest)\b)", StepKind::kTest, "cargo"},
    CommandPattern{R"(\bctest\b)", StepKind::kTest, "cmake"},
    CommandPattern{R"(\bbundle exec (rspec|rake test)\b|\brspec\b)", StepKind::kTest, "ruby"},
    CommandPattern{R"(\bdotnet test\b)", StepKind::kTest, "nuget"},
    CommandPattern{R"(\bmix test\b)", StepKind::kTest, "elixir"},
    CommandPattern{R"(\bmake (\S+ )*(test|check)\b)", StepKind::kTest, ""},
    CommandPattern{
        R"(\beslint\b|\bnpm run lint\b|\byarn lint\b|\bpnpm (run )?lint\b|\bprettier --check\b)",
        StepKind::kLint, "npm"},
    CommandPattern{R"(\bruff( check)?\b|\bflake8\b|\bpylint\b|\bblack --check\b)", StepKind::kLint,
                   "python"},
    CommandPattern{R"(\bgolangci-lint\b|\bgo vet\b|\bstaticcheck\b)", StepKind::kLint, "go"},
    CommandPattern{R"(\bcargo (clippy|fmt -- --check|fmt --check)\b)", StepKind::kLint, "cargo"},
    CommandPattern{
        R"(\bhadolint\b|\bshellcheck\b|\byamllint\b|\bclang-tidy\b|\bclang-format\b.*(--dry-run|-n\b))",
        StepKind::kLint, ""},
    CommandPattern{R"(\bmake (\S+ )*lint\b)", StepKind::kLint, ""},
    // Quality gates (ci section): test runners, linters, type checkers, builds and coverage of
    // more ecosystems and monorepo task runners.
    CommandPattern{
        R"(\bbun test\b|\b(turbo|lerna|nx)\b.*\btest\b|\bplaywright test\b|\bcypress run\b|\bng test\b|\bkarma start\b)",
        StepKind::kTest, "npm"},
    CommandPattern{R"(\bmanage\.py test\b|\bnose2\b|\bhatch (run )?test\b)", StepKind::kTest,
                   "python"},
    CommandPattern{R"(\bphpunit\b|\bpest\b|\bcomposer (run(-script)? )?test\b|\bartisan test\b)",
                   StepKind::kTest, "php"},
    CommandPattern{R"(\b(rails|rake) (test|spec)\b)", StepKind::kTest, "ruby"},
    CommandPattern{R"(\b(dart|flutter) test\b)", StepKind::kTest, "dart"},
    CommandPattern{R"(\bswift test\b)", StepKind::kTest, "swift"},
    CommandPattern{
        R"(\bbiome (check|ci|lint)\b|\bnext lint\b|\bstylelint\b|\boxlint\b|\b(turbo|lerna|nx)\b.*\blint\b|\bng lint\b|\bbun run lint\b)",
        StepKind::kLint, "npm"},
    CommandPattern{
        R"(\bisort (\S+ )*(--check|-c)\b|\bpycodestyle\b|\bpylama\b|\bruff format --check\b)",
        StepKind::kLint, "python"},
    CommandPattern{R"(\bgofmt -l\b|\brevive\b)", StepKind::kLint, "go"},
    CommandPattern{R"(\brubocop\b|\bstandardrb\b)", StepKind::kLint, "ruby"},
    CommandPattern{
        R"(\bphpcs\b|\bphp-cs-fixer\b.*--dry-run\b|\bphpstan\b|\bpsalm\b|\bpint --test\b)",
        StepKind::kLint, "php"},
    CommandPattern{R"(\bmvnw? .*\b(checkstyle:check|spotless:check|pmd:check|spotbugs:check)\b)",
                   StepKind::kLint, "maven"},
    CommandPattern{R"(\bgradlew? .*\b(checkstyle\w*|spotlesscheck|ktlintcheck|detekt|lint)\b)",
                   StepKind::kLint, "gradle"},
    CommandPattern{
        R"(\bcppcheck\b|\b(run-)?clang-tidy\b|\bcpplint\b|\bclang-format\b.*(--dry-run|-n\b|--werror))",
        StepKind::kLint, "cmake"},
    CommandPattern{R"(\bmix (credo|format --check-formatted)\b)", StepKind::kLint, "elixir"},
    CommandPattern{R"(\b(dart|flutter) analyze\b)", StepKind::kLint, "dart"},
    CommandPattern{R"(\bswiftlint\b)", StepKind::kLint, "swift"},
    CommandPattern{R"(\bdotnet format\b.*--verify-no-changes\b)", StepKind::kLint, "nuget"},
    CommandPattern{R"(\b(pre-commit|prek) run\b|\btrunk check\b|\bmegalinter\b|\blefthook run\b)",
                   StepKind::kLint, ""},
    CommandPattern{
        R"(\b(npm run|yarn|pnpm|bun run)( run)? (type-?check|types|check-types|tsc)\b|\bsvelte-check\b|\bastro check\b|\b(turbo|lerna|nx)\b.*\btype-?check\b|\b(next|ng) build\b)",
        StepKind::kTypecheck, "npm"},
    CommandPattern{R"(\bbasedpyright\b|\bpyre check\b|\bpytype\b)", StepKind::kTypecheck, "python"},
    CommandPattern{
        R"(\b(turbo|lerna|nx)\b.*\bbuild\b|\bnext build\b|\bng build\b|\bwebpack\b|\brollup -c\b|\btsup\b|\bbun (run )?build\b|\btsc (-b|--build)\b)",
        StepKind::kBuild, "npm"},
    CommandPattern{R"(\bmvnw? .*\b(package|install|verify|compile)\b)", StepKind::kBuild, "maven"},
    CommandPattern{R"(\bgradlew? .*\b(build|assemble|jar|bootjar|shadowjar)\b)", StepKind::kBuild,
                   "gradle"},
    CommandPattern{R"(\bgoreleaser (build|release)\b)", StepKind::kBuild, "go"},
    CommandPattern{R"(\bswift build\b)", StepKind::kBuild, "swift"},
    CommandPattern{R"(\b(flutter|dart) (build|compile)\b)", StepKind::kBuild, "dart"},
    CommandPattern{R"(\bdotnet (build|publish)\b)", StepKind::kBuild, "nuget"},
    CommandPattern{
        R"((^|[^\w-])go test\b.*\s-cover(mode|pkg)?\b|--collect[: ]"?xplat code coverage|/p:collectcoverage=true|\bcoverage3? (xml|report|html|lcov|json)\b|\bmix test --cover\b|--collectcoverage\b)",
        StepKind::kCoverage, ""},
    CommandPattern{R"(\btsc\b|\bnpm run typecheck\b|\bvue-tsc\b)", StepKind::kTypecheck, "npm"},
    CommandPattern{R"(\bmypy\b|\bpyright\b)", StepKind::kTypecheck, "python"},
    CommandPattern{R"(\bnpm run build\b|\byarn build\b|\bpnpm (run )?build\b|\bvite build\b)",
                   StepKind::kBuild, "npm"},
    CommandPattern{R"((^|[^\w-])go build\b)", StepKind::kBuild, "go"},
    CommandPattern{R"(\bcargo build\b)", StepKind::kBuild, "cargo"},
    CommandPattern{R"(\bpython3? -m build\b|\bpoetry build\b)", StepKind::kBuild, "python"},
    CommandPattern{R"(\bcmake --build\b|\bninja\b|\bmake\b)", StepKind::kBuild, ""},
    CommandPattern{R"(\bdocker (buildx )?build\b|\bpodman build\b|\bkaniko\b|\bbuildah bud\b)",
                   StepKind::kImageBuild, "docker"},
    CommandPattern{
        R"(--coverage\b|--cov\b|\bcoverage run\b|-coverprofile\b|\bc8\b|\bnyc\b|\bjacoco\b|\bcargo (tarpaulin|llvm-cov)\b|\bgcovr\b|\blcov\b)",
        StepKind::kCoverage, ""},
    CommandPattern{
        R"(\bnpm audit\b|\byarn audit\b|\bpnpm audit\b|\bpip-audit\b|\bsafety check\b|\bosv-scanner\b|\btrivy (fs|repo)\b|\bsnyk test\b|\bgovulncheck\b|\bcargo audit\b|\bdependency-check\b)",
        StepKind::kSca, ""},
    CommandPattern{
        R"(\bsemgrep\b|\bbandit\b|\bgosec\b|\bcodeql\b|\bbrakeman\b|\bspotbugs\b|\bcppcheck\b|\bflawfinder\b)",
        StepKind::kSast, ""},
    CommandPattern{R"(\bgitleaks\b|\btrufflehog\b|\bdetect-secrets\b|\bggshield\b|\bnoseyparker\b)",
                   StepKind::kSecretScan, ""},
    CommandPattern{R"(\btrivy(:\S+)? image\b|\bgrype\b|\bdocker scout cves\b|\bsnyk container\b)",
                   StepKind::kContainerScan, ""},
    CommandPattern{R"(\bsyft\b|\bcdxgen\b|\bcyclonedx\b|--sbom\b)", StepKind::kSbom, ""},
    CommandPattern{
        R"(\bbundle(r)?[- ]audit\b|\bcomposer audit\b|\bdotnet list\b.*--vulnerable\b|\bmix (deps|hex)\.audit\b|\baudit-ci\b|\bbetter-npm-audit\b|\bsafety scan\b|\bgrype (dir|sbom|file):|\btrivy (rootfs|sbom)\b|\bnancy sleuth\b|\bj(frog|f) audit\b|\bdependencycheckanalyze\b)",
        StepKind::kSca, ""},
    CommandPattern{
        R"(\bsonar-scanner\b|\bsonar:sonar\b|\bsnyk code\b|\bhorusec\b|\bnjsscan\b|\bbearer scan\b)",
        StepKind::kSast, ""},
    CommandPattern{
        R"(\bsecretlint\b|\btalisman\b|\bripsecrets\b|\bkingfisher scan\b|\bgit secrets --scan)",
        StepKind::kSecretScan, ""},
    CommandPattern{R"(\bdocker scout (quickview|recommendations)\b)", StepKind::kContainerScan, ""},
    CommandPattern{R"(\bdocker sbom\b|\bsbom-tool generate\b|--format[ =]spdx(-json)?\b)",
                   StepKind::kSbom, ""},
    CommandPattern{R"(\bcosign attest\b|\bwitness run\b)", StepKind::kProvenance, ""},
    CommandPattern{
        R"(\bdocker buildx bake\b|\bbuildah build\b|\bnerdctl build\b|\bdepot build\b|\bko (build|publish|resolve|apply)\b|\bjib:(build|dockerbuild)\b|\bgradlew? .*\bjib\b|\bpack build\b|\bdocker[- ]compose( -f \S+)* build\b|\bspring-boot:build-image\b|\bbootbuildimage\b)",
        StepKind::kImageBuild, "docker"},
    CommandPattern{R"(\bcosign sign\b|\bnotation sign\b)", StepKind::kSign, ""},
    CommandPattern{R"(\bcosign verify\b|\bnotation verify\b)", StepKind::kVerifySignature, ""},
    CommandPattern{R"(\bslsa-verifier\b|--provenance\b)", StepKind::kProvenance, ""},
    CommandPattern{R"(\bhelm lint\b)", StepKind::kHelmLint, ""},
    CommandPattern{
        R"(\bkubeconform\b|\bkubeval\b|\bkube-linter\b|\bkube-score\b|\bhelm template\b.*\|\s*kubeconform\b)",
        StepKind::kManifestValidation, ""},
    CommandPattern{
        R"(\bhelm (upgrade|install)\b|\bkubectl (apply|rollout|set image)\b|\bargocd app (sync|set)\b|\bkustomize build\b.*\|\s*kubectl\b|\bflux reconcile\b|\bterraform apply\b|\bskaffold (run|deploy)\b|\bserverless deploy\b|\bfly deploy\b)",
        StepKind::kDeploy, ""},
    CommandPattern{R"(\bsmoke\b|\bcurl\b.*(/health|/healthz|/ready|/status))", StepKind::kSmokeTest,
                   ""},
    CommandPattern{
        R"(\bhelmfile (apply|sync|deploy)\b|\bgcloud (run|app|functions) deploy\b|\baws ecs update-service\b|\baws deploy create-deployment\b|\bpulumi up\b|\bcdk deploy\b|\bsam deploy\b|\bvercel\b.*--prod\b|\bnetlify deploy\b.*--prod\b|\bwrangler (deploy|publish)\b|\bfirebase deploy\b|\bheroku container:release\b|\bflyctl deploy\b|\bkamal deploy\b|\bdocker stack deploy\b|\baz (webapp|containerapp|functionapp)\b.*\b(deploy|update|up)\b|\bkustomize edit set image\b|\bmake deploy\b|\b(npm|yarn|pnpm)( run)? deploy\b|(^|[\s/])deploy(-\w+)?\.sh\b|\bkubectl( -{1,2}[\w-]+(=\S+| [^-\s]\S*)?)+ (apply|replace|set image|rollout restart)\b|\bhelm( -{1,2}[\w-]+(=\S+| [^-\s]\S*)?)+ (upgrade|install)\b)",
        StepKind::kDeploy, ""},
    CommandPattern{R"(\bhelm test\b)", StepKind::kSmokeTest, ""},
    CommandPattern{R"(\bgh attestation verify\b)", StepKind::kVerifySignature, ""},
    CommandPattern{
        R"(\bsemantic-release\b|\bgoreleaser\b|\bgh release create\b|\bchangeset (version|publish)\b|\brelease-it\b|\bstandard-version\b|\bcommit-and-tag-version\b|\bgit-cliff\b|\brelease-please\b|\brelease-cli create\b|\bcz bump\b|\bcargo release\b)",
        StepKind::kRelease, ""},
    CommandPattern{
        R"(\bk6(?::[\w.-]+)? run\b|\bartillery(?:@[\w.-]+)? run\b|\blocust\b|\bwrk\b|\bhey\b|\bvegeta attack\b|\bgatling\b|\bjmeter\b)",
        StepKind::kLoadTest, ""},
};

// All command patterns in one RE2 set: one pass over a line finds every pattern it matches.
const re2::RE2::Set& command_set() {
  static const std::unique_ptr<re2::RE2::Set> kSet = [] {
    auto compiled = std::make_unique<re2::RE2::Set>(re2::RE2::Options(), re2::RE2::UNANCHORED);
    for (const auto& pattern : kCommands) compiled->Add(pattern.regex, nullptr);
    compiled->Compile();
    return compiled;
  }();
  return *kSet;
}

void add_unique(std::vector<StepRecognition>& out, StepRecognition recognition) {
  for (const auto& existing : out) {
    if (existing.kind == recognition.kind && existing.ecosystem == recognition.ecosystem) return;
  }
  out.push_back(std::move(recognition));
}

}  // namespace

std::string_view step_kind_name(StepKind kind) {
  switch (kind) {
    case StepKind::kTest:
      return "test";
    case StepKind::kLint:
      return "lint";
    case StepKind::kTypecheck:
      return "typecheck";
    case StepKind::kBuild:
      return "build";
    case StepKind::kCoverage:
      return "coverage";
    case StepKind::kSca:
      return "sca";
    case StepKind::kSast:
      return "sast";
    case StepKind::kSecretScan:
      return "secret-scan";
    case StepKind::kContainerScan:
      return "container-scan";
    case StepKind::kSbom:
      return "sbom";
    case StepKind::kSign:
      return "sign";
    case StepKind::kVerifySignature:
      return "verify-signature";
    case StepKind::kProvenance:
      return "provenance";
    case StepKind::kHelmLint:
      return "helm-lint";
    case StepKind::kManifestValidation:
      return "manifest-validation";
    case StepKind::kDeploy:
      return "deploy";
    case StepKind::kSmokeTest:
      return "smoke-test";
    case StepKind::kLoadTest:
      return "load-test";
    case StepKind::kImageBuild:
      return "image-build";
    case StepKind::kCheckout:
      return "checkout";
    case StepKind::kCache:
      return "cache";
    case StepKind::kRelease:
      return "release";
  }
  return "unknown";
}

std::vector<StepRecognition> recognise_step(std::string_view uses, std::string_view run) {
  std::vector<StepRecognition> out;
  if (!uses.empty()) {
    std::string name = core::to_lower(uses.substr(0, uses.find('@')));
    for (const auto& action : kActions) {
      if (name.rfind(action.prefix, 0) == 0 &&
          (name.size() == action.prefix.size() || name[action.prefix.size()] == '/')) {
        add_unique(out, {action.kind, std::string(action.ecosystem), std::string(uses)});
      }
    }
  }
  for (std::string_view line : core::split_lines(run)) {
    std::string lower = core::to_lower(core::trim(line));
    if (lower.empty() || lower.front() == '#') continue;
    std::vector<int> matched;
    if (!command_set().Match(lower, &matched)) continue;
    std::sort(matched.begin(), matched.end());
    for (int index : matched) {
      const CommandPattern& pattern = kCommands[static_cast<size_t>(index)];
      add_unique(out, {pattern.kind, std::string(pattern.ecosystem),
                       core::excerpt(core::trim(line), 100)});
    }
  }
  return out;
}

}  // namespace golive::model
