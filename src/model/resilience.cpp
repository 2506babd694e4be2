#include "model/resilience.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/paths.h"
#include "core/strings.h"
#include "model/model.h"

namespace golive::model {
namespace {

using core::base_name;
using core::ends_with;
using core::starts_with;

constexpr size_t kMaxBytes = size_t{2} << 20;

using core::is_identifier_char;

// token occurs in line as a word: an alphanumeric edge of the token may not touch another
// alphanumeric character.
bool has_token(std::string_view line, std::string_view token) {
  size_t from = 0;
  while ((from = line.find(token, from)) != std::string_view::npos) {
    size_t end = from + token.size();
    bool left =
        from == 0 || !is_identifier_char(token.front()) || !is_identifier_char(line[from - 1]);
    bool right =
        end >= line.size() || !is_identifier_char(token.back()) || !is_identifier_char(line[end]);
    if (left && right) return true;
    ++from;
  }
  return false;
}

// ---- backups, encryption, retention, restores ----------------------------------------------

enum class Scope { kAny, kTerraform };

struct BackupPattern {
  BackupFactKind kind;
  std::string_view tool;
  std::string_view token;
  std::string_view also = "";         // a second token the same line must hold
  std::string_view file_marker = "";  // text the file must contain (velero.io/)
  Scope scope = Scope::kAny;
  bool encrypted_by_default = false;
  bool retention_by_default = false;
  bool positive_number = false;  // the value after the token must be a number above zero
};

using K = BackupFactKind;
const std::array kBackupPatterns = {
    // backups
    BackupPattern{K::kBackup, "pg_dump", "pg_dump"},
    BackupPattern{K::kBackup, "pg_dumpall", "pg_dumpall"},
    BackupPattern{K::kBackup, "pg_basebackup", "pg_basebackup"},
    BackupPattern{K::kBackup, "mongodump", "mongodump"},
    BackupPattern{K::kBackup, "mysqldump", "mysqldump"},
    BackupPattern{K::kBackup, "mariadb-dump", "mariadb-dump"},
    BackupPattern{K::kBackup, "mariabackup", "mariabackup"},
    BackupPattern{K::kBackup, "xtrabackup", "xtrabackup", "--backup"},
    BackupPattern{K::kBackup, "redis-cli --rdb", "redis-cli", "--rdb"},
    BackupPattern{K::kBackup, "redis BGSAVE", "BGSAVE"},
    BackupPattern{K::kBackup, "redis BGSAVE", "bgsave", "redis-cli"},
    BackupPattern{K::kBackup, "velero backup", "velero backup create"},
    BackupPattern{K::kBackup, "velero schedule", "velero schedule create"},
    BackupPattern{K::kBackup, "velero Schedule", "kind: Schedule", "", "velero.io/"},
    BackupPattern{K::kBackup, "velero Backup", "kind: Backup", "", "velero.io/"},
    BackupPattern{K::kBackup, "restic", "restic", "backup", "", Scope::kAny, true},
    BackupPattern{K::kBackup, "borg", "borg create", "", "", Scope::kAny, true},
    BackupPattern{K::kBackup, "wal-g", "wal-g backup-push"},
    BackupPattern{K::kBackup, "pgbackrest", "pgbackrest", "backup"},
    BackupPattern{K::kBackup, "barman", "barman backup"},
    BackupPattern{K::kBackup, "barman (CloudNativePG)", "barmanObjectStore:"},
    BackupPattern{K::kBackup, "aws rds snapshot", "create-db-snapshot", "", "", Scope::kAny, true},
    BackupPattern{K::kBackup, "aws rds snapshot", "create-db-cluster-snapshot", "", "", Scope::kAny,
                  true},
    BackupPattern{K::kBackup, "Cloud SQL backup", "gcloud sql backups create", "", "", Scope::kAny,
                  true},
    BackupPattern{K::kBackup, "Cloud SQL export", "gcloud sql export", "", "", Scope::kAny, true},
    BackupPattern{K::kBackup, "aws_backup_plan", "\"aws_backup_plan\"", "", "", Scope::kTerraform,
                  true},
    BackupPattern{K::kBackup, "backup_retention_period", "backup_retention_period", "", "",
                  Scope::kTerraform, true, true, true},
    BackupPattern{K::kBackup, "backup_retention_days", "backup_retention_days", "", "",
                  Scope::kTerraform, true, true, true},
    BackupPattern{K::kBackup, "Cloud SQL backup_configuration", "backup_configuration", "", "",
                  Scope::kTerraform, true, true},
    // encryption of the dump
    BackupPattern{K::kEncryption, "gpg", "gpg"},
    BackupPattern{K::kEncryption, "gpg", "gpg2"},
    BackupPattern{K::kEncryption, "age", "age", "-r"},
    BackupPattern{K::kEncryption, "age", "age", "--recipient"},
    BackupPattern{K::kEncryption, "age", "age", "-R"},
    BackupPattern{K::kEncryption, "openssl enc", "openssl enc"},
    BackupPattern{K::kEncryption, "openssl smime", "openssl smime", "-encrypt"},
    BackupPattern{K::kEncryption, "--encrypt", "--encrypt"},
    BackupPattern{K::kEncryption, "KMS", "aws:kms"},
    BackupPattern{K::kEncryption, "KMS", "--sse-kms-key-id"},
    BackupPattern{K::kEncryption, "KMS", "--kms-key-id"},
    BackupPattern{K::kEncryption, "KMS", "kms_key_id"},
    BackupPattern{K::kEncryption, "KMS", "kms_key_arn"},
    BackupPattern{K::kEncryption, "KMS", "kmsKeyId"},
    BackupPattern{K::kEncryption, "server-side encryption", "--sse"},
    BackupPattern{K::kEncryption, "server-side encryption", "--server-side-encryption"},
    BackupPattern{K::kEncryption, "storage_encrypted", "storage_encrypted"},
    BackupPattern{K::kEncryption, "wal-g encryption", "WALG_PGP_KEY"},
    BackupPattern{K::kEncryption, "wal-g encryption", "WALG_LIBSODIUM_KEY"},
    BackupPattern{K::kEncryption, "pgbackrest cipher", "cipher-type"},
    BackupPattern{K::kEncryption, "CloudNativePG encryption", "encryption:", "AES256"},
    // retention
    BackupPattern{K::kRetention, "find -mtime", "-mtime +"},
    BackupPattern{K::kRetention, "find -mtime", "-mtime=+"},
    BackupPattern{K::kRetention, "find -mmin", "-mmin +"},
    BackupPattern{K::kRetention, "keep policy", "--keep-"},
    BackupPattern{K::kRetention, "rotation", "tail -n +", "rm"},
    BackupPattern{K::kRetention, "velero ttl", "--ttl"},
    BackupPattern{K::kRetention, "velero ttl", "ttl:", "", "velero.io/"},
    BackupPattern{K::kRetention, "retention policy", "retentionPolicy:"},
    BackupPattern{K::kRetention, "retention policy", "retention_policy"},
    BackupPattern{K::kRetention, "pgbackrest retention", "retention-full"},
    BackupPattern{K::kRetention, "wal-g retention", "wal-g delete"},
    BackupPattern{K::kRetention, "lifecycle rule", "delete_after"},
    BackupPattern{K::kRetention, "lifecycle rule", "expiration", "", "", Scope::kTerraform},
    BackupPattern{K::kRetention, "retained_backups", "retained_backups"},
    // restores
    BackupPattern{K::kRestore, "pg_restore", "pg_restore"},
    BackupPattern{K::kRestore, "psql < dump", "psql", " < "},
    BackupPattern{K::kRestore, "psql < dump", "| psql"},
    BackupPattern{K::kRestore, "mongorestore", "mongorestore"},
    BackupPattern{K::kRestore, "mysql < dump", "mysql", " < "},
    BackupPattern{K::kRestore, "mysql < dump", "| mysql"},
    BackupPattern{K::kRestore, "mariadb < dump", "mariadb", " < "},
    BackupPattern{K::kRestore, "velero restore", "velero restore"},
    BackupPattern{K::kRestore, "velero Restore", "kind: Restore", "", "velero.io/"},
    BackupPattern{K::kRestore, "restic restore", "restic restore"},
    BackupPattern{K::kRestore, "borg extract", "borg extract"},
    BackupPattern{K::kRestore, "wal-g backup-fetch", "wal-g backup-fetch"},
    BackupPattern{K::kRestore, "pgbackrest restore", "pgbackrest", "restore"},
    BackupPattern{K::kRestore, "barman recover", "barman recover"},
    BackupPattern{K::kRestore, "aws rds restore", "restore-db-instance-from-db-snapshot"},
    BackupPattern{K::kRestore, "aws rds restore", "restore-db-cluster-from-snapshot"},
    BackupPattern{K::kRestore, "aws rds restore", "restore-db-instance-to-point-in-time"},
    BackupPattern{K::kRestore, "Cloud SQL restore", "gcloud sql backups restore"},
    BackupPattern{K::kRestore, "Cloud SQL import", "gcloud sql import"},
};

// Files that automate something: scripts, task runners, CI, manifests, compose, Terraform.
bool is_automation(const SourceFile& file) {
  std::string_view path = file.path;
  std::string_view name = base_name(path);
  if (file.kind == walk::FileKind::kDoc) return false;
  if (walk::is_yaml_kind(file.kind) || file.kind == walk::FileKind::kHelmTemplate ||
      file.kind == walk::FileKind::kDockerfile || file.kind == walk::FileKind::kTerraform)
    return true;
  if (ends_with(name, ".yaml") || ends_with(name, ".yml") || ends_with(name, ".tf") ||
      ends_with(name, ".sh") || ends_with(name, ".bash") || ends_with(name, ".zsh") ||
      ends_with(name, ".ps1") || ends_with(name, ".mk"))
    return true;
  if (name == "Makefile" || name == "GNUmakefile" || name == "makefile" || name == "justfile" ||
      name == "Justfile" || name == "Procfile" || name == "package.json")
    return true;
  std::string lower = core::to_lower(path);
  bool ops_path = lower.find("backup") != std::string::npos ||
                  lower.find("restore") != std::string::npos || starts_with(lower, "scripts/") ||
                  lower.find("/scripts/") != std::string::npos || starts_with(lower, "bin/") ||
                  lower.find("/bin/") != std::string::npos;
  return ops_path && (ends_with(name, ".py") || ends_with(name, ".js") ||
                      name.find('.') == std::string_view::npos);
}

bool comment(std::string_view trimmed) {
  return starts_with(trimmed, "#") || starts_with(trimmed, "//") || starts_with(trimmed, "--");
}

bool positive_number_after(std::string_view line, std::string_view token) {
  size_t at = line.find(token);
  if (at == std::string_view::npos) return false;
  std::string_view rest = line.substr(at + token.size());
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '=' || rest[i] == ':' || rest[i] == '"'))
    ++i;
  size_t digits = i;
  while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  if (digits == i) return false;
  return std::stoi(std::string(rest.substr(i, std::min<size_t>(digits - i, 6)))) > 0;
}

