package cc.core.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The interaction store's outbox events on the embedded H2 default. */
class InteractionOutboxH2Test extends InteractionOutboxContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core");
    }
}
