package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.testkit.PostgresTestDatabase;
import cc.dialer.app.DialerStore;
import cc.dialer.app.DialerStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.ZoneId;
import java.util.List;

import static cc.core.testkit.Await.result;

/** The dialer store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcDialerStorePostgresIT extends DialerStoreContract {
    private PostgresTestDatabase pg;
    private Vertx vertx;
    private Database db;
    private JdbcDialerStore store;

    @BeforeAll
    void open() {
        pg = PostgresTestDatabase.create();
        vertx = Vertx.vertx();
        db = result(Database.open(vertx, pg.config()));
        result(new SchemaMigrations().apply(db, List.of("core", JdbcDialAudit.MIGRATION_MODULE)));
        store = new JdbcDialerStore(db, ZoneId.of("Asia/Tehran"));
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
    protected DialerStore store() {
        return store;
    }

    @Override
    protected Database database() {
        return db;
    }
}
