#include <cctype>

#include "core/paths.h"
#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// A SOPS-encrypted document: a top-level sops key, or values sealed as ENC[...].
bool encrypted(const parse::Node& document, const parse::Node& values) {
  if (document.is_map() && document.find("sops") != nullptr) return true;
  for (const auto& entry : values.children) {
    if (!entry.is_scalar() || entry.value.rfind("ENC[", 0) != 0) return false;
  }
  return !values.children.empty();
}

// A whole value filled in at deploy time: $VAR, ${VAR}, $(VAR) or a {{ }} template. A value
// that merely contains '$' may be a password.
bool is_reference(std::string_view value) {
  value = core::trim(value);
  if (value.find("{{") != std::string_view::npos && value.find("}}") != std::string_view::npos)
    return true;
  if (value.size() < 2 || value[0] != '$') return false;
  value.remove_prefix(1);
  if ((value.front() == '{' && value.back() == '}') ||
      (value.front() == '(' && value.back() == ')'))
    value = value.substr(1, value.size() - 2);
  if (value.empty() || std::isdigit(static_cast<unsigned char>(value.front()))) return false;
  for (char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// Every value is filled in at deploy time, e.g. by envsubst.
bool templated(const parse::Node& values) {
  for (const auto& entry : values.children) {
    if (!entry.is_scalar() || !is_reference(entry.value)) return false;
  }
  return true;
}

// A kustomize secretGenerator value read from a file ("<from key=path>"): committed only when
// the file is in the repository; a gitignored .env is the way to keep it out.
bool committed_value(const model::RepoModel& model, const model::RenderedObject& secret,
                     const parse::Node& value) {
  std::string_view text = value.value;
  if (text.rfind("<from ", 0) != 0 || text.back() != '>') return true;
  text = text.substr(6, text.size() - 7);
  if (size_t equals = text.find('='); equals != std::string_view::npos)
    text = text.substr(equals + 1);
  return model.file(core::join_path(core::directory_name(secret.where(value).path), text)) !=
         nullptr;
}

bool is_kustomization(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* secret : index.of_kind("Secret")) {
      if (secret->api_version != "v1") continue;
      any = true;
      if (scalar_at(secret->node, {"type"}) == "kubernetes.io/service-account-token") continue;
      bool generated = is_kustomization(secret->where().path);
      for (std::string_view field : {"data", "stringData"}) {
        const parse::Node* values = node_at(secret->node, {field});
        if (values == nullptr || !values->is_map() || values->children.empty()) continue;
        if (encrypted(secret->node, *values) || templated(*values)) continue;
        std::vector<std::string> keys;
        for (const auto& entry : values->children) {
          if (!generated || committed_value(context.model(), *secret, entry))
            keys.push_back(entry.key);
        }
        if (keys.empty()) continue;
        std::string listed = keys.size() <= 4
                                 ? core::join(keys, ", ")
                                 : core::join({keys[0], keys[1], keys[2]}, ", ") + " and " +
                                       std::to_string(keys.size() - 3) + " more";
        std::string count = std::to_string(keys.size()) + (keys.size() == 1 ? " value" : " values");
        std::string message = generated ? "secretGenerator '" + secret->name + "' commits " +
                                              count + " to the repository (" + listed + ")"
                                        : secret->label() + " commits " + count + " in " +
                                              std::string(field) + " (" + listed + ")";
        reporter.add(environment, where_key(*secret, *values), message,
                     std::string(field) + ": " + listed);
        break;
      }
    }
  }
  if (!any) context.not_applicable("no Secret manifest in any environment");
}

}  // namespace

extern const Rule kLiteralSecret;
const Rule kLiteralSecret{
    {.id = "k8s/literal-secret",
     .section = "k8s",
     .title = "No Secret with literal values is committed",
     .severity = Severity::kError,
     .seeds = "002 §1, 004 T013, 000 T022",
     .rationale =
         "A 'kind: Secret' manifest with data or stringData puts the values in git, base64 "
         "being an encoding, not encryption: everyone with read access to the repository, "
         "its forks, CI logs and history has them, and rotating means rewriting history. "
         "Placeholder values (\"changeme\", empty strings) fire too, deliberately: a pipeline "
         "that applies the manifest overwrites the real Secret in the cluster with the "
         "placeholders. Secrets belong in a secrets manager, synced by an ExternalSecret, or "
         "encrypted for the cluster (SealedSecret, SOPS); those are other kinds or encrypted "
         "documents and pass. A kustomize secretGenerator counts when it holds literals or "
         "reads a file that is committed; one that reads a gitignored file does not. Service "
         "account token Secrets, which the cluster fills, and "
         "Secrets whose every value is substituted at deploy time ($VAR, ${VAR}, {{ }}) are "
         "skipped. The finding names the keys, never the values.",
     .remediation =
         "Delete the Secret from the repository (and rotate the values: they are in history), "
         "store the values in a secrets manager and sync them with an ExternalSecret, or "
         "commit a SealedSecret ('kubeseal < secret.yaml > sealed-secret.yaml') or a "
         "SOPS-encrypted file instead; for local development generate the Secret from a "
         "gitignored .env with a kustomize secretGenerator.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s
