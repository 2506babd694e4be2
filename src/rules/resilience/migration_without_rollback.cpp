#include "model/resilience.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

void check(RuleContext& context) {
  std::vector<model::MigrationStatus> migrations = model::migration_status(context.model());
  if (migrations.empty()) return context.not_applicable("no migration files");
  for (const auto& migration : migrations) {
    if (migration.has_down) continue;
    context.report(migration.file->tool + " migration has no rollback: " + migration.missing,
                   migration.file->path, migration.file->line);
  }
}

}  // namespace

extern const Rule kMigrationWithoutRollback;
const Rule kMigrationWithoutRollback{
    {.id = "resilience/migration-without-rollback",
     .section = "resilience",
     .title = "Every migration has a rollback",
     .severity = Severity::kWarning,
     .seeds = "002 §5, 003 P3-05",
     .rationale =
         "When a release must be rolled back, the schema must be able to go back too, or the "
         "previous version of the code meets a schema it does not know. golive recognises "
         "each migration tool by its files and checks each migration: Alembic versions/*.py "
         "with a downgrade() that does something; Django migrations/0*.py, reversible unless "
         "RunPython or RunSQL lacks reverse_code or reverse_sql; Rails db/migrate def down or "
         "def change; Knex exports.down; Sequelize down; TypeORM async down(); migrate-mongo "
         "down(db); Entity Framework Down(); golang-migrate x.up.sql with x.down.sql; Flyway "
         "V<n>__*.sql with U<n>__*.sql; goose and dbmate down sections that are not empty; "
         "Liquibase raw-SQL changeSets with a rollback; Prisma migrations with a down.sql "
         "beside them or a doc describing the Prisma rollback plan (prisma migrate diff).",
     .remediation =
         "Write the down migration next to the up one and run it in CI (up, down, up). When a "
         "change truly cannot be undone (dropping data), make that explicit in the migration "
         "and in the rollback runbook.",
     .also = ""},
    check};

}  // namespace golive::rules::resilience
