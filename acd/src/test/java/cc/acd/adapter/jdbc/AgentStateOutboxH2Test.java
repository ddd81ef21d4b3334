package cc.acd.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The agent state events on the embedded H2 default. */
class AgentStateOutboxH2Test extends AgentStateOutboxContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core", "acd");
    }
}
