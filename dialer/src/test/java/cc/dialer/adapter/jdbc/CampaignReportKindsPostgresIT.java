package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;

/** The campaign report on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class CampaignReportKindsPostgresIT extends CampaignReportKindsContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core", JdbcDialAudit.MIGRATION_MODULE);
    }
}