void scan_backups(const SourceFile& file, std::string_view content,
                  const std::vector<std::string_view>& lines, ResilienceFacts& facts) {
  bool terraform = file.kind == walk::FileKind::kTerraform || ends_with(file.path, ".tf");
  // Most files hold none of the tokens: keep the patterns whose token occurs in the file, so
  // lines are only matched against those.
  std::vector<const BackupPattern*> present;
  for (const auto& pattern : kBackupPatterns) {
    if (pattern.scope == Scope::kTerraform && !terraform) continue;
    if (content.find(pattern.token) == std::string_view::npos) continue;
    if (!pattern.file_marker.empty() && content.find(pattern.file_marker) == std::string::npos)
      continue;
    present.push_back(&pattern);
  }
  if (present.empty()) return;
  std::set<std::pair<int, std::string_view>> seen;  // one fact per kind and tool per file
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::string_view trimmed = core::trim(line);
    if (trimmed.empty() || comment(trimmed)) continue;
    for (const BackupPattern* entry : present) {
      const BackupPattern& pattern = *entry;
      if (!has_token(line, pattern.token)) continue;
      if (!pattern.also.empty() && !has_token(line, pattern.also)) continue;
      if (pattern.positive_number && !positive_number_after(line, pattern.token)) continue;
      if (!seen.emplace(static_cast<int>(pattern.kind), pattern.tool).second) continue;
      facts.backups.push_back({pattern.kind, std::string(pattern.tool), file.path,
                               static_cast<int>(i) + 1, pattern.encrypted_by_default,
                               pattern.retention_by_default});
    }
  }
}

