package cc.acd.adapter.jdbc;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.IntervalSnapshot;
import cc.acd.domain.metrics.QueueMetrics;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcIntervalStoreIT {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private Vertx vertx;
    private MigratedDatabase db;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "acd");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        await(vertx.close());
    }

    @Test
    @DisplayName("a closed 15-minute interval is stored per queue and per agent, and storing it again replaces it")
    void storesInterval() throws Exception {
        JdbcIntervalStore store = new JdbcIntervalStore(db.database());
        await(store.store(snapshot(3)));
        await(store.store(snapshot(5)));

        List<Long> queueRow = await(db.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select offered, answered, abandoned, "
                    + "total_answer_wait_ms from acd_queue_interval where queue_id = ? and interval_start = ?")) {
                ps.setString(1, "support");
                ps.setTimestamp(2, java.sql.Timestamp.from(START));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    List<Long> row = List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    assertTrue(!rs.next(), "one row per queue and interval");
                    return row;
                }
            }
        }));
        assertEquals(List.of(5L, 4L, 1L, 40_000L), queueRow);
        String agentRow = await(db.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select calls_handled, on_call_ms, state_at_end "
                    + "from acd_agent_interval where agent_id = ?")) {
                ps.setString(1, "sara");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3);
                }
            }
        }));
        assertEquals("5/600000/available", agentRow);
    }

    private static IntervalSnapshot snapshot(int offered) {
        QueueMetrics q = new QueueMetrics("support", 0, 0, Duration.ZERO, offered, offered - 1, offered - 2, 1, 0,
                Duration.ofSeconds(10L * (offered - 1)), offered - 1, Duration.ofMinutes(offered), 2, 1);
        AgentMetrics a = new AgentMetrics("sara", new AgentState(AgentStatus.AVAILABLE, "", START, ""),
                Map.of(AgentStatus.ON_CALL, Duration.ofMinutes(10), AgentStatus.AVAILABLE, Duration.ofMinutes(5)),
                offered);
        return new IntervalSnapshot(START, START.plus(Duration.ofMinutes(15)), List.of(q), List.of(a));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
