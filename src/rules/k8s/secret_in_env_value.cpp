#include <optional>
#include <string>

#include "rules/k8s/k8s_common.h"
#include "rules/k8s/pod_checks.h"
#include "rules/rule.h"
#include "rules/secret_words.h"

namespace golive::rules::k8s {
namespace {

void check(ObjectReport& report, const ContainerSite& site) {
  const parse::Node* env = path_to(site.container.node, {"env"});
  if (env == nullptr || !env->is_seq()) return;
  for (const auto& entry : env->children) {
    const parse::Node* value = path_to(&entry, {"value"});
    if (value == nullptr || !value->is_scalar()) continue;
    std::string name = entry.get("name");
    std::string why;
    std::optional<Severity> severity;
    if (looks_like_secret_value(value->value)) {
      why = " to a literal value shaped like a credential in the manifest";
    } else if (!looks_like_secret_name(name) || is_indirect_value(value->value)) {
      continue;
    } else if (declares_placeholder(value->value)) {
      // Not a leaked credential, but whoever deploys the manifest unchanged runs with a value
      // everyone can read.
      why =
          " to a placeholder value in the manifest; deployed unchanged, it runs with a value "
          "anyone can read";
      severity = Severity::kWarning;
    } else {
      why = " to a literal value in the manifest";
    }
    report.report(site.object.where(*value),
                  describe(site.object, site.container) + " sets " + name + why,
                  redact(value->value), severity);
  }
}

}  // namespace

extern const Rule kSecretInEnvValue;
const Rule kSecretInEnvValue{
    .meta =
        {.id = "k8s/secret-in-env-value",
         .section = "k8s",
         .title = "Secrets reach env from Secret objects, not literals",
         .severity = Severity::kError,
         .seeds = "004 T018",
         .rationale =
             "An env entry's 'value:' is part of the workload's spec: it is committed with the "
             "manifest, readable by anyone who can get or describe the Deployment (a far wider "
             "group than those allowed to read Secrets), stored unencrypted in etcd's copy of the "
             "object and in every ReplicaSet revision, and cannot be rotated without a new "
             "commit. golive reports a literal whose name says it holds a secret (PASSWORD, "
             "TOKEN, API_KEY, a last word KEY ...; not *_ID, *_FILE, *_URL or PUBLIC_KEY) and any "
             "literal shaped like a known credential whatever its name (AWS and GitHub tokens, "
             "private keys, URLs with a password). Values that refer elsewhere ($(VAR), ${VAR}, "
             "/run/secrets/...) pass. A value that says it is a placeholder (changeme, "
             "<password>, fake_password, foobar) is no leak, but a workload deployed with it "
             "runs with a value anyone can read: a warning. The finding's evidence shows the value "
             "redacted.",
         .remediation =
             "Move the value into a Secret (created by your secret manager, External Secrets, "
             "Sealed Secrets or SOPS, never committed in plain text) and reference it: 'env: "
             "[{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: api-secrets, key: "
             "db-password}}}]'; then rotate the exposed value.",
         .also = "kube-linter env-var-secret, Checkov CKV_K8S_35 (prefers secret files), "
                 "gitleaks (for the credential shapes)",
         .inspects = Inspects::kContainer},
    .check_container = check};

}  // namespace golive::rules::k8s
