#pragma once
#include "model/file_text.h"
#include "model/model.h"

namespace golive::model {

// Reads a GitHub Actions workflow document into triggers, jobs and steps.
Workflow extract_workflow(const std::string& path, const parse::Node& root);

// Reads a local action.yml; nullopt unless it is a composite action.
std::optional<CompositeAction> extract_composite_action(const std::string& path,
                                                        const parse::Node& root);

// Reads .gitlab-ci.yml into the same shape: jobs with script lines as steps.
Workflow extract_gitlab_pipeline(const std::string& path, const parse::Node& root);
// The entries of a GitLab pipeline's top-level include: (a list, or one entry); empty if none.
std::vector<const parse::Node*> gitlab_include_entries(const parse::Node& root);

// Reads what the YAML tree drops from the raw text of the workflow or action just extracted
// from path: trailing "# v4.1.1" comments of uses lines and where block-scalar scripts start.
void read_line_facts(const FileText& text, const std::string& path, RepoModel& model);

// Once every file is in: a step that uses a local composite action also does what its steps do.
void link_local_actions(RepoModel& model);

// Shared by both CI readers.
Step make_run_step(std::string name, const parse::Node& script_line);
std::vector<KeyValue> key_values(const parse::Node* map);

}  // namespace golive::model
