#include <algorithm>
#include <array>

#include "core/strings.h"
#include "rules/rule.h"
#include "rules/supply-chain/workflow_hardening.h"

namespace golive::rules::supply_chain {
namespace {

// The tag of an image reference ("" when it has none): the part after the last ':' that
// comes after the last '/' (a registry port is not a tag).
std::string tag_of(std::string_view image) {
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash))
    return "";
  return std::string(image.substr(colon + 1));
}

// Tags that name a moving target rather than a release.
constexpr std::array<std::string_view, 10> kFloatingTags = {
    "latest", "stable", "edge", "nightly", "main", "master", "rolling", "lts", "current", "dev"};

// Why the image is not pinned, or "" when a digest or a release tag pins it.
std::string problem(std::string_view image) {
  if (has_digest(image)) return "";
  std::string tag = tag_of(image);
  if (tag.empty()) return "with no tag, so each run pulls whatever 'latest' is then";
  std::string lower = core::to_lower(tag);
  if (std::find(kFloatingTags.begin(), kFloatingTags.end(), lower) == kFloatingTags.end())
    return "";
  return "by the floating tag '" + tag + "', which points at a new image with each release";
}

void check(RuleContext& context) {
  bool any = false;
  Once once;
  for (const auto& workflow : context.model().workflows) {
    bool gitlab = workflow.system == model::CiSystem::kGitlabCi;
    for (const auto& job : workflow.jobs) {
      std::vector<const model::ServiceImage*> images;
      if (job.container) images.push_back(&*job.container);
      for (const auto& service : job.services) images.push_back(&service);
      for (const auto* image : images) {
        std::string_view name = image->image;
        if (name.empty() || name.find('$') != std::string_view::npos) continue;
        any = true;
        std::string why = problem(name);
        if (why.empty() || !once.first(workflow.path, image->line)) continue;
        bool is_container = job.container && image == &*job.container;
        std::string what = !is_container ? "service image" : gitlab ? "image" : "container image";
        // An image written above the job comes from "default:" or a template it extends.
        std::string who = image->line < job.line
                              ? "job '" + job.id + "' (and any job that shares it)"
                              : "job '" + job.id + "'";
        context.report(who + " runs the " + what + " '" + std::string(name) + "' " + why,
                       workflow.path, image->line, 0, std::string(name));
      }
    }
  }
  if (!any) context.not_applicable("no CI job runs in a container or with service containers");
}

}  // namespace

extern const Rule kUnpinnedContainerImage;
const Rule kUnpinnedContainerImage{
    {.id = "supply-chain/unpinned-container-image",
     .section = "supply-chain",
     .title = "CI job and service images are pinned to a release",
     .severity = Severity::kWarning,
     .seeds = "002 §3, 004 T016",
     .rationale =
         "A job's container runs every step of the job, with its checkout, token and secrets; "
         "a service container shares its network. An image with no tag, or a floating tag "
         "such as 'latest' or 'stable', changes with every upstream push, so two runs of the "
         "same commit execute different code with the same access. Images pinned to a "
         "release tag pass; a digest pins them fully (zizmor's pedantic level asks for it).",
     .remediation =
         "Name a release, and better its digest, with the tag kept for readers: 'container: "
         "node:20.11-bookworm@sha256:<digest>' or 'image: postgres:16.2@sha256:<digest>' "
         "('docker buildx imagetools inspect postgres:16.2' prints it); let Dependabot "
         "(package-ecosystem: docker) or Renovate update them.",
     .also = "zizmor unpinned-images"},
    check};

}  // namespace golive::rules::supply_chain
