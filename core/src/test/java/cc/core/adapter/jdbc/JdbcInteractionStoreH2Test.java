package cc.core.adapter.jdbc;

import cc.core.app.interaction.InteractionStore;
import cc.core.app.interaction.InteractionStoreContract;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cc.core.testkit.Await.result;

/** The interaction store contract on the embedded H2 default, in a file database in a temporary directory. */
class JdbcInteractionStoreH2Test extends InteractionStoreContract {

    @TempDir
    static Path dataDir;

    private Vertx vertx;
    private Database db;
    private JdbcInteractionStore store;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = result(Database.embedded(vertx, dataDir));
        result(new SchemaMigrations().apply(db, List.of("core")));
        store = new JdbcInteractionStore(db);
    }

    @AfterAll
    void close() {
        db.close();
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
