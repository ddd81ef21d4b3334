package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionStore;
import cc.core.app.interaction.InteractionStoreContract;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;


import static cc.core.testkit.Await.result;

/** The interaction store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcInteractionStorePostgresIT extends InteractionStoreContract {

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcInteractionStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core");
        store = new JdbcInteractionStore(db.database());
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Override
    protected InteractionStore store() {
        return store;
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }
}
