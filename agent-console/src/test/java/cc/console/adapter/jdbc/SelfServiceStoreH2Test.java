package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The self-service store on the embedded H2 default (the demo's database), so V4 and V13 run there too. */
class SelfServiceStoreH2Test extends SelfServiceStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Database open(Vertx vertx) {
        return Await.result(Database.embedded(vertx, dataDir));
    }

    @Override
    protected Database openAgain(Vertx vertx) {
        return Await.result(Database.embedded(vertx, dataDir));
    }
}
