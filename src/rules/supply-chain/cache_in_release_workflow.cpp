#include <re2/re2.h>

#include <array>
#include <map>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// Actions that restore a cache, and the input that turns it on ("" = always on).
struct CacheAction {
  std::string_view action;
  std::string_view input;
  bool on_by_default;
};
constexpr std::array kCacheActions = {
    CacheAction{"actions/cache/save", "", false},  // saves only; listed first to skip it
    CacheAction{"actions/cache", "", true},
    CacheAction{"actions/setup-node", "cache", false},
    CacheAction{"actions/setup-python", "cache", false},
    CacheAction{"actions/setup-java", "cache", false},
    CacheAction{"actions/setup-dotnet", "cache", false},
    CacheAction{"actions/setup-go", "cache", true},  // on by default since v4
    CacheAction{"ruby/setup-ruby", "bundler-cache", false},
    CacheAction{"astral-sh/setup-uv", "enable-cache", false},
    CacheAction{"swatinem/rust-cache", "", true},
    CacheAction{"gradle/actions/setup-gradle", "cache-disabled", true},
    CacheAction{"docker/build-push-action", "cache-from", false},
};

// Publishing: actions and commands that ship an artifact somewhere others install it from.
constexpr std::array<std::string_view, 9> kPublishActions = {
    "pypa/gh-action-pypi-publish",
    "softprops/action-gh-release",
    "goreleaser/goreleaser-action",
    "ncipollo/release-action",
    "svenstaro/upload-release-action",
    "js-devtools/npm-publish",
    "actions/upload-release-asset",
    "docker/build-push-action",
    "rubygems/release-gem",
};

const RE2& publish_command() {
  static const RE2 kPattern(
      R"((?i)\b(npm publish|yarn (npm )?publish|pnpm publish|twine upload|poetry publish|)"
      R"(uv publish|flit publish|hatch publish|cargo publish|gem push|docker (image )?push|)"
      R"(podman push|goreleaser release|dotnet nuget push|nuget push|gh release (create|upload)|)"
      R"(helm push|mvnw? .*\bdeploy|gradlew? .*\bpublish\w*)\b|docker buildx build .*--push)");
  return kPattern;
}

std::string publishes(const model::Step& step) {
  ActionRef ref = parse_uses(step.uses);
  for (std::string_view action : kPublishActions) {
    if (!action_is(ref, action)) continue;
    const model::KeyValue* push = step.input("push");
    if (action == "docker/build-push-action" &&
        (push == nullptr || core::to_lower(core::trim(push->value)) == "false"))
      continue;
    return std::string(action);
  }
  for (const auto& line : script_lines(step)) {
    std::string match;
    if (RE2::PartialMatch(line.text, publish_command(), &match)) return core::excerpt(match, 40);
  }
  return "";
}

// The cache a step restores ("actions/setup-node with cache: npm"), or "".
std::string restores_cache(const model::Step& step) {
  ActionRef ref = parse_uses(step.uses);
  for (const auto& cache : kCacheActions) {
    if (!action_is(ref, cache.action)) continue;
    if (cache.action == "actions/cache/save") return "";
    if (cache.input.empty()) return std::string(cache.action);
    const model::KeyValue* input = step.input(cache.input);
    std::string value = input == nullptr ? "" : core::to_lower(core::trim(input->value));
    bool on = false;
    if (cache.input == "cache-disabled") {
      on = value != "true";
    } else if (cache.input == "cache-from") {
      on = value.find("type=gha") != std::string::npos;
    } else if (input == nullptr) {
      on = cache.on_by_default;
    } else {
      on = !value.empty() && value != "false";
    }
    if (!on) return "";
    return std::string(cache.action) +
           (input == nullptr ? " (caching by default)"
                             : " with " + std::string(cache.input) + ": " + input->value);
  }
  return "";
}

std::string release_trigger(const model::Workflow& workflow) {
  if (workflow.trigger("release") != nullptr) return "release";
  if (const model::Trigger* push = workflow.trigger("push");
      push != nullptr && push->has_tag_filter)
    return "tag push";
  if (workflow.trigger("workflow_dispatch") != nullptr) return "workflow_dispatch";
  return "";
}

void check(RuleContext& context) {
  bool any = false;
  for (const auto& workflow : context.model().workflows) {
    if (workflow.system != model::CiSystem::kGithubActions) continue;
    std::string trigger = release_trigger(workflow);
    if (trigger.empty()) continue;
    // Jobs whose output reaches a publishing step: the publisher and the jobs it needs.
    std::map<std::string, std::string> shipped;  // job id -> what publishes
    for (const auto& job : workflow.jobs) {
      for (const auto& step : job.steps) {
        std::string how = publishes(step);
        if (how.empty()) continue;
        shipped.emplace(job.id, how);
        for (const model::Job* upstream : workflow.upstream_of(job))
          shipped.emplace(upstream->id, how);
        break;
      }
    }
    if (shipped.empty()) continue;
    any = true;
    for (const auto& job : workflow.jobs) {
      auto it = shipped.find(job.id);
      if (it == shipped.end()) continue;
      for (const auto& step : job.steps) {
        std::string cache = restores_cache(step);
        if (cache.empty()) continue;
        context.report("job '" + job.id + "' restores a cache (" + cache + ") in a " + trigger +
                           " workflow that publishes (" + it->second +
                           "): a cache poisoned by any earlier run ends up in the release",
                       workflow.path, step.uses_line > 0 ? step.uses_line : step.line, 0,
                       step.uses);
      }
    }
  }
  if (!any) context.not_applicable("no release, tag or manual workflow publishes anything");
}

}  // namespace

extern const Rule kCacheInReleaseWorkflow;
const Rule kCacheInReleaseWorkflow{
    {.id = "supply-chain/cache-in-release-workflow",
     .section = "supply-chain",
     .title = "Release workflows build without restored caches",
     .severity = Severity::kWarning,
     .seeds = "004 T016, 000 T061",
     .rationale =
         "GitHub Actions caches are shared across workflows of the repository: a pull request "
         "build or any compromised step can write an entry that a later release restores. "
         "Restoring it in the job that builds what gets published lets that code or those "
         "dependencies into the release (cache poisoning).",
     .remediation =
         "Build releases from scratch: remove actions/cache and the 'cache:' input of setup-* "
         "actions in release jobs (for actions/setup-go set 'cache: false'), or give the "
         "release a key no other workflow writes and save it only from the release itself.",
     .also = "zizmor cache-poisoning"},
    check};

}  // namespace golive::rules::supply_chain
