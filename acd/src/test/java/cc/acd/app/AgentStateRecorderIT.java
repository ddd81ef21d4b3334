package cc.acd.app;

import cc.acd.adapter.jdbc.JdbcAgentStateHistory;
import cc.acd.domain.agent.AgentStateSpell;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.LocalRecordCodec;
import cc.core.testkit.Await;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.PostgresTestDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recorder on a real Vert.x and the real PostgreSQL store, through a real outage: the test database stops
 * accepting connections and its sessions are ended, then it is let back.
 */
class AgentStateRecorderIT {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(40);

    private Vertx vertx;
    private MigratedDatabase db;
    private String dbName;
    private SimpleMeterRegistry registry;
    private JdbcAgentStateHistory history;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger recorderLog = (Logger) LoggerFactory.getLogger(AgentStateRecorder.class);

    @BeforeEach
    void open() throws SQLException {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        db = MigratedDatabase.postgres(vertx, "core", "acd");
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            dbName = rs.getString(1);
        }
        registry = new SimpleMeterRegistry();
        history = new JdbcAgentStateHistory(db.database());
        logs.start();
        recorderLog.addAppender(logs);
        result(vertx.deployVerticle(new AgentStateRecorder(history, registry)));
    }

    @AfterEach
    void close() throws SQLException {
        recorderLog.detachAppender(logs);
        allowConnections(true);
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("while the database is down every change is held, the outage and the recovery logged once, and "
            + "afterwards every change is stored in order, a duplicate once")
    void outage() throws SQLException {
        publish("sara", "available", "", 0, "");
        publish("omid", "available", "", 0, "");
        until(() -> written("opened") == 2, "the first changes stored");

        allowConnections(false);
        publish("sara", "ringing", "", 60, "1700000000.17");
        publish("omid", "paused", "break", 60, "");
        publish("sara", "on-call", "", 64, "1700000000.17");
        publish("omid", "paused", "break", 60, "");
        publish("sara", "wrap-up", "", 300, "1700000000.17");
        publish("sara", "available", "", 330, "");
        // at most two writes (one per agent) are in flight when it goes: a third failure is a retry that found the
        // database still down
        until(() -> registry.counter("cc.acd.agent.states.write.failures").count() >= 3, "a failed retry");
        until(() -> unwritten() == 6, "all six changes held");
        allowConnections(true);
        until(() -> unwritten() == 0, "the held changes stored");

        assertEquals(List.of(
                spell("sara", "available", "", "", 0, 60),
                spell("sara", "ringing", "", "1700000000.17", 60, 64),
                spell("sara", "on-call", "", "1700000000.17", 64, 300),
                spell("sara", "wrap-up", "", "1700000000.17", 300, 330),
                spell("sara", "available", "", "", 330, null)),
                result(history.spells("sara", T0, T0.plusSeconds(3600))));
        assertEquals(List.of(
                spell("omid", "available", "", "", 0, 60),
                spell("omid", "paused", "break", "", 60, null)),
                result(history.spells("omid", T0, T0.plusSeconds(3600))));
        assertEquals(7.0, written("opened"));
        assertEquals(1.0, written("duplicate"));
        assertEquals(List.of("ERROR Cannot store agent states", "INFO Agent state history is writable again"),
                logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                        .map(e -> e.getLevel() + " " + e.getFormattedMessage().replaceAll("[(;].*", "").strip())
                        .toList());
    }

    private void publish(String agent, String state, String reason, int second, String callId) {
        vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged(agent, state, reason, T0.plusSeconds(second), callId));
    }

    private static AgentStateSpell spell(String agent, String state, String reason, String callId, int from,
                                         Integer to) {
        return new AgentStateSpell(agent, state, reason, callId, T0.plusSeconds(from),
                Optional.ofNullable(to).map(T0::plusSeconds));
    }

    private double written(String outcome) {
        return registry.counter("cc.acd.agent.states.written", "outcome", outcome).count();
    }

    private double unwritten() {
        return registry.get("cc.acd.agent.states.unwritten").gauge().value();
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) {
        Await.until(() -> Future.succeededFuture(condition.getAsBoolean()), BOUND, what);
    }

    /**
     * Stops or restarts the test database taking connections, from the server's maintenance database; when
     * stopping, ends the sessions the pool holds and waits until they are gone.
     */
    private void allowConnections(boolean allow) throws SQLException {
        String adminUrl = System.getenv().getOrDefault(PostgresTestDatabase.URL_ENV, PostgresTestDatabase.DEFAULT_URL);
        Properties p = new Properties();
        if (!adminUrl.contains("user=")) {
            p.setProperty("user", "postgres");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, p); Statement s = c.createStatement()) {
            // the name comes from current_database() of our own throwaway database, not from input
            s.execute("alter database " + dbName + " allow_connections " + allow);
            if (allow) {
                return;
            }
            try (PreparedStatement end = c.prepareStatement(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ?")) {
                end.setString(1, dbName);
                end.execute();
            }
            Await.until(() -> Future.succeededFuture(sessions(c) == 0), BOUND, "the pool's sessions ended");
        }
    }

    private int sessions(Connection admin) {
        try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
            ps.setString(1, dbName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
