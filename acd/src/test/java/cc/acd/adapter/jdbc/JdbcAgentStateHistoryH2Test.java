package cc.acd.adapter.jdbc;

import cc.acd.app.AgentStateHistory;
import cc.acd.app.AgentStateHistoryContract;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cc.core.testkit.Await.result;

/** The agent state history contract on the embedded H2 default, in a file database in a temporary directory. */
class JdbcAgentStateHistoryH2Test extends AgentStateHistoryContract {

    @TempDir
    static Path dataDir;

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcAgentStateHistory history;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core", "acd");
        history = new JdbcAgentStateHistory(db.database());
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Override
    protected AgentStateHistory history() {
        return history;
    }
}
