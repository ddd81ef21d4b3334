package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The opportunity store and the pipeline's facts on the embedded H2 default. */
class OpportunityStoreH2Test extends OpportunityStoreContract {
    @TempDir
    static Path dataDir;

    @Override
    protected Database open(Vertx vertx) {
        return Await.result(Database.embedded(vertx, dataDir));
    }
}
