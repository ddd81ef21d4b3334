package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.MigratedDatabase;
import cc.dialer.app.DialerStore;
import cc.dialer.app.DialerStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.ZoneId;

import static cc.core.testkit.Await.result;

/** The dialer store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcDialerStorePostgresIT extends DialerStoreContract {
    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcDialerStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", JdbcDialAudit.MIGRATION_MODULE);
        store = new JdbcDialerStore(db.database(), ZoneId.of("Asia/Tehran"));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Override
    protected DialerStore store() {
        return store;
    }

    @Override
    protected Database database() {
        return db.database();
    }
}
