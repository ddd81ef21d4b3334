package cc.core.adapter.jdbc;

import cc.core.app.customer.CustomerStore;
import cc.core.app.customer.CustomerStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cc.core.testkit.Await.result;

/** The customer store contract on the embedded H2 default, in a file database in a temporary directory. */
class JdbcCustomerStoreH2Test extends CustomerStoreContract {

    @TempDir
    static Path dataDir;

    private Vertx vertx;
    private Database db;
    private JdbcCustomerStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = result(Database.embedded(vertx, dataDir));
        result(new SchemaMigrations().apply(db, List.of("core")));
        store = new JdbcCustomerStore(db);
    }

    @AfterAll
    void close() {
        db.close();
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
