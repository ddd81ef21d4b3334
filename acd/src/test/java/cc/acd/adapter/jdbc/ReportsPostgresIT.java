package cc.acd.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;

/** The reports on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class ReportsPostgresIT extends ReportsContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core", "acd");
    }
}
