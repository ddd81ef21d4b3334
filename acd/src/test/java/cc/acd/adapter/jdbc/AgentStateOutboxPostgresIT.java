package cc.acd.adapter.jdbc;

import cc.core.contract.AgentStateChanged;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static cc.core.testkit.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The agent state events on a real PostgreSQL, and a change failing at its commit telling nothing. */
class AgentStateOutboxPostgresIT extends AgentStateOutboxContract {
    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.postgres(vertx, "core", "acd");
    }

    @Test
    @DisplayName("a state change whose transaction fails at commit leaves neither the spell nor the event")
    void failedChangeTellsNothing() throws Exception {
        String a = newAgent();
        record(a, "available", "", T, "");
        OutboxRows.failAtCommit(db, "acd_agent_state_spell", "new.reason = 'roll me back'");

        OutboxRows.assertFailedAtCommit(failure(history.record(
                new AgentStateChanged(a, "paused", "roll me back", T.plusSeconds(5), ""))));

        assertEquals(List.of("agent.state"), OutboxRows.types(db, a));
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*), count(ended_at) from acd_agent_state_spell where agent_id = ?")) {
            ps.setString(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "no spell added");
                assertEquals(0, rs.getInt(2), "the open spell was not closed");
            }
        }
    }
}
