#include "model/resilience.h"
#include "rules/common.h"
#include "rules/rule.h"

namespace golive::rules::resilience {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  if (!deploys_a_service(model))
    return context.not_applicable(
        "the repository deploys no service (no Dockerfile, compose "
        "file, Kubernetes workload or Helm chart)");
  std::vector<model::DatabaseEvidence> databases = model::databases_of(model);
  if (databases.empty())
    return context.not_applicable(
        "no database: no driver dependency, database image, "
        "StatefulSet or Terraform database resource");
  for (const auto& fact : model::backup_facts_of(model)) {
    if (fact.kind == model::BackupFactKind::kBackup) return;
  }
  const auto& database = databases.front();
  std::string more = databases.size() > 1 ? " and " + std::to_string(databases.size() - 1) + " more"
                                          : std::string();
  context.report("the service keeps data (" + database.what + more +
                     ") but nothing backs it up: no backup script, CronJob, velero schedule or "
                     "managed snapshot",
                 database.path, database.line);
}

}  // namespace

extern const Rule kMissingBackups;
const Rule kMissingBackups{
    {.id = "resilience/missing-backups",
     .section = "resilience",
     .title = "Databases are backed up automatically",
     .severity = Severity::kWarning,
     .seeds = "000 T015, 001 T109, 002 §4, 003 P3-05",
     .rationale =
         "A database without automated backups is one bad migration, deleted volume or "
         "ransomware incident away from losing every customer's data. golive looks for a "
         "database (a driver dependency such as pg, psycopg, pgx, mongoose or the PostgreSQL "
         "JDBC driver; a compose service running a postgres, mysql, mariadb, mongo or redis "
         "image; a StatefulSet or a database operator cluster; a Terraform database resource) "
         "and then for a backup in scripts, Makefiles, CI, manifests, compose and Terraform: "
         "pg_dump, pg_basebackup, mongodump, mysqldump, mariadb-dump, redis-cli --rdb or "
         "BGSAVE, velero backups and schedules, restic, borg, wal-g, pgbackrest, barman "
         "(CloudNativePG barmanObjectStore), aws rds create-db-snapshot, gcloud sql backups, "
         "aws_backup_plan, backup_retention_period above zero and backup_configuration.",
     .remediation =
         "Schedule a backup: a Kubernetes CronJob or CI schedule running pg_dump (or the "
         "engine's dump tool) to object storage, velero schedules, or the managed database's "
         "automated backups (backup_retention_period = 7 on aws_db_instance).",
     .also = "",
     .service_practice = true},
    check};

}  // namespace golive::rules::resilience