// ---- databases -----------------------------------------------------------------------------

struct DatabaseDependency {
  std::string_view token;
  std::string_view engine;
  bool sql;
};
constexpr std::array kDatabaseDependencies = {
    // npm
    DatabaseDependency{"\"pg\"", "postgres", true},
    DatabaseDependency{"\"postgres\"", "postgres", true},
    DatabaseDependency{"\"mysql\"", "mysql", true},
    DatabaseDependency{"\"mysql2\"", "mysql", true},
    DatabaseDependency{"\"mongodb\"", "mongodb", false},
    DatabaseDependency{"\"mongoose\"", "mongodb", false},
    DatabaseDependency{"\"@prisma/client\"", "sql", true},
    DatabaseDependency{"\"typeorm\"", "sql", true},
    DatabaseDependency{"\"sequelize\"", "sql", true},
    DatabaseDependency{"\"knex\"", "sql", true},
    // python
    DatabaseDependency{"psycopg", "postgres", true},
    DatabaseDependency{"psycopg2", "postgres", true},
    DatabaseDependency{"psycopg2-binary", "postgres", true},
    DatabaseDependency{"asyncpg", "postgres", true},
    DatabaseDependency{"pymongo", "mongodb", false},
    DatabaseDependency{"motor", "mongodb", false},
    DatabaseDependency{"mongoengine", "mongodb", false},
    DatabaseDependency{"mysqlclient", "mysql", true},
    DatabaseDependency{"pymysql", "mysql", true},
    DatabaseDependency{"PyMySQL", "mysql", true},
    DatabaseDependency{"aiomysql", "mysql", true},
    DatabaseDependency{"dj-database-url", "sql", true},
    // go
    DatabaseDependency{"github.com/lib/pq", "postgres", true},
    DatabaseDependency{"github.com/jackc/pgx", "postgres", true},
    DatabaseDependency{"go.mongodb.org/mongo-driver", "mongodb", false},
    DatabaseDependency{"github.com/go-sql-driver/mysql", "mysql", true},
    DatabaseDependency{"gorm.io/driver/postgres", "postgres", true},
    DatabaseDependency{"gorm.io/driver/mysql", "mysql", true},
    // java
    DatabaseDependency{"org.postgresql", "postgres", true},
    DatabaseDependency{"mysql-connector-j", "mysql", true},
    DatabaseDependency{"mysql-connector-java", "mysql", true},
    DatabaseDependency{"mariadb-java-client", "mysql", true},
    DatabaseDependency{"mongodb-driver-sync", "mongodb", false},
    DatabaseDependency{"spring-boot-starter-data-mongodb", "mongodb", false},
    // ruby
    DatabaseDependency{"'pg'", "postgres", true},
    DatabaseDependency{"'mysql2'", "mysql", true},
};

