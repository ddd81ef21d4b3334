package cc.acd.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The reports on the embedded H2 the demo runs on, in a file database in a temporary directory. */
class ReportsH2Test extends ReportsContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core", "acd");
    }
}
