package cc.acd.adapter.jdbc;

import cc.acd.app.AgentStateHistory.Outcome;
import cc.core.contract.AgentStateChanged;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agent state history's {@code agent.state} events in the outbox, on the database a subclass opens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgentStateOutboxContract {
    static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    protected Vertx vertx;
    protected MigratedDatabase db;
    protected JdbcAgentStateHistory history;

    protected abstract MigratedDatabase open(Vertx vertx);

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        history = new JdbcAgentStateHistory(db.database());
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    static String newAgent() {
        return "agent-" + UUID.randomUUID();
    }

    Outcome record(String agent, String state, String reason, Instant since, String callId) {
        return result(history.record(new AgentStateChanged(agent, state, reason, since, callId)));
    }

    @Test
    @DisplayName("each new state of an agent tells from which state to which, with the reason, once")
    void eachChangeOnce() throws Exception {
        String a = newAgent();
        record(a, "available", "", T, "");
        record(a, "paused", "break", T.plusSeconds(60), "");
        record(a, "paused", "break", T.plusSeconds(60), "");
        record(a, "paused", "break", T.plusSeconds(70), "");
        record(a, "on-call", "", T.plusSeconds(90), "1700.5");

        List<OutboxRows.Row> rows = OutboxRows.of(db, a);
        assertEquals(List.of("agent.state", "agent.state", "agent.state"),
                rows.stream().map(OutboxRows.Row::type).toList());
        JsonObject first = rows.get(0).payload();
        assertEquals(a, first.getString("agentId"));
        assertNull(first.getString("from"));
        assertEquals("available", first.getString("to"));
        JsonObject paused = rows.get(1).payload();
        assertEquals("available", paused.getString("from"));
        assertEquals("paused", paused.getString("to"));
        assertEquals("break", paused.getString("reason"));
        assertEquals(T.plusSeconds(60), rows.get(1).occurredAt().toInstant());
        JsonObject onCall = rows.get(2).payload();
        assertEquals("paused", onCall.getString("from"));
        assertEquals("break", onCall.getString("fromReason"));
        assertEquals("1700.5", onCall.getString("callId"));
    }
}
