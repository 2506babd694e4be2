#include "rules/secret_words.h"

#include <gtest/gtest.h>

#include <string>

namespace golive::rules {
namespace {

TEST(LooksLikeSecretName, SecretWordsInAnySpelling) {
  for (const char* name : {"DB_PASSWORD",
                           "MYSQL_ROOT_PASSWORD",
                           "password",
                           "dbPassword",
                           "db-password",
                           "smtp.passwd",
                           "GITHUB_TOKEN",
                           "NPM_TOKEN",
                           "AUTH_TOKEN_V2",
                           "JWT_SECRET",
                           "AWS_SECRET_ACCESS_KEY",
                           "clientSecret",
                           "SECRET_KEY_BASE",
                           "API_KEY",
                           "APIKEY",
                           "STRIPE_API_KEY",
                           "PRIVATE_KEY",
                           "SSH_PRIVATE_KEY",
                           "SIGNING_KEY",
                           "ENCRYPTION_KEY",
                           "NEW_RELIC_LICENSE_KEY",
                           "DB_PASS",
                           "DB_PWD",
                           "GPG_PASSPHRASE",
                           "AUTH_SALT",
                           "KEY",
                           "HTPASSWD",
                           "API_KEY_V2"}) {
    EXPECT_TRUE(looks_like_secret_name(name)) << name;
  }
}

TEST(LooksLikeSecretName, DescriptionsFlagsAndPublicKeysAreNot) {
  for (const char* name : {"AWS_ACCESS_KEY_ID",
                           "KEY_ID",
                           "POSTGRES_PASSWORD_FILE",
                           "PUBLIC_KEY_PATH",
                           "PUBLIC_KEY",
                           "STRIPE_PUBLISHABLE_KEY",
                           "TOKEN_URL",
                           "SECRET_NAME",
                           "TOKEN_TTL",
                           "PASSWORD_MIN_LENGTH",
                           "MYSQL_ALLOW_EMPTY_PASSWORD",
                           "MYSQL_RANDOM_ROOT_PASSWORD",
                           "CACHE_KEY",
                           "GPG_KEY",
                           "GPG_KEYS",
                           "PWD",
                           "OLDPWD",
                           "TOKENIZERS_PARALLELISM",
                           "PASSTHROUGH",
                           "PASS_THROUGH",
                           "KEYCLOAK_URL",
                           "NODE_ENV",
                           "PORT",
                           "secretKeyRef",
                           "BCRYPT_SALT_ROUNDS",
                           "PATH",
                           "ACCESS_TOKEN_EXPIRE_MINUTES",
                           "TOKEN_EXPIRES_IN",
                           "JWT_EXPIRES_IN",
                           "PASSWORD_RESET_TOKEN_TTL_SECONDS",
                           "API_KEY_HEADER",
                           ""}) {
    EXPECT_FALSE(looks_like_secret_name(name)) << name;
  }
}

TEST(LooksLikeSecretValue, KnownCredentialShapes) {
  for (const char* value :
       {"AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        "Bearer ghs_0123456789abcdefghijABCDEFGHIJ0123",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "glpat-abcdefghij0123456789",
        "xoxb-123456789012-abcdefghijkl", "sk_live_0123456789abcdefABCDEF",
        "AIzaSyA0123456789abcdefghijklmnopqrstuv", "npm_0123456789abcdefghijABCDEFGHIJ012345",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "-----BEGIN OPENSSH PRIVATE KEY-----",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "postgres://app:s3cret@db:5432/app",
        "redis://:hunter2@cache:6379"}) {
    EXPECT_TRUE(looks_like_secret_value(value)) << value;
  }
}

TEST(LooksLikeSecretValue, OrdinaryValuesAreNot) {
  for (const char* value :
       {"", "production", "8080", "AKIA", "AKIAshort", "ghp_short",
        "sk_test_0123456789abcdefABCDEF", "-----BEGIN CERTIFICATE-----", "https://example.com/path",
        "postgres://app@db:5432/app", "postgres://app:${DB_PASSWORD}@db/app",
        "XAKIAIOSFODNN7EXAMPLE", "/usr/local/bin"}) {
    EXPECT_FALSE(looks_like_secret_value(value)) << value;
  }
}

TEST(IsIndirectValue, ReferencesAndEmptyValues) {
  EXPECT_TRUE(is_indirect_value(""));
  EXPECT_TRUE(is_indirect_value("  "));
  EXPECT_TRUE(is_indirect_value("${DB_PASSWORD}"));
  EXPECT_TRUE(is_indirect_value("$DB_PASSWORD"));
  EXPECT_TRUE(is_indirect_value("Bearer ${TOKEN}"));
  EXPECT_TRUE(is_indirect_value("{{ .Values.password }}"));
  EXPECT_TRUE(is_indirect_value("/run/secrets/db_password"));
  EXPECT_FALSE(is_indirect_value("hunter2"));
  EXPECT_FALSE(is_indirect_value("changeme"));
}

TEST(Redact, ShowsAFewCharactersAndTheLength) {
  EXPECT_EQ(redact("AKIAIOSFODNN7EXAMPLE"), "AKIA\u2026(20 chars)");
  EXPECT_EQ(redact("hunter2"), "h\u2026(7 chars)");
  EXPECT_EQ(redact("abc"), "\u2026(3 chars)");
  EXPECT_EQ(redact(""), "\u2026(0 chars)");
}

TEST(IsLocalConnectionUrl, ThisMachineOnly) {
  EXPECT_TRUE(is_local_connection_url("postgres://user:pass@localhost:5432/outline"));
  EXPECT_TRUE(is_local_connection_url("postgres://user:pass@127.0.0.1/db"));
  EXPECT_FALSE(is_local_connection_url("redis://:s3cret@redis:6379"));  // may be production
  EXPECT_TRUE(is_local_connection_url("amqp://guest:guest@[::1]:5672"));
  EXPECT_FALSE(is_local_connection_url("postgres://app:Xk29fLq@db.prod.acme.internal/app"));
  EXPECT_FALSE(is_local_connection_url("no url here"));
}

TEST(LooksLikeSecretValue, AStubPrivateKeyIsNotAKey) {
  EXPECT_FALSE(looks_like_secret_value(
      "-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----"));
  std::string body(200, 'A');
  EXPECT_TRUE(looks_like_secret_value("-----BEGIN PRIVATE KEY-----\n" + body +
                                      "\n-----END PRIVATE KEY-----"));
}

TEST(IsPlaceholderValue, TutorialStandInsAreNotCredentials) {
  EXPECT_TRUE(is_placeholder_value("s3cret"));
  EXPECT_TRUE(is_placeholder_value("'password'"));
  EXPECT_TRUE(is_placeholder_value("fake_password"));
  EXPECT_TRUE(is_placeholder_value("<your token>"));
  EXPECT_FALSE(is_placeholder_value("s3cret-Xq81Lm"));  // only the stand-in itself
  EXPECT_FALSE(is_placeholder_value("hunter2-Kp9Zw"));
}

}  // namespace
}  // namespace golive::rules
