package cc.acd.app;

import cc.acd.adapter.jdbc.JdbcAgentStateHistory;
import cc.acd.domain.agent.AgentStateSpell;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.LocalRecordCodec;
import cc.core.testkit.Await;
import cc.core.testkit.MigratedDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recorder on a real Vert.x and the embedded H2 store. */
class AgentStateRecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final List<String> DAY = List.of("available", "ringing", "on-call", "wrap-up");

    @TempDir
    Path dataDir;

    private Vertx vertx;
    private MigratedDatabase db;
    private SimpleMeterRegistry registry;
    private JdbcAgentStateHistory history;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        db = MigratedDatabase.embedded(vertx, dataDir, "core", "acd");
        registry = new SimpleMeterRegistry();
        history = new JdbcAgentStateHistory(db.database());
        result(vertx.deployVerticle(new AgentStateRecorder(history, registry)));
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("many agents' changes published back to back are each stored in the order published")
    void orderPerAgent() {
        int agents = 20;
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            for (int a = 0; a < agents; a++) {
                String state = DAY.get(round % DAY.size());
                vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("agent-" + a,
                        state, "", T0.plusSeconds(round), state.equals("available") ? "" : "call-" + a));
            }
        }
        until(() -> unwritten() == 0 && written("opened") == agents * rounds, "every change stored");

        for (int a = 0; a < agents; a++) {
            List<AgentStateSpell> expected = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String state = DAY.get(round % DAY.size());
                expected.add(new AgentStateSpell("agent-" + a, state, "",
                        state.equals("available") ? "" : "call-" + a, T0.plusSeconds(round),
                        round == rounds - 1 ? Optional.empty() : Optional.of(T0.plusSeconds(round + 1))));
            }
            assertEquals(expected, result(history.spells("agent-" + a, T0, T0.plusSeconds(60))));
        }
    }

    @Test
    @DisplayName("a change the history can never hold is dropped and counted, and the agent's later changes go on")
    void unstorableDropped() {
        vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("sara", "available", "", T0));
        vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("sara", "paused", "x".repeat(500), T0.plusSeconds(10)));
        vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("sara", "logged-out", "", T0.plusSeconds(20)));
        until(() -> unwritten() == 0 && written("opened") == 2, "the storable changes stored");

        assertEquals(1.0, registry.counter("cc.acd.agent.states.dropped").count());
        assertEquals(0.0, registry.counter("cc.acd.agent.states.write.failures").count());
        assertEquals(List.of(
                new AgentStateSpell("sara", "available", "", "", T0, Optional.of(T0.plusSeconds(20))),
                new AgentStateSpell("sara", "logged-out", "", "", T0.plusSeconds(20), Optional.empty())),
                result(history.spells("sara", T0, T0.plusSeconds(60))));
    }

    private double written(String outcome) {
        return registry.counter("cc.acd.agent.states.written", "outcome", outcome).count();
    }

    private double unwritten() {
        return registry.get("cc.acd.agent.states.unwritten").gauge().value();
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) {
        Await.until(() -> Future.succeededFuture(condition.getAsBoolean()), Duration.ofSeconds(20), what);
    }
}
