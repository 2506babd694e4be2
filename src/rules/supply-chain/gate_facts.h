#pragma once
// What CI does about security scans and artifacts, computed from the model's workflows: which
// steps scan, sign, attest or publish, and which steps count together for one workflow.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/step_scope.h"

namespace golive::rules::supply_chain::gates {

// True when any workflow of the repository runs a step the predicate accepts.
bool repository_runs(const model::RepoModel& model, bool (*predicate)(const model::Step&));

// The workflow a message about a missing gate points at, with the line: the CI workflow that
// runs on pull requests (its jobs: key), else the first workflow.
struct Anchor {
  std::string path;
  int line = 0;
};
Anchor ci_anchor(const model::RepoModel& model);

// Step predicates. A step of a scan kind recognised by the step table, refined by inputs the
// table cannot see (trivy-action's scan-type, build-push-action's push, sbom and provenance).
bool is_sca(const model::Step& step);
bool is_sast(const model::Step& step);
bool is_secret_scan(const model::Step& step);
bool is_container_scan(const model::Step& step);
bool is_scanner(const model::Step& step);
bool is_sign(const model::Step& step);
bool is_sbom(const model::Step& step);
bool is_provenance(const model::Step& step);
bool is_image_build(const model::Step& step);
// Pushes an image to a registry: docker push, build-push-action with push, kaniko, ko, jib...
bool pushes_image(const model::Step& step);
// Attaches files to a GitHub release or runs GoReleaser.
bool uploads_release_assets(const model::Step& step);
// Publishes a package to a registry: npm publish, twine upload, cargo publish...
bool publishes_package(const model::Step& step);

// True when a workflow's jobs only run for a release: release event or tag pushes; for GitLab, a
// job whose rules or only: name tags.
bool is_release_workflow(const model::Workflow& workflow);
bool is_release_job(const model::Workflow& workflow, const model::Job& job);

// Line-level forms of the predicates above, for run scripts.
struct ScriptLine;
bool image_build_line(const ScriptLine& line);
bool image_push_line(const ScriptLine& line);
bool release_asset_line(const ScriptLine& line);
bool package_publish_line(const ScriptLine& line);

// Where a step shows something: the first script line a predicate accepts, else the uses line.
struct Evidence {
  int line = 0;
  std::string text;
};
Evidence step_evidence(const model::Step& step, bool (*line_predicate)(const ScriptLine&));

// A step of a workflow's own jobs that publishes something, and where it shows it.
struct PublishPoint {
  const model::Job* job = nullptr;
  const model::Step* step = nullptr;
  Evidence evidence;
};
// Steps that push images; when none does, the image builds of release jobs and of workflows
// that deploy (a deployed image was pushed somewhere).
std::vector<PublishPoint> image_publish_points(const model::Workflow& workflow);
std::vector<PublishPoint> release_asset_points(const model::Workflow& workflow);
std::vector<PublishPoint> package_publish_points(const model::Workflow& workflow);
// "job 'build' in .github/workflows/ci.yml"
std::string job_label(const model::Workflow& workflow, const model::Job& job);

// The action name of a step without its ref, lower-cased: "docker/build-push-action".
std::string action_name(const model::Step& step);
bool uses_action(const model::Step& step, std::string_view name);
// The value of an input, lower-cased and trimmed; "" when absent.
std::string input_value(const model::Step& step, std::string_view key);

// A command line of a run script with continuation lines joined, and where it starts.
struct ScriptLine {
  std::string text;
  std::string lower;
  int line = 0;
};
std::vector<ScriptLine> script_lines(const model::Step& step);

const parse::Node* step_node(const model::RepoModel& model, const model::Workflow& workflow,
                             const model::Job& job, const model::Step& step);
// The line of key under node, else fallback.
int key_line(const parse::Node* node, std::string_view key, int fallback);

// The GoReleaser config at the root, parsed; nullptr when none.
const parse::Node* goreleaser_config(const model::RepoModel& model);

}  // namespace golive::rules::supply_chain::gates