// A manifest names a dependency when the token stands alone: not inside a longer name.
bool names_dependency(std::string_view line, std::string_view token) {
  size_t from = 0;
  while ((from = line.find(token, from)) != std::string_view::npos) {
    size_t end = from + token.size();
    char before = from == 0 ? ' ' : line[from - 1];
    char after = end >= line.size() ? ' ' : line[end];
    bool left = !(std::isalnum(static_cast<unsigned char>(before)) || before == '_' ||
                  before == '-' || before == '.' || before == '/' || before == '@');
    bool right = !(std::isalnum(static_cast<unsigned char>(after)) || after == '_' ||
                   (after == '-' && token.front() != '"' && token.front() != '\''));
    if (left && right) return true;
    ++from;
  }
  return false;
}

void scan_dependencies(const SourceFile& file, const std::vector<std::string_view>& lines,
                       ResilienceFacts& facts) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view trimmed = core::trim(lines[i]);
    if (trimmed.empty() || starts_with(trimmed, "#") || starts_with(trimmed, "//")) continue;
    for (const auto& dependency : kDatabaseDependencies) {
      if (!names_dependency(lines[i], dependency.token)) continue;
      std::string name(dependency.token);
      name.erase(
          std::remove_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '\''; }),
          name.end());
      facts.databases.push_back({std::string(dependency.engine), "dependency " + name, file.path,
                                 static_cast<int>(i) + 1, dependency.sql});
      return;  // one per manifest is enough evidence
    }
  }
}

struct DatabaseResource {
  std::string_view type;
  std::string_view engine;
  bool sql;
};
constexpr std::array kDatabaseResources = {
    DatabaseResource{"aws_db_instance", "rds", true},
    DatabaseResource{"aws_rds_cluster", "aurora", true},
    DatabaseResource{"google_sql_database_instance", "cloud-sql", true},
    DatabaseResource{"azurerm_postgresql_server", "postgres", true},
    DatabaseResource{"azurerm_postgresql_flexible_server", "postgres", true},
    DatabaseResource{"azurerm_mysql_server", "mysql", true},
    DatabaseResource{"azurerm_mysql_flexible_server", "mysql", true},
    DatabaseResource{"azurerm_mssql_database", "sqlserver", true},
    DatabaseResource{"aws_docdb_cluster", "documentdb", false},
    DatabaseResource{"aws_dynamodb_table", "dynamodb", false},
    DatabaseResource{"mongodbatlas_cluster", "mongodb", false},
    DatabaseResource{"digitalocean_database_cluster", "managed-database", true},
};

void scan_terraform_databases(const SourceFile& file, const std::vector<std::string_view>& lines,
                              ResilienceFacts& facts) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view trimmed = core::trim(lines[i]);
    if (!starts_with(trimmed, "resource ")) continue;
    for (const auto& resource : kDatabaseResources) {
      std::string quoted = "\"" + std::string(resource.type) + "\"";
      if (trimmed.find(quoted) == std::string_view::npos) continue;
      facts.databases.push_back({std::string(resource.engine),
                                 "Terraform resource " + std::string(resource.type), file.path,
                                 static_cast<int>(i) + 1, resource.sql});
    }
  }
}

// ---- migrations ----------------------------------------------------------------------------

