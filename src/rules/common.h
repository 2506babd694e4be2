#pragma once
// Small queries several rules share. They read the model only.
#include <string>
#include <string_view>
#include <vector>

#include "core/paths.h"
#include "model/model.h"

namespace golive::rules {

using core::base_name;
using core::directory_name;
// "CODE_OF_CONDUCT.md" -> "CODE_OF_CONDUCT"; upper-cased, without extension.
std::string upper_stem(std::string_view path);

// True when the repository ships something that runs as a service: a Dockerfile, a compose
// file, a Kubernetes workload or a Helm chart. Rules about a running service (alerts, backups,
// rate limits) do not apply to a library or a command-line tool.
bool deploys_a_service(const model::RepoModel& model);

// True when the load test script is packaged into an image of its own (a Dockerfile in its
// folder): a traffic generator that runs beside the service to make telemetry (the demos'
// loadgenerator), not a pass/fail test.
bool is_traffic_generator(const model::RepoModel& model, const model::LoadTestScript& script);

// The README at the repository root (the first by path when there are several), or nullptr.
const model::TextDocument* root_readme(const model::RepoModel& model);

// A doc at the root, in docs/ or in .github/ whose upper stem is one of stems.
const model::TextDocument* find_community_doc(const model::RepoModel& model,
                                              const std::vector<std::string_view>& stems);

// The first file whose lower-cased path contains one of the words, among docs.
const model::TextDocument* find_doc_mentioning_in_path(const model::RepoModel& model,
                                                       const std::vector<std::string_view>& words);

// The first markdown heading (line starting with '#') that contains one of the words; 0 if none.
int heading_line_with(std::string_view text, const std::vector<std::string_view>& words);

}  // namespace golive::rules

namespace golive::rules {
class RuleContext;
// Reports "the repository has no <what>" unless a community doc with one of stems exists.
void require_community_doc(RuleContext& context, const std::vector<std::string_view>& stems,
                           std::string_view what);
// The same for a community health file GitHub takes from the owner's .github repository when
// the repository has none (SECURITY, CODE_OF_CONDUCT, CONTRIBUTING): in a repository on
// GitHub, its absence here is unverified, since golive cannot see that other repository.
void require_inheritable_community_doc(RuleContext& context,
                                       const std::vector<std::string_view>& stems,
                                       std::string_view what);
// Reports "no <what>" unless some doc's path mentions one of words or a heading does.
void require_topic_doc(RuleContext& context, const std::vector<std::string_view>& path_words,
                       const std::vector<std::string_view>& heading_words, std::string_view what);
}  // namespace golive::rules
