package cc.core.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;

/** The interaction store's outbox events on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class InteractionOutboxPostgresIT extends InteractionOutboxContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core");
    }
}
