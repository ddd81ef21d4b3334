package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Core V10 and console V3 on the embedded H2 default. */
class SalesOpportunityMigrationH2Test extends SalesOpportunityMigrationContract {
    @TempDir
    static Path dataDir;

    @Override
    protected Database open(Vertx vertx) {
        return Await.result(Database.embedded(vertx, dataDir));
    }
}
