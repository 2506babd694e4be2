// Backups, databases and migrations (model/resilience.cpp).
#include "model/resilience.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "model/builder.h"
#include "model/model.h"

namespace golive::model {
namespace {

RepoModel model_of(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  std::sort(model.files.begin(), model.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return model;
}

int count_of(const RepoModel& model, BackupFactKind kind) {
  int count = 0;
  for (const auto& fact : model.resilience.backups) count += fact.kind == kind ? 1 : 0;
  return count;
}

TEST(Backups, ScriptWithEncryptionRetentionAndRestore) {
  RepoModel model = model_of({
      {"scripts/backup.sh",
       "#!/bin/sh\n# pg_dump in a comment does not count\n"
       "pg_dump \"$URL\" | gpg --encrypt -r ops > d.gpg\nfind /b -mtime +7 -delete\n"},
      {"scripts/restore.sh", "gpg -d d.gpg | psql \"$URL\"\n"},
  });
  ASSERT_EQ(count_of(model, BackupFactKind::kBackup), 1);
  EXPECT_EQ(model.resilience.backups[0].tool, "pg_dump");
  EXPECT_EQ(model.resilience.backups[0].line, 3);
  EXPECT_EQ(count_of(model, BackupFactKind::kEncryption), 3);  // gpg, --encrypt; gpg
  EXPECT_EQ(count_of(model, BackupFactKind::kRetention), 1);
  EXPECT_EQ(count_of(model, BackupFactKind::kRestore), 1);
}

TEST(Backups, DocsAndSourceCodeAreNotAutomation) {
  RepoModel model = model_of({
      {"docs/backup.md", "Run pg_dump nightly.\n"},
      {"src/tables.cpp", "\"pg_dump\",\n"},
  });
  EXPECT_TRUE(model.resilience.backups.empty());
}

TEST(Backups, TerraformRetentionMustBePositive) {
  RepoModel zero = model_of(
      {{"main.tf", "resource \"aws_db_instance\" \"db\" {\n  backup_retention_period = 0\n}\n"}});
  EXPECT_EQ(count_of(zero, BackupFactKind::kBackup), 0);
  ASSERT_EQ(zero.resilience.databases.size(), 1u);
  EXPECT_EQ(zero.resilience.databases[0].line, 1);
  RepoModel seven = model_of(
      {{"main.tf", "resource \"aws_db_instance\" \"db\" {\n  backup_retention_period = 7\n}\n"}});
  ASSERT_EQ(count_of(seven, BackupFactKind::kBackup), 1);
  EXPECT_TRUE(seven.resilience.backups[0].retention_by_default);
}

TEST(Databases, DependenciesMatchWholeNames) {
  RepoModel model = model_of({
      {"package.json", "{\"dependencies\": {\"pg-format-docs\": \"1\", \"express\": \"4\"}}\n"},
      {"requirements.txt", "flask\npsycopg2-binary==2.9\n"},
      {"go.mod", "module x\nrequire github.com/jackc/pgx/v5 v5.5.0\n"},
  });
  ASSERT_EQ(model.resilience.databases.size(), 2u);
  EXPECT_EQ(model.resilience.databases[0].path, "requirements.txt");
  EXPECT_EQ(model.resilience.databases[0].line, 2);
  EXPECT_EQ(model.resilience.databases[1].engine, "postgres");
}

TEST(Databases, ComposeImagesAndStatefulSets) {
  RepoModel model = model_of({
      {"docker-compose.yml",
       "services:\n  db:\n    image: docker.io/library/postgres:16\n  "
       "cache:\n    image: nginx:1\n"},
      {"k8s/db.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: mongo\n"},
  });
  std::vector<DatabaseEvidence> databases = databases_of(model);
  ASSERT_EQ(databases.size(), 2u);
  EXPECT_EQ(databases[0].engine, "postgres");
  EXPECT_EQ(databases[1].what, "StatefulSet/mongo");
}

TEST(Migrations, PairsAndReversibility) {
  RepoModel model = model_of({
      {"db/001_a.up.sql", "create table a();\n"},
      {"db/001_a.down.sql", "drop table a;\n"},
      {"db/002_b.up.sql", "create table b();\n"},
      {"sql/V1__init.sql", "x\n"},
      {"sql/U1__init.sql", "x\n"},
      {"sql/V2__more.sql", "x\n"},
      {"sql/R__views.sql", "x\n"},
      {"alembic/versions/abc.py", "def upgrade():\n    op.x()\n\ndef downgrade():\n    pass\n"},
      {"shop/migrations/0001_init.py",
       "class Migration(migrations.Migration):\n    operations = [migrations.RunSQL('x')]\n"},
      {"shop/migrations/0002_ok.py",
       "class Migration(migrations.Migration):\n    operations = [migrations.RunPython(f, b)]\n"},
      {"db/dbmate/1_x.sql", "-- migrate:up\ncreate table x();\n-- migrate:down\n"},
  });
  std::map<std::string, bool> down;
  for (const auto& status : migration_status(model)) down[status.file->path] = status.has_down;
  EXPECT_EQ(down.size(), 8u);
  EXPECT_TRUE(down["db/001_a.up.sql"]);
  EXPECT_FALSE(down["db/002_b.up.sql"]);
  EXPECT_TRUE(down["sql/V1__init.sql"]);
  EXPECT_FALSE(down["sql/V2__more.sql"]);
  EXPECT_FALSE(down["alembic/versions/abc.py"]);
  EXPECT_FALSE(down["shop/migrations/0001_init.py"]);
  EXPECT_TRUE(down["shop/migrations/0002_ok.py"]);
  ASSERT_EQ(down.count("db/dbmate/1_x.sql"), 1u);
  EXPECT_FALSE(down["db/dbmate/1_x.sql"]);
}

TEST(DrillDocuments, NeedsRtoAndRpoAsWords) {
  RepoModel model = model_of({
      {"docs/dr.md", "# Disaster recovery\nRTO 1h, RPO 15m\n"},
      {"docs/ops.md", "# Restore drill\nWe test restores. PROTOCOL matters.\n"},
  });
  std::vector<DrillDocument> documents = drill_documents(model);
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_TRUE(documents[0].rto && documents[0].rpo);
  EXPECT_FALSE(documents[1].rto);
  EXPECT_EQ(documents[1].line, 1);
}

}  // namespace
}  // namespace golive::model
