#pragma once
// Does a name or a value look like a secret, and how to show one without leaking it. Shared by
// the container rules (ENV, ARG, compose environment) and the k8s rules (env values).
#include <string>
#include <string_view>

namespace golive::rules {

// A variable or key name that holds a secret: words such as PASSWORD, PASSWD, PASSPHRASE,
// SECRET, TOKEN, API_KEY, PRIVATE_KEY, CREDENTIALS, SALT, a last word KEY (SIGNING_KEY) or PASS
// (DB_PASS). Snake, kebab, dotted and camelCase names are split into words. Not secrets:
//   - names where a word after the secret word describes the secret rather than holds it:
//     *_ID (AWS_ACCESS_KEY_ID), *_FILE (POSTGRES_PASSWORD_FILE), *_PATH, *_URL, *_NAME, *_TTL,
//     *_LENGTH, *_HEADER, ACCESS_TOKEN_EXPIRE_MINUTES, PASSWORD_MIN_LENGTH, ...
//   - keys that are public or not credentials: PUBLIC_KEY, PUBLISHABLE_KEY, CACHE_KEY, SORT_KEY
//   - flags about a secret: a word such as ALLOW, EMPTY, RANDOM, GENERATE, SKIP
//     (MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD)
//   - PWD alone (the working directory).
bool looks_like_secret_name(std::string_view name);

// A URL whose host is this machine ("postgres://user:pass@localhost/db", 127.0.0.1, [::1],
// host.docker.internal): a development connection, whatever password it carries. A compose
// service name ("@db:5432") is not: a compose file may be how production runs.
bool is_local_connection_url(std::string_view value);

// A value whose shape is a known credential whatever its name: AWS access key ids (AKIA...,
// ASIA...), GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), GitLab (glpat-), Slack
// (xox?-), Stripe live keys (sk_live_, rk_live_), Google API keys (AIza...), npm tokens (npm_),
// PEM private keys (-----BEGIN ... PRIVATE KEY), JSON web tokens (eyJ...eyJ...), and URLs with a
// password in them (postgres://user:pass@host).
bool looks_like_secret_value(std::string_view value);

// A value that is not itself a secret but points at one or is empty: "", "${VAR}", "$VAR",
// "${VAR:-}" and a path under /run/secrets/. A secret-looking name with such a value is fine.
bool is_indirect_value(std::string_view value);

// A value that says it stands in for a secret: "changethis", "changeme", "your-api-key",
// "<password>", "xxxxxx", "replace-me", "example", "dummy", "fake_password", "foobar". Even in a
// production file such a value is not a leaked credential (it cannot work as one unreplaced).
bool declares_placeholder(std::string_view value);

// declares_placeholder, and also the stand-ins tutorials and seed scripts use ("secret",
// "password", "admin") and values that name a credential rather than hold one.
bool is_placeholder_value(std::string_view value);

// The value as it may be shown: its first characters (4 at most, a quarter of it for short
// values) and its length, e.g. "AKIA…(20 chars)".
std::string redact(std::string_view value);

}  // namespace golive::rules