enum class Special {
  kNone,
  kAlembic,       // downgrade() must do something
  kDjango,        // RunPython/RunSQL need a reverse
  kDownBody,      // the down marker must be followed by statements (dbmate, goose)
  kPairedSuffix,  // name.up.sql pairs with name.down.sql
  kFlyway,        // V<version>__x.sql pairs with U<version>__y.sql
  kPrisma,        // never has a down; a down.sql beside it or a documented plan
  kIrreversible,  // Liquibase: only raw SQL changes need an explicit rollback
};

struct MigrationStyle {
  std::string_view tool;
  std::string_view segment;              // a directory segment the path must contain ("" = any)
  std::string_view suffix;               // how the file name ends
  std::string_view marker;               // content that identifies the tool ("" = any)
  std::array<std::string_view, 4> down;  // content showing a rollback
  Special special = Special::kNone;
};

const std::array kMigrationStyles = {
    MigrationStyle{"golang-migrate", "", ".up.sql", "", {}, Special::kPairedSuffix},
    MigrationStyle{"Prisma", "migrations", "/migration.sql", "", {}, Special::kPrisma},
    MigrationStyle{"goose", "", ".sql", "-- +goose Up", {"-- +goose Down"}, Special::kDownBody},
    MigrationStyle{"dbmate", "", ".sql", "-- migrate:up", {"-- migrate:down"}, Special::kDownBody},
    MigrationStyle{"Liquibase",
                   "",
                   ".sql",
                   "--liquibase formatted sql",
                   {"--rollback"},
                   Special::kIrreversible},
    MigrationStyle{
        "Liquibase", "", ".xml", "databaseChangeLog", {"<rollback"}, Special::kIrreversible},
    MigrationStyle{
        "Liquibase", "", ".yaml", "databaseChangeLog", {"rollback:"}, Special::kIrreversible},
    MigrationStyle{
        "Liquibase", "", ".yml", "databaseChangeLog", {"rollback:"}, Special::kIrreversible},
    MigrationStyle{"Flyway", "", ".sql", "", {}, Special::kFlyway},
    MigrationStyle{
        "Alembic", "versions", ".py", "def upgrade", {"def downgrade"}, Special::kAlembic},
    MigrationStyle{"Django", "migrations", ".py", "class Migration(", {}, Special::kDjango},
    MigrationStyle{
        "Rails", "migrate", ".rb", "ActiveRecord::Migration", {"def down", "def change"}},
    MigrationStyle{"TypeORM", "", ".ts", "implements MigrationInterface", {"async down("}},
    MigrationStyle{"TypeORM", "", ".js", "implements MigrationInterface", {"async down("}},
    MigrationStyle{
        "Sequelize", "migrations", ".js", "queryInterface", {"down:", "async down(", "down("}},
    MigrationStyle{
        "Sequelize", "migrations", ".cjs", "queryInterface", {"down:", "async down(", "down("}},
    MigrationStyle{"migrate-mongo", "migrations", ".js", "up(db", {"down(db", "async down("}},
    MigrationStyle{
        "Knex", "migrations", ".js", "knex", {"exports.down", "function down", "down = "}},
    MigrationStyle{"Knex", "migrations", ".ts", "knex", {"function down", "down = "}},
    MigrationStyle{"Knex", "migrations", ".mjs", "knex", {"function down", "down = "}},
    MigrationStyle{"Entity Framework", "", ".cs", ": Migration", {"void Down("}},
};

// Flyway's versioned file: V<version>__<description>.sql; returns the version, else "".
std::string flyway_version(std::string_view name, char prefix) {
  if (name.size() < 4 || name[0] != prefix || !std::isdigit(static_cast<unsigned char>(name[1])))
    return "";
  size_t separator = name.find("__");
  if (separator == std::string_view::npos) return "";
  return std::string(name.substr(1, separator - 1));
}

bool has_segment(std::string_view path, std::string_view segment) {
  if (segment.empty()) return true;
  for (const auto& part : core::split(core::directory_name(path), '/')) {
    if (part == segment) return true;
  }
  return false;
}

size_t indent_of(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
  return indent;
}

// True when def downgrade() holds a statement other than pass, "..." or a docstring.
bool alembic_downgrade_does_something(const std::vector<std::string_view>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (core::trim(lines[i]).rfind("def downgrade", 0) != 0) continue;
    size_t def_indent = indent_of(lines[i]);
    bool in_docstring = false;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view body = core::trim(lines[j]);
      if (body.empty()) continue;
      if (indent_of(lines[j]) <= def_indent) break;
      size_t quotes = 0;
      for (size_t at = body.find(R"(""")"); at != std::string_view::npos;
           at = body.find(R"(""")", at + 3))
        ++quotes;
      if (in_docstring || quotes > 0) {
        if (quotes % 2 == 1) in_docstring = !in_docstring;
        continue;
      }
      if (body[0] == '#' || body == "pass" || body == "...") continue;
      if (body.rfind("raise NotImplementedError", 0) == 0) continue;
      return true;
    }
    return false;
  }
  return false;
}

