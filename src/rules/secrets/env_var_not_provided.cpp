#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/env_reads.h"
#include "rules/rule.h"

namespace golive::rules::secrets {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  const std::vector<model::EnvTarget>& targets = model.env_targets();
  if (targets.empty())
    return context.not_applicable(
        "no deploy target runs the code: no compose service builds it and no Kubernetes "
        "container or Helm chart runs an image named after a directory with a Dockerfile");
  if (model.env.reads.empty())
    return context.not_applicable("the code reads no environment variable golive recognises");
  std::set<std::string, std::less<>> defaulted;
  for (const auto& read : model.env.reads) {
    if (read.has_default) defaulted.insert(read.name);
  }
  // Variable -> its first read in the target's code, and the targets that lack it.
  std::map<std::string, std::pair<const model::EnvRead*, std::vector<std::string>>> missing;
  for (const auto& target : targets) {
    if (target.provides_everything) continue;
    std::set<std::string, std::less<>> seen;
    for (const auto& read : model.env.reads) {
      if (!model::env_path_within(read.path, target.code_directory)) continue;
      if (model::is_platform_variable(read.name) || defaulted.count(read.name) > 0) continue;
      if (target.provides.count(read.name) > 0 || !seen.insert(read.name).second) continue;
      auto& slot = missing[read.name];
      if (slot.first == nullptr) slot.first = &read;
      slot.second.push_back(target.label);
    }
  }
  std::vector<const std::pair<const model::EnvRead*, std::vector<std::string>>*> ordered;
  ordered.reserve(missing.size());
  for (const auto& [name, slot] : missing) ordered.push_back(&slot);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    return std::tie(a->first->path, a->first->line, a->first->name) <
           std::tie(b->first->path, b->first->line, b->first->name);
  });
  for (const auto* slot : ordered) {
    const model::EnvRead& read = *slot->first;
    std::string where = slot->second.front();
    if (slot->second.size() > 1)
      where += " and " + std::to_string(slot->second.size() - 1) + " more deploy targets";
    if (model::fails_when_unset(read)) {
      context.report(read.name + " is read here without a default (" + read.how +
                         " fails when it is unset) but " + where + " does not provide it",
                     read.path, read.line, read.column);
      continue;
    }
    // A read that hands the code None, undefined or "" may be an optional setting.
    context.report(read.name + " is read here without a default (" + read.how +
                       " returns nothing when it is unset, which the code may treat as "
                       "optional) and " +
                       where + " does not provide it",
                   read.path, read.line, read.column);
    context.findings().back().severity = Severity::kInfo;
  }
}

}  // namespace

extern const Rule kEnvVarNotProvided;
const Rule kEnvVarNotProvided{
    {.id = "secrets/env-var-not-provided",
     .section = "secrets",
     .title = "Every deploy target provides the variables the code needs",
     .severity = Severity::kWarning,
     .seeds = "001 T111, 002 §1, 004 T013",
     .rationale =
         "A variable the code requires but the deploy config does not set shows up as a crash "
         "loop or a 500 right after the deploy. golive matches the code a target runs with "
         "what it provides: a compose service that builds (reads under its build context; "
         "environment, env_file and the Dockerfile's ENV provide), a Kubernetes container whose "
         "image's last path segment names a directory holding a Dockerfile ('.../api:1.2' runs "
         "services/api; a root Dockerfile matches the repository's own name; env, envFrom of a "
         "ConfigMap or Secret rendered in the same environment, with its prefix, and the "
         "Dockerfile's ENV provide), and a Helm chart named like such a directory or whose "
         "image.repository is (env, extraEnv and environment maps or lists in values*.yaml and "
         "'- name: X' entries of its templates provide). To stay conservative, a target that "
         "loads something golive cannot read provides everything: an env_file that is not in "
         "the repository, an envFrom of a ConfigMap or Secret not in the environment, a Helm "
         "envFrom, a pod with Vault agent injection. Variables read with a default anywhere "
         "(os.getenv(\"X\", \"d\"), os.environ.get(\"X\", d), process.env.X || 'd', "
         "process.env.X ?? 'd', ${X:d}, os.LookupEnv) and platform variables are skipped. A "
         "read that fails when the variable is unset (os.environ[...], a pydantic settings "
         "field, Spring's ${X}, Prisma's env()) is a warning; a read that hands the code None, "
         "undefined or an empty string (os.getenv, process.env.X, os.Getenv, System.getenv) "
         "is info, since the code may treat the variable as an optional setting.",
     .remediation =
         "Add the variable to the target's environment (compose environment or env_file, "
         "Kubernetes env with valueFrom.secretKeyRef for secrets, Helm values env), or give it "
         "a safe default in code.",
     .also = ""},
    check};

}  // namespace golive::rules::secrets
