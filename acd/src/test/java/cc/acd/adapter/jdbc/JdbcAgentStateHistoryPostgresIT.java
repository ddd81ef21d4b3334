package cc.acd.adapter.jdbc;

import cc.acd.app.AgentStateHistory;
import cc.acd.app.AgentStateHistoryContract;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static cc.core.testkit.Await.result;

/** The agent state history contract on a real PostgreSQL, in a throwaway {@code cc_it_*} database. */
class JdbcAgentStateHistoryPostgresIT extends AgentStateHistoryContract {

    private Vertx vertx;
    private MigratedDatabase db;
    private JdbcAgentStateHistory history;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", "acd");
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
