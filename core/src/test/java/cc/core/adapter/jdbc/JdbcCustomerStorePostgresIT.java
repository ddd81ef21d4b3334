package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerStore;
import cc.core.app.customer.CustomerStoreContract;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;


import static cc.core.testkit.Await.result;

/** The customer store contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcCustomerStorePostgresIT extends CustomerStoreContract {

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcCustomerStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core");
        store = new JdbcCustomerStore(db.database());
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
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
