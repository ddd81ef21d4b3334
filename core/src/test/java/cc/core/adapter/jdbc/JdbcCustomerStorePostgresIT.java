package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerStore;
import cc.core.app.customer.CustomerStoreContract;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static cc.core.testkit.Await.result;

/** The customer store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcCustomerStorePostgresIT extends CustomerStoreContract {

    private PostgresTestDatabase pg;
    private Vertx vertx;
    private Database db;
    private JdbcCustomerStore store;

    @BeforeAll
    void open() {
        pg = PostgresTestDatabase.create();
        vertx = Vertx.vertx();
        db = result(Database.open(vertx, pg.config()));
        result(new SchemaMigrations().apply(db, List.of("core")));
        store = new JdbcCustomerStore(db);
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
    protected CustomerStore store() {
        return store;
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }
}