// The arguments of each call of name (across lines); empty when none.
std::vector<std::string_view> call_arguments(std::string_view content, std::string_view name) {
  std::vector<std::string_view> calls;
  size_t from = 0;
  while ((from = content.find(name, from)) != std::string_view::npos) {
    size_t open = from + name.size();
    from = open;
    int depth = 1;
    size_t at = open;
    while (at < content.size() && depth > 0) {
      if (content[at] == '(' || content[at] == '[' || content[at] == '{') ++depth;
      if (content[at] == ')' || content[at] == ']' || content[at] == '}') --depth;
      ++at;
    }
    calls.push_back(content.substr(open, at - open));
  }
  return calls;
}

bool has_top_level_comma(std::string_view arguments) {
  int depth = 0;
  for (char c : arguments) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (c == ',' && depth == 0) return true;
  }
  return false;
}

// Django's operations reverse themselves, except RunPython and RunSQL without a reverse.
std::string django_irreversible(std::string_view content) {
  for (auto arguments : call_arguments(content, "RunPython(")) {
    if (arguments.find("reverse_code") == std::string_view::npos &&
        !has_top_level_comma(core::trim(arguments).substr(
            0, core::trim(arguments).empty() ? 0 : core::trim(arguments).size() - 1)))
      return "RunPython without reverse_code";
  }
  for (auto arguments : call_arguments(content, "RunSQL(")) {
    if (arguments.find("reverse_sql") == std::string_view::npos &&
        !has_top_level_comma(core::trim(arguments).substr(
            0, core::trim(arguments).empty() ? 0 : core::trim(arguments).size() - 1)))
      return "RunSQL without reverse_sql";
  }
  return "";
}

bool down_has_body(std::string_view content, std::string_view marker) {
  size_t at = content.find(marker);
  if (at == std::string_view::npos) return false;
  for (auto line : core::split_lines(content.substr(at + marker.size()))) {
    std::string_view trimmed = core::trim(line);
    if (!trimmed.empty() && !starts_with(trimmed, "--")) return true;
  }
  return false;
}

bool contains_any(std::string_view content, const std::array<std::string_view, 4>& tokens) {
  for (std::string_view token : tokens) {
    if (!token.empty() && content.find(token) != std::string_view::npos) return true;
  }
  return false;
}

void scan_migration(const SourceFile& file, std::string_view content,
                    const std::vector<std::string_view>& lines, ResilienceFacts& facts) {
  std::string_view name = base_name(file.path);
  for (const auto& style : kMigrationStyles) {
    if (!ends_with(file.path, style.suffix) || !has_segment(file.path, style.segment)) continue;
    if (!style.marker.empty() && content.find(style.marker) == std::string_view::npos) continue;
    MigrationFile migration;
    migration.tool = std::string(style.tool);
    migration.path = file.path;
    switch (style.special) {
      case Special::kPairedSuffix:
        migration.pair_key = file.path.substr(0, file.path.size() - style.suffix.size());
        break;
      case Special::kPrisma:
        migration.pair_key = std::string(core::directory_name(file.path));
        break;
      case Special::kFlyway: {
        std::string version = flyway_version(name, 'V');
        std::string undo = flyway_version(name, 'U');
        if (version.empty() && undo.empty()) continue;
        migration.role = version.empty() ? MigrationRole::kDown : MigrationRole::kMigration;
        migration.pair_key =
            std::string(core::directory_name(file.path)) + "/" + (version.empty() ? undo : version);
        break;
      }
      case Special::kAlembic:
        migration.has_down = alembic_downgrade_does_something(lines);
        if (!migration.has_down) migration.why = "downgrade() does nothing";
        break;
      case Special::kDjango:
        if (!std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        migration.why = django_irreversible(content);
        migration.has_down = migration.why.empty();
        break;
      case Special::kDownBody:
        migration.has_down = down_has_body(content, style.down[0]);
        if (!migration.has_down) migration.why = "its down section is empty";
        break;
      case Special::kIrreversible:
        migration.has_down = contains_any(content, style.down) ||
                             (style.suffix != ".sql" && content.find("<sql") == std::string::npos &&
                              content.find("sql:") == std::string::npos &&
                              content.find("sqlFile") == std::string::npos);
        if (!migration.has_down) migration.why = "raw SQL changeSets have no rollback";
        break;
      case Special::kNone:
        migration.has_down = contains_any(content, style.down);
        break;
    }
    if (style.special != Special::kPairedSuffix && style.special != Special::kPrisma &&
        style.special != Special::kFlyway) {
      // Report at the forward migration: the line with the tool's marker when there is one.
      for (size_t i = 0; i < lines.size() && !style.marker.empty(); ++i) {
        if (lines[i].find(style.marker) != std::string_view::npos) {
          migration.line = static_cast<int>(i) + 1;
          break;
        }
      }
    }
    facts.migrations.push_back(std::move(migration));
    return;
  }
}

}  // namespace

