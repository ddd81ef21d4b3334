package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The quality store on the embedded H2 default, so the V2 script and the queries run there too. */
class JdbcQualityStoreH2Test extends JdbcQualityStoreContract {
    @TempDir
    static Path dataDir;

    @Override
    protected Database open(Vertx vertx) {
        return Await.result(Database.embedded(vertx, dataDir));
    }
}
