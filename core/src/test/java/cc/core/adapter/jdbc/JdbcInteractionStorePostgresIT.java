package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionStore;
import cc.core.app.interaction.InteractionStoreContract;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static cc.core.testkit.Await.result;

/** The interaction store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcInteractionStorePostgresIT extends InteractionStoreContract {

    private PostgresTestDatabase pg;
    private Vertx vertx;
    private Database db;
    private JdbcInteractionStore store;

    @BeforeAll
    void open() {
        pg = PostgresTestDatabase.create();
        vertx = Vertx.vertx();
        db = result(Database.open(vertx, pg.config()));
        result(new SchemaMigrations().apply(db, List.of("core")));
        store = new JdbcInteractionStore(db);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        if (vertx != null) {
            result(vertx.close());
        }
        if (pg != null) {
            pg.close();
        }
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