void ResilienceFacts::merge(ResilienceFacts& part) {
  backups.insert(backups.end(), part.backups.begin(), part.backups.end());
  databases.insert(databases.end(), part.databases.begin(), part.databases.end());
  migrations.insert(migrations.end(), std::make_move_iterator(part.migrations.begin()),
                    std::make_move_iterator(part.migrations.end()));
}

void learn_resilience(const SourceFile& file, const FileText& text, RepoModel& model) {
  std::string_view content = text.content();
  if (content.size() > kMaxBytes || file.kind == walk::FileKind::kDoc) return;
  ResilienceFacts& facts = model.resilience;
  bool automation = is_automation(file);
  bool manifest = file.kind == walk::FileKind::kPackageManifest;
  std::string_view name = base_name(file.path);
  bool migration_candidate =
      ends_with(name, ".sql") || ends_with(name, ".py") || ends_with(name, ".rb") ||
      ends_with(name, ".js") || ends_with(name, ".ts") || ends_with(name, ".cjs") ||
      ends_with(name, ".mjs") || ends_with(name, ".cs") || ends_with(name, ".xml") ||
      ends_with(name, ".yaml") || ends_with(name, ".yml");
  // Most source files sit in no migrations folder: check the path before splitting lines.
  migration_candidate =
      migration_candidate &&
      std::any_of(kMigrationStyles.begin(), kMigrationStyles.end(), [&](const auto& style) {
        return ends_with(file.path, style.suffix) && has_segment(file.path, style.segment);
      });
  bool terraform = file.kind == walk::FileKind::kTerraform || ends_with(name, ".tf");
  if (!automation && !manifest && !migration_candidate && !terraform) return;
  const std::vector<std::string_view>& lines = text.lines();
  if (automation) scan_backups(file, content, lines, facts);
  if (manifest) scan_dependencies(file, lines, facts);
  if (terraform) scan_terraform_databases(file, lines, facts);
  if (migration_candidate) scan_migration(file, content, lines, facts);
}

// ---- rule-time queries ---------------------------------------------------------------------

