package cc.core.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;

/** The customer score store on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcCustomerScoreStorePostgresIT extends CustomerScoreStoreContract {
    @Override
    protected MigratedDatabase database(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core");
    }
}
