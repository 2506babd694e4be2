#include <optional>
#include <string>

#include "model/dockerfile_facts.h"
#include "rules/per_object.h"
#include "rules/rule.h"
#include "rules/secret_words.h"

namespace golive::rules::container {
namespace {

void check(ObjectReport& report, const model::DockerfileModel& dockerfile) {
  for (const auto& instruction : dockerfile.parsed.instructions) {
    bool env = instruction.keyword == "ENV";
    if (!env && instruction.keyword != "ARG") continue;
    for (const auto& [name, value, has_value] : model::key_values(instruction)) {
      report.applies();
      bool secret_name = looks_like_secret_name(name);
      bool literal = has_value && !is_indirect_value(value);
      bool secret_value = has_value && looks_like_secret_value(value);
      std::string shown = literal ? redact(value) : "";
      std::string evidence = instruction.keyword + " " + name + (literal ? "=" + shown : "");
      std::string subject = "the " + instruction.keyword + " " + name + " of " + dockerfile.path;
      std::string message;
      std::optional<Severity> severity;
      if (secret_value) {
        message = subject + " holds a value shaped like a credential (" + shown +
                  "), stored in the image for anyone who can pull it";
      } else if (env && secret_name && literal) {
        message = subject + " sets a literal secret (" + shown +
                  ") that every layer, container and 'docker inspect' of the image shows";
      } else if (!env && secret_name) {
        message = subject + " passes a secret as a build argument" +
                  (literal ? " with a literal default (" + shown + ")" : "") +
                  "; build arguments are recorded in the image history and build cache";
        // Without a default the value comes from a build command golive cannot see, as
        // Docker's own SecretsUsedInArgOrEnv check says: a warning, not an error.
        if (!literal) severity = Severity::kWarning;
      } else {
        continue;
      }
      report.report({dockerfile.path, instruction.line}, message, evidence, severity);
    }
  }
}

}  // namespace

extern const Rule kSecretInEnvArg;
const Rule kSecretInEnvArg{
    .meta =
        {.id = "container/secret-in-env-arg",
         .section = "container",
         .title = "No secrets in ENV or ARG",
         .severity = Severity::kError,
         .seeds = "003 P1-03, 002 §1",
         .rationale =
             "ENV values are part of the image configuration: 'docker inspect', 'docker history', "
             "every registry mirror and every container's environment show them. ARG values are "
             "recorded in the image history of the stages that use them and in the build cache, "
             "whether they come from a default or from --build-arg, so a secret-named ARG is "
             "reported even without a default (as a warning, since the value then comes from a "
             "build command golive cannot see; an error with a literal default). Names are matched "
             "by word (PASSWORD, PASSWD, "
             "SECRET, "
             "TOKEN, API_KEY, PRIVATE_KEY, a last word KEY or PASS, SALT ...); names that describe "
             "a secret rather than hold it are not secrets (*_KEY_ID, *_FILE, *_PATH, *_URL, "
             "*_NAME, PUBLIC_KEY, GPG_KEY fingerprints, flags such as MYSQL_ALLOW_EMPTY_PASSWORD). "
             "ENV with a secret name is reported when its value is a literal, not $VAR, ${VAR} or "
             "a "
             "/run/secrets/ path. Any ENV or ARG value shaped like a credential (AKIA..., ghp_..., "
             "sk_live_..., a PEM private key, a JWT, a URL with a password) is reported whatever "
             "its "
             "name. Values are shown redacted.",
         .remediation =
             "Rotate any secret that was committed. Pass build-time secrets with BuildKit secret "
             "mounts, which never reach a layer: 'RUN --mount=type=secret,id=npm_token "
             "NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci' and 'docker build --secret "
             "id=npm_token,env=NPM_TOKEN .'; give run-time secrets to the container from the "
             "orchestrator (Kubernetes Secret, compose secrets:, a secrets manager), never from "
             "the "
             "image.",
         .also = "Docker build check SecretsUsedInArgOrEnv, dockle CIS-DI-0010",
         .inspects = Inspects::kDockerfile,
         .inapplicable_reason = "no Dockerfile sets ENV or ARG"},
    .check_dockerfile = check};

}  // namespace golive::rules::container