namespace {

struct DatabaseImage {
  std::string_view name;  // last path segment of the image, without tag
  std::string_view engine;
  bool sql;
};
constexpr std::array kDatabaseImages = {
    DatabaseImage{"postgres", "postgres", true},
    DatabaseImage{"postgresql", "postgres", true},
    DatabaseImage{"postgis", "postgres", true},
    DatabaseImage{"timescaledb", "postgres", true},
    DatabaseImage{"timescaledb-ha", "postgres", true},
    DatabaseImage{"mysql", "mysql", true},
    DatabaseImage{"mariadb", "mysql", true},
    DatabaseImage{"percona-server", "mysql", true},
    DatabaseImage{"mongo", "mongodb", false},
    DatabaseImage{"mongodb", "mongodb", false},
    DatabaseImage{"redis", "redis", false},
    DatabaseImage{"redis-stack-server", "redis", false},
    DatabaseImage{"valkey", "redis", false},
    DatabaseImage{"cockroach", "cockroachdb", true},
    DatabaseImage{"cassandra", "cassandra", false},
    DatabaseImage{"couchdb", "couchdb", false},
    DatabaseImage{"neo4j", "neo4j", false},
    DatabaseImage{"clickhouse-server", "clickhouse", true},
    DatabaseImage{"influxdb", "influxdb", false},
};

// Database operators: a cluster object is a database.
struct DatabaseOperator {
  std::string_view api_group;
  std::string_view engine;
  bool sql;
};
constexpr std::array kDatabaseOperators = {
    DatabaseOperator{"postgresql.cnpg.io/", "postgres", true},
    DatabaseOperator{"acid.zalan.do/", "postgres", true},
    DatabaseOperator{"postgres-operator.crunchydata.com/", "postgres", true},
    DatabaseOperator{"mongodbcommunity.mongodb.com/", "mongodb", false},
    DatabaseOperator{"psmdb.percona.com/", "mongodb", false},
    DatabaseOperator{"pxc.percona.com/", "mysql", true},
    DatabaseOperator{"mysql.oracle.com/", "mysql", true},
};

std::string image_name(std::string_view image) {
  if (size_t at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  size_t slash = image.rfind('/');
  std::string_view last = slash == std::string_view::npos ? image : image.substr(slash + 1);
  if (size_t colon = last.find(':'); colon != std::string_view::npos) last = last.substr(0, colon);
  return std::string(last);
}

bool is_cluster_kind(std::string_view kind) {
  return kind == "Cluster" || kind == "postgresql" || kind == "PostgresCluster" ||
         kind == "MongoDBCommunity" || kind == "PerconaServerMongoDB" ||
         kind == "PerconaXtraDBCluster" || kind == "InnoDBCluster";
}

}  // namespace

std::vector<DatabaseEvidence> databases_of(const RepoModel& model) {
  std::vector<DatabaseEvidence> all = model.resilience.databases;
  for (const auto& compose : model.compose_files) {
    for (const auto& service : compose.services) {
      if (service.image.empty()) continue;
      std::string name = image_name(service.image);
      for (const auto& image : kDatabaseImages) {
        if (name != image.name) continue;
        all.push_back({std::string(image.engine),
                       "compose service '" + service.name + "' runs " + service.image, compose.path,
                       service.image_line > 0 ? service.image_line : service.line, image.sql});
      }
    }
  }
  for (const auto& object : model.k8s_objects) {
    if (object.kind == "StatefulSet") {
      all.push_back({"statefulset", "StatefulSet/" + object.name, object.path, object.line, false});
      continue;
    }
    for (const auto& op : kDatabaseOperators) {
      if (starts_with(object.api_version, op.api_group) && is_cluster_kind(object.kind))
        all.push_back({std::string(op.engine), object.kind + "/" + object.name, object.path,
                       object.line, op.sql});
    }
  }
  return all;
}

std::vector<BackupFact> backup_facts_of(const RepoModel& model) { return model.resilience.backups; }

std::vector<MigrationStatus> migration_status(const RepoModel& model) {
  std::set<std::string, std::less<>> flyway_undo;
  for (const auto& migration : model.resilience.migrations) {
    if (migration.role == MigrationRole::kDown) flyway_undo.insert(migration.pair_key);
  }
  bool prisma_plan = false;
  for (const auto& doc : model.docs) {
    std::string lower = core::to_lower(doc.text);
    if (lower.find("prisma migrate diff") != std::string::npos ||
        (lower.find("prisma") != std::string::npos &&
         (lower.find("rollback") != std::string::npos ||
          lower.find("roll back") != std::string::npos))) {
      prisma_plan = true;
      break;
    }
  }
  std::vector<MigrationStatus> status;
  for (const auto& migration : model.resilience.migrations) {
    if (migration.role != MigrationRole::kMigration) continue;
    MigrationStatus entry{&migration, migration.has_down, ""};
    if (migration.tool == "golang-migrate") {
      entry.has_down = model.file(migration.pair_key + ".down.sql") != nullptr;
      if (!entry.has_down)
        entry.missing = "no " + std::string(base_name(migration.pair_key)) + ".down.sql beside it";
    } else if (migration.tool == "Flyway") {
      entry.has_down = flyway_undo.count(migration.pair_key) > 0;
      if (!entry.has_down) entry.missing = "no U<version>__*.sql undo migration";
    } else if (migration.tool == "Prisma") {
      entry.has_down = prisma_plan || model.file(migration.pair_key + "/down.sql") != nullptr;
      if (!entry.has_down)
        entry.missing = "no down.sql beside it and no documented Prisma rollback plan";
    } else if (!entry.has_down) {
      entry.missing = migration.why.empty() ? "no down migration" : migration.why;
    }
    status.push_back(std::move(entry));
  }
  return status;
}

namespace {

constexpr std::array<std::string_view, 7> kDrillWords = {
    "restore drill", "restore test",      "disaster recovery", "recovery drill",
    "dr drill",      "restore rehearsal", "backup drill"};

bool has_word(std::string_view text, std::string_view word) { return has_token(text, word); }

}  // namespace

std::vector<DrillDocument> drill_documents(const RepoModel& model) {
  std::vector<DrillDocument> found;
  for (const auto& doc : model.docs) {
    std::string lower = core::to_lower(doc.text);
    std::string path = core::to_lower(doc.path);
    size_t at = std::string::npos;
    for (std::string_view word : kDrillWords) at = std::min(at, lower.find(word));
    bool named = path.find("disaster") != std::string::npos ||
                 path.find("restore") != std::string::npos ||
                 base_name(path).rfind("dr.", 0) == 0 || base_name(path).rfind("dr-", 0) == 0;
    if (at == std::string::npos && !named) continue;
    DrillDocument drill{doc.path, at == std::string::npos ? 1 : core::line_of_offset(doc.text, at)};
    drill.rto =
        has_word(doc.text, "RTO") || lower.find("recovery time objective") != std::string::npos;
    drill.rpo =
        has_word(doc.text, "RPO") || lower.find("recovery point objective") != std::string::npos;
    found.push_back(std::move(drill));
  }
  return found;
}

}  // namespace golive::model
