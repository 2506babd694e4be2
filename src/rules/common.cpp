#include "rules/common.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace golive::rules {

std::string upper_stem(std::string_view path) {
  std::string_view name = base_name(path);
  size_t dot = name.find('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  std::string out;
  for (char c : name) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const model::TextDocument* root_readme(const model::RepoModel& model) {
  for (const auto& doc : model.docs) {
    if (directory_name(doc.path).empty() && upper_stem(doc.path) == "README") return &doc;
  }
  return nullptr;
}

const model::TextDocument* find_community_doc(const model::RepoModel& model,
                                              const std::vector<std::string_view>& stems) {
  for (const auto& doc : model.docs) {
    std::string_view dir = directory_name(doc.path);
    if (!dir.empty() && dir != "docs" && dir != ".github" && dir != "doc") continue;
    std::string stem = upper_stem(doc.path);
    for (std::string_view wanted : stems) {
      if (stem == wanted) return &doc;
    }
  }
  return nullptr;
}

const model::TextDocument* find_doc_mentioning_in_path(const model::RepoModel& model,
                                                       const std::vector<std::string_view>& words) {
  for (const auto& doc : model.docs) {
    std::string lower = core::to_lower(doc.path);
    for (std::string_view word : words) {
      if (lower.find(word) != std::string::npos) return &doc;
    }
  }
  return nullptr;
}

int heading_line_with(std::string_view text, const std::vector<std::string_view>& words) {
  auto lines = core::split_lines(text);
  bool in_fence = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = core::trim(lines[i]);
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") in_fence = !in_fence;
    if (in_fence || line.empty()) continue;
    bool heading = line.front() == '#';
    // Setext headings: a line underlined by === or ---.
    if (!heading && i + 1 < lines.size()) {
      std::string_view next = core::trim(lines[i + 1]);
      heading = next.size() >= 3 &&
                next.find_first_not_of(next.front() == '=' ? "=" : "-") == std::string_view::npos &&
                (next.front() == '=' || next.front() == '-');
    }
    if (!heading) continue;
    for (std::string_view word : words) {
      if (core::contains_ci(line, word)) return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool is_traffic_generator(const model::RepoModel& model, const model::LoadTestScript& script) {
  std::string_view directory = directory_name(script.path);
  return std::any_of(model.dockerfiles.begin(), model.dockerfiles.end(),
                     [&](const model::DockerfileModel& dockerfile) {
                       return directory_name(dockerfile.path) == directory;
                     });
}

bool deploys_a_service(const model::RepoModel& model) {
  if (!model.dockerfiles.empty() || !model.compose_files.empty() || !model.helm_charts.empty())
    return true;
  for (const auto& object : model.k8s_objects) {
    const std::string& kind = object.kind;
    if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "CronJob" ||
        kind == "Job" || kind == "Pod" || kind == "Rollout")
      return true;
  }
  return false;
}

}  // namespace golive::rules

#include "rules/rule.h"

namespace golive::rules {

void require_community_doc(RuleContext& context, const std::vector<std::string_view>& stems,
                           std::string_view what) {
  if (find_community_doc(context.model(), stems) == nullptr) {
    context.report("the repository has no " + std::string(what));
  }
}

void require_inheritable_community_doc(RuleContext& context,
                                       const std::vector<std::string_view>& stems,
                                       std::string_view what) {
  const model::RepoModel& model = context.model();
  if (find_community_doc(model, stems) != nullptr) return;
  // A .github/ folder (workflows, dependabot, templates) says the repository lives on GitHub.
  auto github = std::lower_bound(
      model.files.begin(), model.files.end(), std::string_view(".github/"),
      [](const model::SourceFile& file, std::string_view prefix) { return file.path < prefix; });
  if (github != model.files.end() && github->path.starts_with(".github/")) {
    context.unverified("the repository has no " + std::string(what) +
                       "; on GitHub the owner's .github repository may provide one for every "
                       "repository, which golive cannot see: add the file here to make it "
                       "visible, or waive the rule");
    return;
  }
  context.report("the repository has no " + std::string(what));
}

void require_topic_doc(RuleContext& context, const std::vector<std::string_view>& path_words,
                       const std::vector<std::string_view>& heading_words, std::string_view what) {
  if (find_doc_mentioning_in_path(context.model(), path_words) != nullptr) return;
  for (const auto& doc : context.model().docs) {
    if (heading_line_with(doc.text, heading_words) > 0) return;
  }
  context.report("the repository has no " + std::string(what));
}

}  // namespace golive::rules
