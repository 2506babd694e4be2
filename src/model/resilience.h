#pragma once
// Backups, restores and migrations as the repository's files show them. At build time: lines
// of scripts, Makefiles, CI, manifests, compose and Terraform files that back up, encrypt,
// prune or restore a database; databases the service uses (driver dependencies, compose
// images, Terraform resources); migration files with whether each has a rollback. At rule
// time: the restore-drill document and how migrations pair with their down files.
#include <string>
#include <string_view>
#include <vector>

#include "model/file_text.h"

namespace golive::model {

struct RepoModel;
struct SourceFile;

enum class BackupFactKind { kBackup, kEncryption, kRetention, kRestore };

struct BackupFact {
  BackupFactKind kind = BackupFactKind::kBackup;
  std::string tool;  // pg_dump, restic, gpg, find -mtime, velero ttl, aws_db_instance, ...
  std::string path;
  int line = 0;
  // For backups: the tool encrypts or keeps history by itself (restic and borg repositories
  // are encrypted; managed snapshots are encrypted by the provider and expire by policy).
  bool encrypted_by_default = false;
  bool retention_by_default = false;
};

// Evidence that the service keeps data in a database.
struct DatabaseEvidence {
  std::string engine;  // postgres, mysql, mongodb, redis, ...
  std::string what;    // "dependency psycopg", "compose image postgres:16", "StatefulSet/db"
  std::string path;
  int line = 0;
  bool sql = false;
};

enum class MigrationRole {
  kMigration,  // a migration that should have a rollback
  kDown,       // a separate down/undo file (golang-migrate .down.sql, Flyway U*.sql)
};

struct MigrationFile {
  std::string tool;  // Alembic, Django, Prisma, Knex, ...
  std::string path;
  int line = 1;  // where the forward migration starts
  MigrationRole role = MigrationRole::kMigration;
  bool has_down = false;
  // Files that pair by name (golang-migrate, Flyway, Prisma): the key the down file shares.
  std::string pair_key;
  std::string
      why;  // why has_down is false when the file itself says so ("RunPython without reverse_code")
};

struct ResilienceFacts {
  std::vector<BackupFact> backups;
  std::vector<DatabaseEvidence> databases;
  std::vector<MigrationFile> migrations;

  void merge(ResilienceFacts& part);
};

// Build-time hook: learns from one file's name and content. Bounded: files over 2 MiB and
// docs are skipped; source code is read only for migrations and dependency manifests.
void learn_resilience(const SourceFile& file, const FileText& text, RepoModel& model);

// ---- rule-time queries ---------------------------------------------------------------------

// Databases from build facts plus Kubernetes StatefulSets and database operator objects.
std::vector<DatabaseEvidence> databases_of(const RepoModel& model);

// Velero Backup and Schedule objects (with their ttl) join the build facts.
std::vector<BackupFact> backup_facts_of(const RepoModel& model);

// A migration after pairing: a golang-migrate .up.sql has a down when the .down.sql exists.
struct MigrationStatus {
  const MigrationFile* file = nullptr;
  bool has_down = false;
  std::string missing;  // what is missing, worded for a message
};
std::vector<MigrationStatus> migration_status(const RepoModel& model);

struct DrillDocument {
  std::string path;
  int line = 1;
  bool rto = false;
  bool rpo = false;
};
// The docs that describe a restore drill or disaster recovery, with whether they state an RTO
// and an RPO.
std::vector<DrillDocument> drill_documents(const RepoModel& model);

}  // namespace golive::model
