package cc.dialer.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.MigratedDatabase;
import cc.dialer.app.DialerStore;
import cc.dialer.app.DialerStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;

import static cc.core.testkit.Await.result;

/** The dialer store contract on the embedded H2 default, in a file database in a temporary directory. */
class JdbcDialerStoreH2Test extends DialerStoreContract {
    @TempDir
    static Path dataDir;

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcDialerStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core", JdbcDialAudit.MIGRATION_MODULE);
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
